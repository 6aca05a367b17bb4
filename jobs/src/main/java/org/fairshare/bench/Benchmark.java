package org.fairshare.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.generate.GenerationReport;
import org.fairshare.generate.GeneratorOptions;
import org.fairshare.generate.SyntheticEngland;
import org.fairshare.output.OwnedFolder;
import org.fairshare.pipeline.Pipeline;
import org.fairshare.pipeline.RunResult;
import org.fairshare.schema.Activity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark: for each scale, synthetic inputs of {@code areas x scale} small areas (made once
 * and kept in the work folder), a full pipeline run on a fresh warehouse, then the floor job and
 * DuckDB on the same Parquet files.
 */
public final class Benchmark {
  private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);
  private static final String MARKER = "bench-inputs.txt";

  private final SparkSession spark;
  private final FairshareConfig base;
  private final Path work;
  private final int areas;
  private final boolean duckDb;

  /**
   * @param base the configuration each run starts from (data.dir and warehouse.path are replaced)
   * @param work folder of the generated inputs and warehouses, one sub-folder per scale
   * @param areas small areas at scale 1 (England: 33,755)
   * @param duckDb whether to run the DuckDB baseline (needs its JDBC driver on the classpath)
   */
  public Benchmark(SparkSession spark, FairshareConfig base, Path work, int areas, boolean duckDb) {
    this.spark = spark;
    this.base = base;
    this.work = work;
    this.areas = areas;
    this.duckDb = duckDb;
  }

  /** Returns whether DuckDB's JDBC driver is on the classpath (bin/fairshare puts it there). */
  public static boolean duckDbAvailable() {
    return DuckDbBaseline.available();
  }

  /** Returns the figures of one scale; {@code progress} gets a line per phase. */
  public ScaleResult run(int scale, Consumer<String> progress) {
    Path dir = work.resolve("scale-" + scale);
    Path data = dir.resolve("data");
    Path warehouse = dir.resolve("warehouse");
    int year = base.dataYear();
    double generateSeconds = ensureInputs(data, areas * scale, progress);
    long rows = FloorJob.inputRows(spark, data.resolve(Activity.DATASET), year);
    long bytes = folderBytes(data);
    OwnedFolder.delete(warehouse, "the bench's warehouse");
    // Everything a run writes into its warehouse is fairshare's: the next bench may delete it.
    OwnedFolder.claim(warehouse, List.of(OwnedFolder.WHOLE));
    FairshareConfig cfg =
        base.with(
            Map.of(
                ConfigKeys.DATA_DIR.name(), data.toString(),
                ConfigKeys.WAREHOUSE.name(), warehouse.toString()));

    progress.accept(String.format("scale %d: pipeline on %,d activity rows...", scale, rows));
    long t0 = System.nanoTime();
    RunResult result;
    double pipelineSeconds;
    long heap;
    try (HeapPeak peak = HeapPeak.start()) {
      result = Pipeline.run(spark, cfg, Pipeline.stages());
      pipelineSeconds = seconds(t0);
      heap = peak.bytes();
    }

    progress.accept(String.format("scale %d: floor job...", scale));
    t0 = System.nanoTime();
    FloorJob.run(spark, data.resolve(Activity.DATASET), year);
    double floorSeconds = seconds(t0);

    double duckDbSeconds = Double.NaN;
    if (duckDb) {
      progress.accept(String.format("scale %d: DuckDB...", scale));
      t0 = System.nanoTime();
      try {
        DuckDbBaseline.Result r =
            DuckDbBaseline.run(data, year, Runtime.getRuntime().availableProcessors(), 8);
        duckDbSeconds = seconds(t0);
        LOG.info(
            "DuckDB: {} groups, observed {}, expected {}", r.rows(), r.observed(), r.expected());
      } catch (SQLException e) {
        throw new IllegalStateException("DuckDB baseline failed: " + e.getMessage(), e);
      }
    }
    return new ScaleResult(
        scale,
        areas * scale,
        rows,
        bytes,
        generateSeconds,
        pipelineSeconds,
        new LinkedHashMap<>(result.stageSeconds()),
        heap,
        floorSeconds,
        duckDbSeconds);
  }

  /** Generates the inputs unless the folder already holds these exact ones; returns seconds. */
  private double ensureInputs(Path data, int n, Consumer<String> progress) {
    String identity =
        "areas="
            + n
            + " seed="
            + base.getLong(ConfigKeys.GENERATE_SEED)
            + " year="
            + base.dataYear()
            + " financial_year="
            + base.financialYear()
            + "\n";
    Path marker = data.resolve(MARKER);
    try {
      if (Files.isRegularFile(marker) && Files.readString(marker).equals(identity)) {
        progress.accept("inputs of " + n + " areas: reusing " + data);
        return 0.0;
      }
      OwnedFolder.delete(data, "the bench's input folder");
      progress.accept("inputs of " + n + " areas: generating into " + data + "...");
      OwnedFolder.claim(data, List.of(OwnedFolder.WHOLE));
      GeneratorOptions opts =
          new GeneratorOptions(
              n,
              base.getLong(ConfigKeys.GENERATE_SEED),
              1,
              base.dataYear(),
              base.financialYear(),
              1.0,
              "parquet");
      GenerationReport report = SyntheticEngland.generate(spark, opts, data);
      Files.writeString(marker, identity);
      OwnedFolder.record(data);
      return report.seconds();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static long folderBytes(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(Benchmark::size).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
