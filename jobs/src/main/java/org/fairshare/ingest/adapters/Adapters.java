package org.fairshare.ingest.adapters;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fairshare.config.ConfigException;
import org.fairshare.config.FairshareConfig;
import org.fairshare.config.InputSpec;
import org.fairshare.ingest.CsvSource;
import org.fairshare.ingest.InputFiles;
import org.fairshare.ingest.InputRows;
import org.fairshare.schema.DatasetContract;

/**
 * Reads an input from a publisher's own layout ({@code inputs.<dataset>.adapter=<name>}): the
 * published columns are read line-numbered through {@link CsvSource} (so malformed lines and bad
 * values land in quarantine like any CSV input), then a pure transform per layout makes the
 * contract's columns. Extra files an adapter needs (a lookup, sex ratios) are named by {@code
 * inputs.<dataset>.adapter.<option>}, relative to data.dir.
 */
public final class Adapters {
  private Adapters() {}

  /** Every adapter name, with the dataset it produces. */
  public static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry(WeightedPopulationsAdapter.NAME, "nhse_weighted_populations"),
          Map.entry(WeightedPopulationsAdapter.PRACTICES_NAME, "practices"),
          Map.entry(GpPaymentsAdapter.NAME, "gp_payments"),
          Map.entry(PracticeImdAdapter.NAME, "practice_deprivation"),
          Map.entry(GeographyAdapter.LSOA11_2022, "geography"),
          Map.entry(GeographyAdapter.LSOA21_2024, "geography"),
          Map.entry(DeprivationAdapter.IMD2019, "deprivation"),
          Map.entry(DeprivationAdapter.IOD2025, "deprivation"),
          Map.entry(PopulationAdapter.LSOA11_SINGLE_YEAR, "population"),
          Map.entry(PopulationAdapter.CENSUS21_AGE6, "population"));

  /**
   * Returns the input's rows in the contract's columns plus {@link InputRows}' columns, read by the
   * named adapter.
   */
  public static Dataset<Row> read(
      SparkSession spark,
      FairshareConfig cfg,
      String adapter,
      InputFiles files,
      DatasetContract contract) {
    String produces = NAMES.get(adapter);
    if (produces == null || !produces.equals(contract.name())) {
      throw new ConfigException(
          "inputs."
              + contract.name()
              + ".adapter is '"
              + adapter
              + "'; adapters for "
              + contract.name()
              + " are "
              + NAMES.entrySet().stream()
                  .filter(e -> e.getValue().equals(contract.name()))
                  .map(Map.Entry::getKey)
                  .sorted()
                  .toList());
    }
    Options options = new Options(cfg, contract.name());
    Dataset<Row> rows =
        switch (adapter) {
          case WeightedPopulationsAdapter.NAME -> WeightedPopulationsAdapter.read(spark, files);
          case WeightedPopulationsAdapter.PRACTICES_NAME ->
              WeightedPopulationsAdapter.readPractices(spark, files, options);
          case GpPaymentsAdapter.NAME -> GpPaymentsAdapter.read(spark, files);
          case PracticeImdAdapter.NAME -> PracticeImdAdapter.read(spark, files);
          case GeographyAdapter.LSOA11_2022, GeographyAdapter.LSOA21_2024 ->
              GeographyAdapter.read(spark, files, adapter, options);
          case DeprivationAdapter.IMD2019, DeprivationAdapter.IOD2025 ->
              DeprivationAdapter.read(spark, files, adapter, options);
          case PopulationAdapter.LSOA11_SINGLE_YEAR, PopulationAdapter.CENSUS21_AGE6 ->
              PopulationAdapter.read(spark, files, adapter, options);
          default -> throw new IllegalStateException("adapter " + adapter);
        };
    return conform(rows, contract);
  }

  /** Adapter options of one input: {@code inputs.<dataset>.adapter.<option>}. */
  static final class Options {
    private final FairshareConfig cfg;
    private final String dataset;

    Options(FairshareConfig cfg, String dataset) {
      this.cfg = cfg;
      this.dataset = dataset;
    }

    /** Returns the file an option names, resolved against data.dir; throws when unset. */
    Path file(String option) {
      String v = cfg.adapterOption(dataset, option);
      if (v == null || v.isBlank()) {
        throw new ConfigException(
            "inputs."
                + dataset
                + ".adapter."
                + option
                + " must name a file (relative to data.dir)");
      }
      return cfg.dataDir().resolve(v).normalize();
    }

    /** Returns the option's value, or the fallback. */
    String value(String option, String fallback) {
      String v = cfg.adapterOption(dataset, option);
      return v == null || v.isBlank() ? fallback : v.trim();
    }
  }

  /**
   * Returns the rows of one published CSV (gzipped or not): these contract-like columns, typed,
   * each read from the header the mapping names, plus {@link InputRows}' columns.
   */
  static Dataset<Row> readPublished(
      SparkSession spark,
      InputSpec base,
      Path file,
      StructType columns,
      Map<String, String> headers) {
    InputSpec spec =
        InputSpec.csv(base.dataset(), file, base.delimiter(), base.encoding(), headers);
    DatasetContract layout =
        new DatasetContract(base.dataset(), "published layout", columns, List.of(), List.of());
    return CsvSource.read(spark, new InputFiles(spec, List.of(file)), layout);
  }

  /** Returns the files of the input whose names match the glob, in name order; throws if none. */
  static List<Path> select(InputFiles files, String glob) {
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    List<Path> out = new ArrayList<>();
    for (Path f : files.files()) {
      if (m.matches(f.getFileName())) {
        out.add(f);
      }
    }
    if (out.isEmpty()) {
      throw new ConfigException(
          "input " + files.spec().dataset() + " at " + files.spec().path() + " has no " + glob);
    }
    return out;
  }

  /**
   * Returns the financial year ("2022-23") a published file name carries as 2022_2023, 2022-23 or
   * 2022-2023; throws when it carries none.
   */
  static String financialYearOf(Path file) {
    Matcher m =
        Pattern.compile("(20[0-9]{2})[_-](?:20)?([0-9]{2})").matcher(file.getFileName().toString());
    if (!m.find()) {
      throw new ConfigException(file + ": no financial year (e.g. 2022-23) in the file name");
    }
    return m.group(1) + "-" + m.group(2);
  }

  /** Returns the rows with exactly the contract's columns (missing ones null) and InputRows'. */
  static Dataset<Row> conform(Dataset<Row> rows, DatasetContract contract) {
    List<String> present = List.of(rows.columns());
    List<Column> out = new ArrayList<>();
    for (StructField f : contract.schema().fields()) {
      Column c = present.contains(f.name()) ? functions.col(f.name()) : functions.lit(null);
      out.add(c.cast(f.dataType()).as(f.name()));
    }
    for (String c :
        List.of(
            InputRows.SOURCE_FILE,
            InputRows.LINE_NUMBER,
            InputRows.RAW_RECORD,
            InputRows.FAILURES)) {
      out.add(functions.col(c));
    }
    return rows.select(out.toArray(Column[]::new));
  }

  /** Returns the InputRows columns, to carry through a transform. */
  static List<Column> rowColumns() {
    return List.of(
        functions.col(InputRows.SOURCE_FILE),
        functions.col(InputRows.LINE_NUMBER),
        functions.col(InputRows.RAW_RECORD),
        functions.col(InputRows.FAILURES));
  }
}
