package org.fairshare.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.fairshare.config.ConfigException;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.ingest.InputFiles;
import org.fairshare.output.OwnedFolder;
import org.fairshare.schema.DatasetContract;
import org.fairshare.schema.Datasets;
import org.fairshare.schema.GeographyLookup;

/**
 * The embedded default: synthetic inputs made on first use, only into the project's own default
 * data.dir ({@code datasets/generated}) and only when every input key is at its default. Anywhere
 * else a missing input is the user's typo or broken link, never a place to write.
 */
final class DefaultData {
  private DefaultData() {}

  /**
   * Returns whether the synthetic inputs must be generated before the run; throws a {@link
   * ConfigException} naming the first input key whose path holds no data, when they will not be.
   * Reads the file system only: call it before starting Spark.
   */
  static boolean mustGenerate(FairshareConfig cfg) {
    Optional<String> notDefault =
        cfg.getBoolean(ConfigKeys.GENERATE_IF_MISSING)
            ? notDefault(cfg)
            : Optional.of(ConfigKeys.GENERATE_IF_MISSING.name() + "=false");
    if (notDefault.isEmpty()
        && InputFiles.problem(cfg.input(GeographyLookup.DATASET)).isPresent()) {
      OwnedFolder.requireOwned(cfg.dataDir(), ConfigKeys.DATA_DIR.name());
      return true;
    }
    for (DatasetContract c : Datasets.INGESTED) {
      if (!cfg.isProvided(c.name())) {
        continue;
      }
      Optional<String> problem = InputFiles.problem(cfg.input(c.name()));
      if (problem.isPresent()) {
        String key = "inputs." + c.name() + ".path";
        throw new ConfigException(
            "config key "
                + key
                + "="
                + cfg.get(key, "")
                + " resolves to "
                + cfg.input(c.name()).path()
                + ", where there is "
                + problem.get()
                + "; correct "
                + key
                + " (no synthetic inputs are generated: "
                + notDefault.orElse(
                    "the default data.dir holds the geography already; bin/fairshare generate"
                        + " makes every input afresh")
                + ")");
      }
    }
    return false;
  }

  /** Generates the default inputs into the default data.dir and lists them as fairshare's. */
  static void generate(SparkSession spark, FairshareConfig cfg) {
    GenerateCommand.generate(spark, cfg, cfg.dataDir(), "parquet", 1.0);
  }

  /** Returns why the configuration is not the default one for the inputs, or empty when it is. */
  static Optional<String> notDefault(FairshareConfig cfg) {
    Path home = defaultDataDir();
    if (!cfg.dataDir().equals(home)) {
      return Optional.of(
          ConfigKeys.DATA_DIR.name()
              + " is "
              + cfg.dataDir()
              + ", not the default "
              + ConfigKeys.DATA_DIR.defaultValue());
    }
    Map<String, String> defaults = ConfigKeys.defaults();
    for (Map.Entry<String, String> e : cfg.asMap().entrySet()) {
      if (e.getKey().startsWith("inputs.") && !e.getValue().equals(defaults.get(e.getKey()))) {
        return Optional.of(e.getKey() + " is set");
      }
    }
    return Optional.empty();
  }

  /** Returns the project's own folder of generated inputs, the default data.dir. */
  static Path defaultDataDir() {
    return Path.of(ConfigKeys.DATA_DIR.defaultValue()).toAbsolutePath().normalize();
  }
}
