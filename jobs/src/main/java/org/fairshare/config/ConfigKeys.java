package org.fairshare.config;

import static org.fairshare.config.ConfigKey.decimal;
import static org.fairshare.config.ConfigKey.integer;
import static org.fairshare.config.ConfigKey.matching;
import static org.fairshare.config.ConfigKey.nonEmpty;
import static org.fairshare.config.ConfigKey.oneOf;
import static org.fairshare.config.ConfigKey.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairshare.schema.DatasetContract;
import org.fairshare.schema.Datasets;

/**
 * Every configuration key with its default, in one place. Precedence, highest first: {@code --set
 * key=value} on the command line, then the {@code --conf} file, then these defaults. {@code
 * conf/default.properties} lists the same keys and defaults (a test keeps them equal).
 *
 * <p>Besides the fixed keys: {@code inputs.<dataset>.path|format|delimiter|encoding} and {@code
 * inputs.<dataset>.columns.<contract column>=<source header>} for each input, and any {@code
 * spark.*} key, which is handed to Spark as it is.
 */
public final class ConfigKeys {
  private ConfigKeys() {}

  public static final ConfigKey SCENARIO =
      matching(
          "run.scenario",
          "baseline",
          "Scenario name; keys every output table with the financial year, so policies sit side"
              + " by side",
          "[A-Za-z0-9_-]{1,64}");
  public static final ConfigKey FINANCIAL_YEAR =
      matching(
          "run.financial_year",
          "2025-26",
          "Financial year the allocation is for, as YYYY-YY",
          "[0-9]{4}-[0-9]{2}");
  public static final ConfigKey DATA_YEAR =
      integer(
          "run.data_year",
          "2024",
          "Calendar year of the population, activity and other yearly inputs to use",
          1990,
          2100);
  public static final ConfigKey DATA_DIR =
      nonEmpty(
          "data.dir",
          "datasets/generated",
          "Folder that relative input paths are resolved against");
  public static final ConfigKey WAREHOUSE =
      nonEmpty("warehouse.path", "warehouse", "Folder holding the Delta output tables");
  public static final ConfigKey LSOA_VINTAGE =
      oneOf("geography.lsoa_vintage", "2021", "LSOA boundary vintage of this run", "2011", "2021");
  public static final ConfigKey AREA_CODE_PATTERN =
      nonEmpty(
          "geography.area_code_pattern",
          "^XA21[0-9]{6}$",
          "Regular expression every small-area code of this run's vintage matches"
              + " (real 2021 LSOAs: ^E01[0-9]{6}$)");
  public static final ConfigKey OTHER_VINTAGE_PATTERN =
      text(
          "geography.other_vintage_pattern",
          "^XA11[0-9]{6}$",
          "Regular expression of small-area codes of the other vintage, reported as a vintage"
              + " mismatch rather than an unknown area (empty: no such check)");
  public static final ConfigKey MAX_ERROR_FRACTION =
      decimal(
          "validation.max_error_fraction",
          "0.001",
          "Largest share of a dataset's rows an error rule may fail before the run stops (exit 1)",
          0.0,
          1.0);
  public static final ConfigKey SAMPLE_SIZE =
      integer(
          "validation.sample_size",
          "5",
          "How many failing values data_quality keeps per rule",
          0,
          100);
  public static final ConfigKey SPARK_MASTER =
      nonEmpty(
          "spark.master", "local[*]", "Spark master; ignored when spark-submit already set one");
  public static final ConfigKey SHUFFLE_PARTITIONS =
      matching(
          "spark.sql.shuffle.partitions",
          "auto",
          "Shuffle partitions; auto sizes them from the input bytes",
          "auto|[1-9][0-9]{0,4}");
  public static final ConfigKey GENERATE_IF_MISSING =
      oneOf(
          "generate.if_missing",
          "true",
          "Generate the synthetic inputs when data.dir holds none (the embedded default run)",
          "true",
          "false");
  public static final ConfigKey GENERATE_AREAS =
      integer(
          "generate.areas",
          "3000",
          "Small areas the generator makes (England: 33755)",
          60,
          10_000_000);
  public static final ConfigKey GENERATE_SEED =
      integer("generate.seed", "20260401", "Seed of the synthetic generator", 0, Long.MAX_VALUE);
  public static final ConfigKey GENERATE_YEARS =
      integer("generate.years", "1", "Calendar years of yearly inputs the generator makes", 1, 20);

