package org.fairshare.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.generate.GenerationReport;
import org.fairshare.generate.GeneratorOptions;
import org.fairshare.generate.SyntheticEngland;
import org.fairshare.generate.Truth;
import org.fairshare.output.OwnedFolder;
import org.fairshare.schema.Datasets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fairshare generate}: deterministic synthetic England-shaped inputs. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    header = "Writes synthetic inputs shaped like England.",
    description =
        "The inputs carry planted effects whose true values are in <out>/_truth (see"
            + " datasets/SYNTHETIC.md). The same options give the same rows.")
public final class GenerateCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);

  @Mixin CommonOptions common;

  @Option(names = "--areas", description = "Small areas (England: 33755). Default: generate.areas.")
  Integer areas;

  @Option(names = "--seed", description = "Random seed. Default: generate.seed.")
  Long seed;

  @Option(names = "--years", description = "Calendar years ending at run.data_year.")
  Integer years;

  @Option(
      names = "--activity-multiplier",
      defaultValue = "1.0",
      description = "Multiplies every activity rate. Default: ${DEFAULT-VALUE}.")
  double activityMultiplier;

  @Option(
      names = "--format",
      defaultValue = "parquet",
      description = "parquet or csv. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--out", description = "Output folder. Default: data.dir.")
  Path out;

  @Override
  public Integer call() {
    if (!format.equals("parquet") && !format.equals("csv")) {
      Console.err("--format takes parquet or csv, got '" + format + "'");
      return ExitCodes.USAGE;
    }
    Map<String, String> set = new java.util.LinkedHashMap<>();
    if (areas != null) {
      set.put(ConfigKeys.GENERATE_AREAS.name(), areas.toString());
    }
    if (seed != null) {
      set.put(ConfigKeys.GENERATE_SEED.name(), seed.toString());
    }
    if (years != null) {
      set.put(ConfigKeys.GENERATE_YEARS.name(), years.toString());
    }
    FairshareConfig cfg = common.config().with(set);
    Path target = out == null ? cfg.dataDir() : out.toAbsolutePath().normalize();
    OwnedFolder.requireOwned(target, out == null ? ConfigKeys.DATA_DIR.name() : "--out");
    SparkSession spark = common.spark(cfg);
    GenerationReport report = generate(spark, cfg, target, format, activityMultiplier);
    Console.out("generated " + target);
    report
        .rowsWritten()
        .forEach((name, rows) -> Console.out(String.format("  %-20s %,14d rows", name, rows)));
    Console.out(String.format("  time %.1f s, peak heap %s", report.seconds(), peakHeap()));
    return ExitCodes.OK;
  }

  /**
   * Generates the configured synthetic inputs into {@code target}, which {@link
   * OwnedFolder#requireOwned} allowed, and lists what it wrote in the folder's manifest.
   */
  static GenerationReport generate(
      SparkSession spark, FairshareConfig cfg, Path target, String format, double multiplier) {
    GeneratorOptions opts =
        new GeneratorOptions(
            cfg.getInt(ConfigKeys.GENERATE_AREAS),
            cfg.getLong(ConfigKeys.GENERATE_SEED),
            cfg.getInt(ConfigKeys.GENERATE_YEARS),
            cfg.dataYear(),
            cfg.financialYear(),
            multiplier,
            format);
    LOG.info("generating {} areas into {}", opts.areas(), target);
    OwnedFolder.requireOwned(target, "the generator's output folder");
    // Claimed first: Spark's overwrite empties each dataset folder, and a write cut short there
    // must still be fairshare's to redo.
    List<String> written = new ArrayList<>();
    Datasets.INGESTED.forEach(c -> written.add(c.name()));
    written.add(Truth.FOLDER);
    OwnedFolder.claim(target, written);
    GenerationReport report = SyntheticEngland.generate(spark, opts, target);
    OwnedFolder.record(target);
    return report;
  }

  /** Returns the JVM's peak heap use so far, summed over heap pools, e.g. "2.3 GiB". */
  static String peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return String.format("%.2f GiB", peak / (double) (1L << 30));
  }
}
