package org.fairshare.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.fairshare.config.ConfigException;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.ConfigLoader;
import org.fairshare.config.FairshareConfig;
import org.fairshare.spark.Sessions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every subcommand takes: which configuration, overrides, and how loud. */
public final class CommonOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description = "Configuration file (Java properties). Default: conf/default.properties.")
  Path conf;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one configuration key; repeatable. Beats the file.")
  List<String> overrides = List.of();

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Folder of the inputs (data.dir).")
  Path dataDir;

  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      description = "Folder of the output tables (warehouse.path).")
  Path warehouse;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show Spark's and Delta's own logging.")
  boolean verbose;

  /**
   * Checks a count option of the command (rows or versions shown) is 1 or more.
   *
   * @throws ParameterException naming the option and the value, a usage error (exit 2)
   */
  void requirePositive(String option, int value) {
    if (value < 1) {
      throw new ParameterException(
          command.commandLine(), option + " takes a whole number, 1 or more; got " + value);
    }
  }

  /** Returns the effective configuration: defaults, then the file, then these options. */
  FairshareConfig config() {
    Map<String, String> set = new LinkedHashMap<>();
    // How each key was given, to name both places when one is given twice.
    Map<String, String> givenAs = new LinkedHashMap<>();
    if (dataDir != null) {
      put(set, givenAs, ConfigKeys.DATA_DIR.name(), dataDir.toString(), "--data-dir");
    }
    if (warehouse != null) {
      put(set, givenAs, ConfigKeys.WAREHOUSE.name(), warehouse.toString(), "--warehouse");
    }
    for (String o : overrides) {
      Map.Entry<String, String> e = ConfigLoader.parseOverride(o);
      put(set, givenAs, e.getKey(), e.getValue(), "--set " + e.getKey());
    }
    Path file = conf;
    if (file == null && Files.isRegularFile(ConfigLoader.DEFAULT_FILE)) {
      file = ConfigLoader.DEFAULT_FILE;
    }
    return ConfigLoader.load(file, set);
  }

  /**
   * Adds a key given on the command line; throws a {@link ConfigException} naming the key and both
   * values when it was given already (the last silently won before), as a key set twice in a
   * properties file is refused.
   */
  private static void put(
      Map<String, String> set, Map<String, String> givenAs, String key, String value, String as) {
    String earlier = givenAs.putIfAbsent(key, as);
    if (earlier != null) {
      throw new ConfigException(
          key
              + " is given twice on the command line, as "
              + earlier
              + "='"
              + set.get(key)
              + "' and as "
              + as
              + "='"
              + value
              + "'; keep one");
    }
    set.put(key, value);
  }

  /** Returns the SparkSession for this configuration, with logging set as asked. */
  SparkSession spark(FairshareConfig cfg) {
    if (verbose) {
      Configurator.setAllLevels(LogManager.getRootLogger().getName(), Level.INFO);
    }
    String partitions = cfg.get(ConfigKeys.SHUFFLE_PARTITIONS);
    int n =
        partitions.equals("auto")
            ? 2 * Runtime.getRuntime().availableProcessors()
            : Integer.parseInt(partitions);
    return Sessions.getOrCreate(
        "fairshare", cfg.get(ConfigKeys.SPARK_MASTER), n, cfg.sparkSettings());
  }
}
