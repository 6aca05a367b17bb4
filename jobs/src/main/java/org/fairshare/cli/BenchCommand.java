package org.fairshare.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.fairshare.bench.Benchmark;
import org.fairshare.bench.ScaleResult;
import org.fairshare.config.FairshareConfig;
import org.fairshare.generate.GeneratorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fairshare bench}: the pipeline at England scale and multiples, against floor and DuckDB.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    header = "Benchmarks the pipeline against a bare Spark job and DuckDB.",
    description = {
      "Runs the pipeline on synthetic inputs of areas x scale small areas (made once and kept in"
          + " --work), against the floor (a bare Spark read and group-by of the activity) and"
          + " DuckDB on the same Parquet files. Prints seconds per stage, rows per second, peak"
          + " heap, the ratios pipeline/floor and pipeline/DuckDB, and the time of each scale over"
          + " scale 1.",
      "Scale 1 is England (33,755 areas, about 43 million activity rows); scale 8 takes long."
    })
public final class BenchCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--scales",
      split = ",",
      defaultValue = "1",
      description = "Area multipliers to run, e.g. 1,2,4,8. Default: ${DEFAULT-VALUE}.")
  List<Integer> scales;

  @Option(
      names = "--areas",
      defaultValue = "" + GeneratorOptions.ENGLAND_AREAS,
      description = "Small areas at scale 1. Default: ${DEFAULT-VALUE} (England).")
  int areas;

  @Option(
      names = "--work",
      defaultValue = "bench-work",
      description = "Folder of the generated inputs and warehouses. Default: ${DEFAULT-VALUE}.")
  Path work;

  @Option(names = "--no-duckdb", description = "Skip the DuckDB baseline.")
  boolean noDuckDb;

  @Override
  public Integer call() {
    if (scales.isEmpty() || scales.stream().anyMatch(s -> s < 1)) {
      Console.err("--scales takes positive whole numbers, e.g. 1,2,4,8");
      return ExitCodes.USAGE;
    }
    if (areas < GeneratorOptions.MIN_AREAS) {
      Console.err("--areas must be at least " + GeneratorOptions.MIN_AREAS);
      return ExitCodes.USAGE;
    }
    boolean duckDb = !noDuckDb && Benchmark.duckDbAvailable();
    if (!noDuckDb && !duckDb) {
      Console.err("DuckDB's JDBC driver is not on the classpath: skipping the DuckDB baseline");
    }
    FairshareConfig cfg = common.config();
    SparkSession spark = common.spark(cfg);
    Benchmark bench = new Benchmark(spark, cfg, work.toAbsolutePath().normalize(), areas, duckDb);
    List<ScaleResult> results = new ArrayList<>();
    for (int scale : scales) {
      ScaleResult r = bench.run(scale, Console::out);
      results.add(r);
      printScale(r);
    }
    printSummary(results);
    return ExitCodes.OK;
  }

  private static void printScale(ScaleResult r) {
    Console.out(
        String.format(
            "scale %d: %,d areas, %,d activity rows, inputs %.2f GiB%s",
            r.scale(),
            r.areas(),
            r.activityRows(),
            r.inputBytes() / (double) (1L << 30),
            r.generateSeconds() > 0
                ? String.format(" (generated in %.1f s)", r.generateSeconds())
                : ""));
    Console.out("  pipeline stages (s):");
    for (Map.Entry<String, Double> e : r.stageSeconds().entrySet()) {
      Console.out(String.format("    %-28s %8.1f", e.getKey(), e.getValue()));
    }
    double stages = r.stageSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
    Console.out(
        String.format(
            "    %-28s %8.1f", "(table creation, run log)", r.pipelineSeconds() - stages));
    Console.out(
        String.format(
            "  pipeline %.1f s, %,.0f rows/s, peak heap %.2f GiB; floor %.1f s; DuckDB %s",
            r.pipelineSeconds(),
            r.rowsPerSecond(),
            r.pipelineHeapBytes() / (double) (1L << 30),
            r.floorSeconds(),
            Double.isNaN(r.duckDbSeconds())
                ? "not run"
                : String.format("%.1f s", r.duckDbSeconds())));
  }

  private static void printSummary(List<ScaleResult> results) {
    Console.out("");
    Console.out(
        String.format(
            "%5s %9s %13s %10s %11s %9s %9s %9s %11s %12s %9s",
            "scale",
            "areas",
            "activity",
            "pipeline s",
            "rows/s",
            "heap GiB",
            "floor s",
            "duckdb s",
            "pipe/floor",
            "pipe/duckdb",
            "x scale1"));
    ScaleResult first = results.stream().filter(r -> r.scale() == 1).findFirst().orElse(null);
    for (ScaleResult r : results) {
      Console.out(
          String.format(
              "%5d %,9d %,13d %10.1f %,11.0f %9.2f %9.1f %9s %11.2f %12s %9s",
              r.scale(),
              r.areas(),
              r.activityRows(),
              r.pipelineSeconds(),
              r.rowsPerSecond(),
              r.pipelineHeapBytes() / (double) (1L << 30),
              r.floorSeconds(),
              Double.isNaN(r.duckDbSeconds()) ? "-" : String.format("%.1f", r.duckDbSeconds()),
              r.overFloor(),
              Double.isNaN(r.duckDbSeconds()) ? "-" : String.format("%.2f", r.overDuckDb()),
              first == null
                  ? "-"
                  : String.format("%.2f", r.pipelineSeconds() / first.pipelineSeconds())));
    }
  }
}
