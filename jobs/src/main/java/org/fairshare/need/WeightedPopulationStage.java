package org.fairshare.need;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.AreaWeightedPopulationTable;
import org.fairshare.schema.CostIndices;
import org.fairshare.schema.HealthInequalitiesTable;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.PlaceWeightedPopulationTable;
import org.fairshare.schema.Spend;
import org.fairshare.schema.StreamWeightedPopulationTable;

/**
 * Blends the services' and the health-inequalities weighted populations into the funding streams,
 * applies the cost indices and writes the place-level weighted populations and need indices.
 */
public final class WeightedPopulationStage implements Stage {

  @Override
  public String name() {
    return "weighted_population";
  }

  @Override
  public List<OutputTable> outputs() {
    return List.of(StreamWeightedPopulationTable.TABLE, PlaceWeightedPopulationTable.TABLE);
  }

  @Override
  public void run(StageContext ctx) {
    FairshareConfig cfg = ctx.config();
    Dataset<Row> areaNeed = SliceIo.table(ctx, AreaWeightedPopulationTable.TABLE);
    Dataset<Row> hi = SliceIo.table(ctx, HealthInequalitiesTable.TABLE);
    Map<String, Double> configured = ServiceShares.parse(cfg.get(ConfigKeys.SERVICE_SHARES));
    Dataset<Row> shares =
        configured.isEmpty()
            ? ServiceShares.fromSpend(
                SliceIo.input(ctx, Spend.CONTRACT).where(col(Spend.YEAR).equalTo(cfg.dataYear())))
            : ServiceShares.fromMap(ctx.spark(), configured);
    Dataset<Row> streamArea =
        WeightedPopulation.streamAreaWeightedPopulation(
            areaNeed,
            hi,
            shares,
            ServiceShares.names(cfg.get(ConfigKeys.PMC_SERVICES)),
            cfg.getDouble(ConfigKeys.HI_WEIGHT_CORE),
            cfg.getDouble(ConfigKeys.HI_WEIGHT_PMC));
    Dataset<Row> areaPlaces = NeedStageInputs.areaPlaces(ctx);
    String names = cfg.get(ConfigKeys.COST_INDEX_NAMES).trim();
    Dataset<Row> costIndex =
        WeightedPopulation.costIndexByPlace(
            WeightedPopulation.distinctPlaces(areaPlaces),
            SliceIo.input(ctx, CostIndices.CONTRACT),
            "*".equals(names) ? null : ServiceShares.names(names));
    Dataset<Row> streamPlace =
        WeightedPopulation.streamPlaceWeightedPopulation(streamArea, areaPlaces, costIndex);
    SliceIo.write(ctx, StreamWeightedPopulationTable.TABLE, streamPlace);
    SliceIo.write(
        ctx,
        PlaceWeightedPopulationTable.TABLE,
        WeightedPopulation.placeComponents(areaNeed, hi, streamPlace, areaPlaces));
  }
}
