package org.fairshare.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fairshare.config.ConfigException;
import org.fairshare.inequality.IndicatorsJob;
import org.fairshare.inequality.SlopeIndex;
import org.fairshare.output.OutputFile;
import org.fairshare.spark.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fairshare indicators}: runs one inequality method over a user's tidy CSV or Parquet table
 * (docs/indicators.md) and writes the result as CSV, or logs it. Exit codes: 0 success, 1 the data
 * failed a method's checks, 2 bad usage (unknown measure, missing column, bad parameter).
 */
@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    header = "Computes an inequality indicator over your own tidy CSV or Parquet table.")
public final class IndicatorsCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(IndicatorsCommand.class);

  /** Exit code of a successful run. */
  public static final int OK = 0;

  /** Exit code when the data fails a method's checks (e.g. a negative count). */
  public static final int BAD_DATA = 1;

  /** Exit code of bad usage. */
  public static final int BAD_USAGE = 2;

  private static final int LOGGED_ROWS = 50;

  @Option(names = "--input", required = true, description = "Tidy input: .csv or Parquet path")
  Path input;

  @Option(names = "--measure", required = true, description = "e.g. dsr, crude_rate, sii, d")
  String measure;

  @Option(
      names = "--group-by",
      split = ",",
      description = "Comma-separated grouping columns, e.g. area_code")
  List<String> groupBy = new ArrayList<>();

  @Option(names = "--output", description = "Result CSV file (default: log the rows)")
  Path output;

  @Option(names = "--confidence", defaultValue = "0.95", description = "0.9-1 or 90-100")
  double confidence;

  @Option(names = "--repetitions", description = "Simulation repetitions (SII, HEAT)")
  Integer repetitions;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of simulated draws")
  long seed;

  @Option(names = "--multiplier", description = "Rate/proportion/SII multiplier")
  Double multiplier;

  @Option(
      names = "--value-type",
      defaultValue = "OTHER",
      description = "SII value type: OTHER, RATE, PROPORTION")
  SlopeIndex.ValueType valueType;

  @Option(
      names = "--adverse",
      description = "HEAT: lower values are better (default: higher is better)")
  boolean adverse;

  @Option(names = "--scale", defaultValue = "100", description = "HEAT indicator scale")
  double scale;

  @Override
  public Integer call() {
    String m = measure.toLowerCase(Locale.ROOT);
    if (!IndicatorsJob.MEASURES.contains(m)) {
      LOG.error(
          "Unknown measure '{}'; known: {}", measure, String.join(", ", IndicatorsJob.MEASURES));
      return BAD_USAGE;
    }
    if (!Files.exists(input)) {
      LOG.error("Input not found: {}", input);
      return BAD_USAGE;
    }
    if (output != null) {
      OutputFile.requireReplaceable(output, "indicators --output " + output);
    }
    SparkSession spark = Sessions.getOrCreate("fairshare-indicators", "local[*]", 4, Map.of());
    try {
      Dataset<Row> rows = read(spark, input);
      IndicatorsJob.Parameters parameters =
          new IndicatorsJob.Parameters(
              confidence, multiplier, valueType, repetitions, seed, !adverse, scale);
      Dataset<Row> result = IndicatorsJob.run(spark, rows, m, groupBy, parameters);
      if (output == null) {
        log(result);
      } else {
        writeCsv(result, output);
        LOG.info("Wrote {} to {}", m, output);
      }
      return OK;
    } catch (ConfigException e) {
      // A file that appeared at --output while the result was computed: Main's one line, exit 2.
      throw e;
    } catch (IllegalArgumentException e) {
      LOG.error("Bad usage: {}", e.getMessage());
      return BAD_USAGE;
    } catch (IOException e) {
      LOG.error("Could not read or write: {}", e.getMessage());
      return BAD_USAGE;
    } catch (Exception e) {
      // Spark rethrows task failures (e.g. a negative count) as its own, partly checked, types.
      LOG.error("The input failed a check of measure {}: {}", m, e.getMessage());
      return BAD_DATA;
    }
  }

  /**
   * Returns the input with an explicit schema: CSV columns named in the tidy layout get its types,
   * any other column (a grouping column) is a string; Parquet keeps its own schema.
   */
  static Dataset<Row> read(SparkSession spark, Path path) throws IOException {
    if (!path.toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return spark.read().parquet(path.toString());
    }
    String header;
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      header = reader.readLine();
    }
    if (header == null) {
      throw new IllegalArgumentException("input CSV is empty: " + path);
    }
    List<StructField> fields = new ArrayList<>();
    for (String raw : header.split(",", -1)) {
      String name = raw.trim().replace("\"", "");
      StructField known =
          IndicatorsJob.TIDY_COLUMNS.stream()
              .filter(f -> f.name().equals(name))
              .findFirst()
              .orElse(new StructField(name, DataTypes.StringType, true, Metadata.empty()));
      fields.add(known);
    }
    return spark
        .read()
        .option("header", "true")
        .option("mode", "FAILFAST")
        .schema(new StructType(fields.toArray(StructField[]::new)))
        .csv(path.toString());
  }

  private static void log(Dataset<Row> result) {
    List<Row> shown = result.limit(LOGGED_ROWS).collectAsList();
    Console.table(List.of(result.columns()), shown.stream().map(SqlCommand::cells).toList());
    if (shown.size() == LOGGED_ROWS) {
      Console.err("(first " + LOGGED_ROWS + " rows; use --output for all)");
    }
  }

  /**
   * Writes the result as one CSV file with a header, and nothing else beside it: Spark writes into
   * a hidden scratch folder next to the file, whose one part file is then moved into place.
   * Replaces an existing file only when its folder's manifest lists it as fairshare's.
   */
  static void writeCsv(Dataset<Row> result, Path file) throws IOException {
    String what = "indicators --output " + file;
    OutputFile.requireReplaceable(file, what);
    Path scratch = OutputFile.scratch(file);
    try {
      Path parts = scratch.resolve("csv");
      result.coalesce(1).write().option("header", "true").csv(parts.toString());
      Path part;
      try (Stream<Path> files = Files.list(parts)) {
        part =
            files
                .filter(p -> p.getFileName().toString().startsWith("part-"))
                .findFirst()
                .orElseThrow(() -> new IOException("Spark wrote no part file in " + parts));
      }
      OutputFile.publish(part, file, scratch, what);
    } finally {
      OutputFile.discard(scratch);
    }
  }
}