  // --- equity (issue 4)
  public static final ConfigKey EQUITY_SIGNIFICANCE_LEVEL =
      decimal(
          "equity.significance_level",
          "0.05",
          "alpha of the equity checks: O/E limits are two-sided 1 - alpha Poisson limits",
          0.0001,
          0.5);
  public static final ConfigKey EQUITY_UNDER_SERVED_RATIO =
      decimal(
          "equity.under_served_ratio",
          "0.9",
          "O/E below this (and significant) marks the most deprived fifth under-served",
          0.0,
          1.0);
  public static final ConfigKey EQUITY_OVER_SERVED_RATIO =
      decimal(
          "equity.over_served_ratio",
          "1.1",
          "O/E above this (and significant) marks the most deprived fifth over-served",
          1.0,
          100.0);
  public static final ConfigKey EQUITY_MIN_EXPECTED_EVENTS =
      decimal(
          "equity.min_expected_events",
          "20",
          "Fewest need-expected events to judge a place and service (else too_little_data)",
          0.0,
          1e9);
  public static final ConfigKey EQUITY_PLUS_AREAS =
      matching(
          "equity.plus_areas",
          "",
          "Comma-separated small-area codes of the PLUS population groups (empty: none)",
          "[A-Za-z0-9_, ]*");

  /** The fixed keys, in documentation order. */
  public static final List<ConfigKey> ALL =
      List.of(
          SCENARIO,
          FINANCIAL_YEAR,
          DATA_YEAR,
          DATA_DIR,
          WAREHOUSE,
          LSOA_VINTAGE,
          AREA_CODE_PATTERN,
          OTHER_VINTAGE_PATTERN,
          MAX_ERROR_FRACTION,
          SAMPLE_SIZE,
          SPARK_MASTER,
          SHUFFLE_PARTITIONS,
          GENERATE_IF_MISSING,
          GENERATE_AREAS,
          GENERATE_SEED,
          GENERATE_YEARS,
          // --- equity (issue 4)
          EQUITY_SIGNIFICANCE_LEVEL,
          EQUITY_UNDER_SERVED_RATIO,
          EQUITY_OVER_SERVED_RATIO,
          EQUITY_MIN_EXPECTED_EVENTS,
          EQUITY_PLUS_AREAS);

  private static final Pattern INPUT_KEY =
      Pattern.compile(
          "inputs\\.([a-z_]+)\\.(path|format|delimiter|encoding|columns\\.([a-z0-9_]+))");

  /** Returns the fixed key of that name, if there is one. */
  public static Optional<ConfigKey> byName(String name) {
    return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /** Returns the defaults of every fixed key and of each input's path and format. */
  public static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    for (ConfigKey k : ALL) {
      d.put(k.name(), k.defaultValue());
    }
    for (DatasetContract c : Datasets.ALL) {
      d.put("inputs." + c.name() + ".path", c.name());
      d.put("inputs." + c.name() + ".format", "parquet");
    }
    return d;
  }

  /**
   * Checks one key and value; throws a {@link ConfigException} naming both when the key is unknown
   * or the value is not valid for it.
   */
  static void check(String name, String value) {
    Optional<ConfigKey> fixed = byName(name);
    if (fixed.isPresent()) {
      if (!fixed.get().valid().test(value)) {
        throw new ConfigException(
            "config key "
                + name
                + " has value '"
                + value
                + "'; expected "
                + fixed.get().expected()
                + " ("
                + fixed.get().doc()
                + ")");
      }
      return;
    }
    if (name.startsWith("spark.")) {
      return;
    }
    Matcher m = INPUT_KEY.matcher(name);
    if (m.matches()) {
      DatasetContract contract =
          Datasets.byName(m.group(1))
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "config key "
                              + name
                              + " names unknown dataset '"
                              + m.group(1)
                              + "'; datasets are "
                              + Datasets.ALL.stream().map(DatasetContract::name).toList()));
      String column = m.group(3);
      if (column != null && !List.of(contract.schema().fieldNames()).contains(column)) {
        throw new ConfigException(
            "config key "
                + name
                + " maps unknown column '"
                + column
                + "' of "
                + contract.name()
                + "; its columns are "
                + List.of(contract.schema().fieldNames()));
      }
      if (m.group(2).equals("format") && !List.of("csv", "parquet").contains(value)) {
        throw new ConfigException(
            "config key " + name + " has value '" + value + "'; expected csv or parquet");
      }
      if (m.group(2).equals("delimiter") && value.length() != 1 && !value.equals("\\t")) {
        throw new ConfigException(
            "config key " + name + " has value '" + value + "'; expected one character or \\t");
      }
      return;
    }
    throw new ConfigException(
        "unknown config key '" + name + "'; see conf/default.properties for every key (a typo?)");
  }
}
