package org.fairshare.cli;

import java.nio.file.Files;
import org.apache.spark.sql.SparkSession;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.schema.GeographyLookup;

/** The embedded default: synthetic inputs made on first use when data.dir holds none. */
final class DefaultData {
  private DefaultData() {}

  /** Generates the inputs into data.dir when it has no geography input and the config allows. */
  static void generateIfMissing(SparkSession spark, FairshareConfig cfg) {
    if (!cfg.getBoolean(ConfigKeys.GENERATE_IF_MISSING)
        || Files.exists(cfg.input(GeographyLookup.DATASET).path())) {
      return;
    }
    GenerateCommand.generate(spark, cfg, cfg.dataDir(), "parquet", 1.0);
  }
}
