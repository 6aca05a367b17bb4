package org.fairshare.need;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.Activity;
import org.fairshare.schema.GeographyLookup;
import org.fairshare.schema.PlaceMappingFile;
import org.fairshare.schema.Population;

/** The inputs several need stages read, filtered to the run's data year. */
final class NeedStageInputs {
  private NeedStageInputs() {}

  /** Returns area_code, sex, age, persons of the run's data year; throws if there are none. */
  static Dataset<Row> population(StageContext ctx) {
    int year = ctx.config().dataYear();
    Dataset<Row> pop =
        SliceIo.input(ctx, Population.CONTRACT)
            .where(col(Population.YEAR).equalTo(year))
            .select(Population.AREA_CODE, Population.SEX, Population.AGE, Population.PERSONS);
    if (pop.isEmpty()) {
      throw new IllegalStateException(
          "no population rows for run.data_year=" + year + ": check the population input's years");
    }
    return pop;
  }

  /** Returns area_code, sex, age, service, events of the run's data year. */
  static Dataset<Row> activity(StageContext ctx) {
    return SliceIo.input(ctx, Activity.CONTRACT)
        .where(col(Activity.YEAR).equalTo(ctx.config().dataYear()))
        .select(Activity.AREA_CODE, Activity.SEX, Activity.AGE, Activity.SERVICE, Activity.EVENTS);
  }

  /** Returns area_code, place_code, icb_code, msoa_code, la_code as configured. */
  static Dataset<Row> areaPlaces(StageContext ctx) {
    FairshareConfig cfg = ctx.config();
    String level = cfg.get(ConfigKeys.PLACE_LEVEL);
    Dataset<Row> mapping = null;
    if (Places.CUSTOM.equals(level)) {
      String file = cfg.get(ConfigKeys.PLACE_MAPPING_PATH);
      if (file.isBlank()) {
        throw new IllegalStateException(
            "allocation.place_level=custom needs allocation.place_mapping_path (a CSV with"
                + " area_code,place_code)");
      }
      Path path = cfg.dataPath(ConfigKeys.PLACE_MAPPING_PATH.name(), file);
      mapping =
          ctx.spark()
              .read()
              .schema(PlaceMappingFile.SCHEMA)
              .option("header", "true")
              .option("mode", "FAILFAST")
              .csv(path.toString());
    }
    return Places.areaPlaces(SliceIo.input(ctx, GeographyLookup.CONTRACT), level, mapping);
  }
}
