package org.fairshare.geography;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.GeographyLookup;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.RunGeographyTable;
import org.fairshare.schema.Staging;

/** Writes run_geography: which small-area and NHS boundary vintages the run used. */
public final class GeographyStage implements Stage {

  @Override
  public String name() {
    return "run_geography";
  }

  @Override
  public List<OutputTable> outputs() {
    return List.of(RunGeographyTable.TABLE);
  }

  @Override
  public void run(StageContext ctx) {
    FairshareConfig cfg = ctx.config();
    String nhs = cfg.get(ConfigKeys.NHS_GEOGRAPHY_VINTAGE);
    ctx.write(
        RunGeographyTable.TABLE,
        vintages(
            ctx.read(Staging.table(GeographyLookup.CONTRACT)),
            cfg.get(ConfigKeys.LSOA_VINTAGE),
            nhs.isBlank() ? cfg.financialYear() : nhs));
  }

  /** Returns the one run_geography row of a geography lookup (columns of the table). */
  public static Dataset<Row> vintages(Dataset<Row> lookup, String lsoaVintage, String nhsVintage) {
    return lookup.agg(
        lit(lsoaVintage).as(RunGeographyTable.LSOA_VINTAGE),
        array_join(array_sort(collect_set(col(GeographyLookup.LSOA_VINTAGE).cast("string"))), ",")
            .as(RunGeographyTable.LSOA_VINTAGES_IN_DATA),
        lit(nhsVintage).as(RunGeographyTable.NHS_VINTAGE),
        count_distinct(col(GeographyLookup.AREA_CODE)).as(RunGeographyTable.AREAS),
        count_distinct(col(GeographyLookup.PLACE_CODE)).as(RunGeographyTable.PLACES),
        count_distinct(col(GeographyLookup.SUB_ICB_CODE)).as(RunGeographyTable.SUB_ICBS),
        count_distinct(col(GeographyLookup.ICB_CODE)).as(RunGeographyTable.ICBS));
  }
}
