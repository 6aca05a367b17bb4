package org.fairshare.need;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.Columns;
import org.fairshare.schema.HealthInequalitiesTable;
import org.fairshare.schema.Mortality;
import org.fairshare.schema.OutputTable;

/** Writes health_inequalities_area: stabilised mortality ratios and the HI weighted population. */
public final class HealthInequalitiesStage implements Stage {

  @Override
  public String name() {
    return "health_inequalities";
  }

  @Override
  public List<OutputTable> outputs() {
    return List.of(HealthInequalitiesTable.TABLE);
  }

  @Override
  public void run(StageContext ctx) {
    FairshareConfig cfg = ctx.config();
    int last = cfg.dataYear();
    int first = last - cfg.getInt(ConfigKeys.HI_MORTALITY_YEARS) + 1;
    Dataset<Row> mortality =
        SliceIo.input(ctx, Mortality.CONTRACT).where(col(Mortality.YEAR).between(first, last));
    String parentColumn =
        "la".equals(cfg.get(ConfigKeys.HI_SHRINK_LEVEL)) ? Columns.LA_CODE : Columns.MSOA_CODE;
    Dataset<Row> parents =
        NeedStageInputs.areaPlaces(ctx)
            .select(
                col(Columns.AREA_CODE), col(parentColumn).as(HealthInequalitiesTable.PARENT_CODE));
    Dataset<Row> ratios =
        HealthInequalities.mortalityRatios(
            NeedStageInputs.population(ctx),
            mortality,
            parents,
            cfg.get(ConfigKeys.HI_MEASURE),
            cfg.getInt(ConfigKeys.HI_PREMATURE_AGE),
            cfg.getDouble(ConfigKeys.HI_PRIOR_STRENGTH));
    SliceIo.write(
        ctx, HealthInequalitiesTable.TABLE, HealthInequalities.withWeightedPopulation(ratios));
  }
}
