package org.fairshare.config;

import static org.fairshare.config.ConfigKey.decimal;
import static org.fairshare.config.ConfigKey.integer;
import static org.fairshare.config.ConfigKey.matching;
import static org.fairshare.config.ConfigKey.nonEmpty;
import static org.fairshare.config.ConfigKey.oneOf;
import static org.fairshare.config.ConfigKey.text;

import java.nio.file.FileSystems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.fairshare.schema.DatasetContract;
import org.fairshare.schema.Datasets;

/**
 * Every configuration key with its default, in one place. Precedence, highest first: {@code --set
 * key=value} on the command line, then the {@code --conf} file, then these defaults. {@code
 * conf/default.properties} lists the same keys and defaults (a test keeps them equal).
 *
 * <p>Besides the fixed keys: {@code inputs.<dataset>.path|format|delimiter|encoding}, {@code
 * inputs.<dataset>.file_pattern} (a glob of the file names read when the path is a folder, matched
 * without regard to case; by default {@code *.{csv,csv.gz}} for csv, with {@code *.tsv} and {@code
 * *.tsv.gz} when the delimiter is a tab, and {@code *.parquet} for parquet; other files are skipped
 * and listed in data_quality, hidden ones and those starting with '_' silently), {@code
 * inputs.<dataset>.columns.<contract column>=<source header>}, {@code inputs.<dataset>.adapter} (a
 * published layout, see {@code ingest.adapters.Adapters}) and its {@code
 * inputs.<dataset>.adapter.<option>} for each input, and any {@code spark.*} key, which is handed
 * to Spark as it is.
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
      ConfigKey.financialYear(
          "run.financial_year", "2025-26", "Financial year the allocation is for, as YYYY-YY");
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
  public static final ConfigKey PERSIST_STAGING =
      oneOf(
          "output.persist_staging",
          "false",
          "Also write each input's validated rows to its stg_<dataset> table (run_log pins every"
              + " input by path, size and SHA-256 either way; quarantine and data_quality are"
              + " always written)",
          "true",
          "false");
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
          "Generate the synthetic inputs when they are missing, only into the default data.dir with"
              + " every inputs.* key at its default (the embedded default run)",
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

  // --- allocation (issue 3)
  public static final ConfigKey AGE_BANDS =
      oneOf(
          "allocation.age_bands",
          "five_year",
          "Age bands of the age-sex cost weights: single_year (0..90+), five_year (0-4..85-89,"
              + " 90+) or esp2013 (the 19 ESP2013 bands, same cut points as five_year)",
          "single_year",
          "five_year",
          "esp2013");
  public static final ConfigKey NEED_FAMILY =
      oneOf(
          "allocation.need_model.family",
          "poisson",
          "GLM family of the additional-need model (log link, offset = log expected events)",
          "poisson",
          "tweedie");
  public static final ConfigKey NEED_VARIANCE_POWER =
      decimal(
          "allocation.need_model.variance_power",
          "1.5",
          "Tweedie variance power (tweedie family only)",
          1.0,
          2.0);
  public static final ConfigKey NEED_VARIABLES =
      text(
          "allocation.need_model.need_variables",
          "income_score,employment_score,education_score,health_score,crime_score,"
              + "barriers_score,living_environment_score,mortality_ratio",
          "Need variables of the model: deprivation columns and mortality_ratio (the stabilised"
              + " health-inequalities ratio); ones absent or constant in the data are skipped");
  public static final ConfigKey SUPPLY_VARIABLES =
      text(
          "allocation.need_model.supply_variables",
          "gp_fte_per_10k,travel_minutes",
          "Supply variables of the model: fitted, then held at the national mean to predict");
  public static final ConfigKey PMC_SERVICES =
      text(
          "allocation.pmc_services",
          "gp_appointments",
          "Activity services that make up primary medical care need; the others make up core."
              + " When none is in the data, primary medical care uses the core blend");
  public static final ConfigKey MENTAL_HEALTH_SERVICES =
      text(
          "allocation.mental_health_services",
          "mental_health_contacts",
          "Spend services counted for the Mental Health Investment Standard check");
  public static final ConfigKey SERVICE_SHARES =
      text(
          "allocation.service_shares",
          "",
          "Spend shares of the services as service=share,... (empty: national shares from the"
              + " spend input); normalised within each stream");
  public static final ConfigKey HI_MEASURE =
      oneOf(
          "allocation.hi.measure",
          "avoidable",
          "Mortality behind the health-inequalities adjustment: avoidable deaths (all ages) or"
              + " premature deaths (all causes, below allocation.hi.premature_age)",
          "avoidable",
          "premature");
  public static final ConfigKey HI_PREMATURE_AGE =
      integer(
          "allocation.hi.premature_age",
          "75",
          "Deaths in age bands starting below this age are premature",
          5,
          90);
  public static final ConfigKey HI_MORTALITY_YEARS =
      integer(
          "allocation.hi.mortality_years",
          "5",
          "Calendar years of deaths pooled, ending at run.data_year",
          1,
          20);
  public static final ConfigKey HI_SHRINK_LEVEL =
      oneOf(
          "allocation.hi.shrink_level",
          "msoa",
          "Parent area each small area's mortality ratio is shrunk towards",
          "msoa",
          "la");
  public static final ConfigKey HI_PRIOR_STRENGTH =
      decimal(
          "allocation.hi.prior_strength",
          "10",
          "Strength of the gamma prior, in expected deaths: ratio = (O + k x parent) / (E + k);"
              + " 0 = no shrinkage",
          0.0,
          1e9);
  public static final ConfigKey HI_WEIGHT_CORE =
      decimal(
          "allocation.hi_weight.core",
          "0.10",
          "Weight h of the health-inequalities weighted population in core services",
          0.0,
          1.0);
  public static final ConfigKey HI_WEIGHT_PMC =
      decimal(
          "allocation.hi_weight.primary_medical_care",
          "0.15",
          "Weight h of the health-inequalities weighted population in primary medical care",
          0.0,
          1.0);
  public static final ConfigKey COST_INDEX_NAMES =
      text(
          "allocation.cost_index_names",
          "*",
          "Cost indices applied (product), as index_name,...; * = every index in the input;"
              + " empty = none. A place's own value wins over its ICB's; absent = 1.0");
  public static final ConfigKey PLACE_LEVEL =
      oneOf(
          "allocation.place_level",
          "lookup",
          "What a place is: the lookup's place_code, la, sub_icb, or custom (mapping file)",
          "lookup",
          "la",
          "sub_icb",
          "custom");
  public static final ConfigKey PLACE_MAPPING_PATH =
      text(
          "allocation.place_mapping_path",
          "",
          "CSV area_code,place_code (with header) for allocation.place_level=custom; relative to"
              + " data.dir. Unmapped areas keep the lookup's place");
  public static final ConfigKey HOLDBACKS =
      text(
          "allocation.holdbacks",
          "",
          "System-wide budgets held back from each ICB envelope before place targets, as"
              + " stream:name=share,... e.g. core:ambulance_contract=0.05");
  public static final ConfigKey QUANTUM_CORE =
      matching(
          "allocation.national_quantum.core_gbp",
          "",
          "National core quantum shared among ICBs by target share (GBP; empty: the sum of the"
              + " envelopes)",
          "|[0-9]{1,16}(\\.[0-9]{1,2})?");
  public static final ConfigKey QUANTUM_PMC =
      matching(
          "allocation.national_quantum.primary_medical_care_gbp",
          "",
          "National primary medical care quantum (GBP; empty: the sum of the envelopes)",
          "|[0-9]{1,16}(\\.[0-9]{1,2})?");
  public static final ConfigKey POC_FLOOR_GROWTH =
      decimal(
          "allocation.poc.floor_growth",
          "0.01",
          "Minimum cash growth of every place not far over target (fraction)",
          -0.5,
          0.5);
  public static final ConfigKey POC_TAPER_START =
      decimal(
          "allocation.poc.taper_start",
          "0.05",
          "Distance over target where the floor starts to taper (fraction)",
          0.0,
          10.0);
  public static final ConfigKey POC_TAPER_END =
      decimal(
          "allocation.poc.taper_end",
          "0.10",
          "Distance over target from which the floor is allocation.poc.growth_above_taper",
          0.0,
          10.0);
  public static final ConfigKey POC_GROWTH_ABOVE_TAPER =
      decimal(
          "allocation.poc.growth_above_taper",
          "0.0",
          "Minimum growth of places furthest over target (fraction; negative allows cuts)",
          -0.5,
          0.5);
  public static final ConfigKey POC_MAX_UNDER_TARGET =
      decimal(
          "allocation.poc.max_under_target",
          "0.05",
          "Largest distance below target a place may stay after convergence (fraction)",
          0.0,
          1.0);
  public static final ConfigKey POC_GAP_CLOSURE =
      decimal(
          "allocation.poc.gap_closure",
          "0.25",
          "Share of the gap between baseline-at-average-growth and target closed each year",
          0.0,
          1.0);
  public static final ConfigKey POC_YEARS =
      integer("allocation.poc.years", "3", "Years of the convergence path", 1, 10);
  public static final ConfigKey POC_ENVELOPE_GROWTH =
      decimal(
          "allocation.poc.envelope_growth",
          "0.03",
          "Assumed envelope growth of each later year of the path (fraction)",
          -0.5,
          0.5);
  // --- inequality indicators (issue 5)
  public static final ConfigKey INEQUALITY_CONFIDENCE =
      decimal(
          "inequality.confidence",
          "0.95",
          "Confidence level of the limits in inequality_indicators and inequality_summary",
          0.9,
          0.999);
  public static final ConfigKey SII_REPETITIONS =
      integer(
          "inequality.sii.repetitions",
          "1000",
          "Simulated regressions per geography and indicator for the SII/RII limits (PHE: 100000)",
          1000,
          1_000_000);
  public static final ConfigKey SII_SEED =
      integer("inequality.sii.seed", "1", "Seed of the SII/RII simulation", 0, Long.MAX_VALUE);
  public static final ConfigKey SUPPRESS_FROM =
      integer(
          "publish.suppress_from",
          "1",
          "Smallest published count that is suppressed with its derived values (0 is published)",
          0,
          1_000_000);
  public static final ConfigKey SUPPRESS_TO =
      integer(
          "publish.suppress_to",
          "7",
          "Largest published count that is suppressed with its derived values",
          0,
          1_000_000);
  public static final ConfigKey ROUND_TO =
      integer(
          "publish.round_to",
          "1",
          "Published counts are rounded to a multiple of this (1: no rounding)",
          1,
          1_000_000);
  // --- equity (issue 4)
  public static final ConfigKey EQUITY_SIGNIFICANCE_LEVEL =
      decimal(
          "equity.significance_level",
          "0.05",
          "alpha of the equity checks: O/E limits are two-sided 1 - alpha Poisson limits",
          0.0001,
          // The limits take a confidence of 0.9 or more, as every indicator's (Confidence).
          0.1);
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
  public static final ConfigKey EQUITY_MULTIPLE_COMPARISONS =
      oneOf(
          "equity.multiple_comparisons",
          "bh",
          "How the equity checks' p-values are adjusted for the place x service pairs judged"
              + " together: bh (Benjamini-Hochberg q-values), bonferroni or none",
          "bh",
          "bonferroni",
          "none");
  public static final ConfigKey EQUITY_NEED_BASIS =
      oneOf(
          "equity.need_basis",
          "need_model",
          "Need behind need-expected use: need_model (age-sex expectation x the additional-need"
              + " model's sterilised multiplier from weighted_population_area) or age_sex only",
          "need_model",
          "age_sex");
  public static final ConfigKey EQUITY_PLUS_AREAS =
      matching(
          "equity.plus_areas",
          "",
          "Comma-separated small-area codes of the PLUS population groups (empty: none)",
          "[A-Za-z0-9_, ]*");

  // --- real England data (issue 6): NHS England place tool, GP payments equity
  public static final ConfigKey PLACETOOL_PLACE_LEVEL =
      oneOf(
          "placetool.place_level",
          "sub_icb",
          "Places of place_need_indices: the practices' icb, sub_icb, pcn or la, or custom"
              + " (practice mapping file below)",
          "icb",
          "sub_icb",
          "pcn",
          "la",
          "custom");
  public static final ConfigKey PLACETOOL_MAPPING_PATH =
      text(
          "placetool.place_mapping_path",
          "",
          "CSV practice_code,place_code with header, relative to data.dir (place_level=custom)");
  public static final ConfigKey GP_EQUITY_IMD_VINTAGE =
      integer(
          "gp_equity.imd_vintage",
          "2019",
          "IMD release of the practice deprivation scores that set the practice quintiles",
          2000,
          2100);
  public static final ConfigKey GP_EQUITY_MIN_WEIGHTED_PATIENTS =
      decimal(
          "gp_equity.min_weighted_patients",
          "1000",
          "Practices with fewer weighted patients (part-year, closing, atypical) are left out",
          0,
          1e9);

  // --- issue 10: uncertainty, geography vintages, trends (docs/uncertainty-trends.md)
  public static final ConfigKey UNCERTAINTY_DRAWS =
      integer(
          "uncertainty.draws",
          "200",
          "Simulation draws for the need-index and target intervals in place_uncertainty (0: off)",
          0,
          10_000);
  public static final ConfigKey UNCERTAINTY_SEED =
      integer("uncertainty.seed", "1", "Seed of the uncertainty draws", 0, Long.MAX_VALUE);
  public static final ConfigKey UNCERTAINTY_CONFIDENCE =
      decimal(
          "uncertainty.confidence",
          "0.95",
          "Coverage of the simulated intervals in place_uncertainty",
          0.5,
          0.999);
  public static final ConfigKey UNCERTAINTY_CAUTION_WIDTH =
      decimal(
          "uncertainty.caution_width",
          "0.05",
          "A place whose need_index_icb interval is wider than this is named 'treat with caution'",
          0.0,
          100.0);
  public static final ConfigKey NHS_GEOGRAPHY_VINTAGE =
      matching(
          "geography.nhs_vintage",
          "",
          "Vintage of the ICB / sub-ICB / place codes in the lookup, recorded in run_geography"
              + " (e.g. 2026 for the 36 ICBs; empty: the run's financial year)",
          "[A-Za-z0-9_-]{0,32}");
  public static final ConfigKey TRENDS_SIGNIFICANCE_LEVEL =
      decimal(
          "trends.significance_level",
          "0.05",
          "A change since the first year is significant when its two-sided p-value is below this",
          0.0001,
          0.5);
  // --- hardening (issue 9)
  public static final ConfigKey ALLOW_OUTSIDE_ROOTS =
      oneOf(
          "paths.allow_outside_roots",
          "false",
          "Allow input and mapping paths that resolve (after .., absolute paths and symlinks)"
              + " outside data.dir",
          "true",
          "false");

  /** The fixed keys, in documentation order. */
  public static final List<ConfigKey> ALL =
      List.of(
          SCENARIO,
          FINANCIAL_YEAR,
          DATA_YEAR,
          DATA_DIR,
          WAREHOUSE,
          PERSIST_STAGING,
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
          // --- allocation (issue 3)
          AGE_BANDS,
          NEED_FAMILY,
          NEED_VARIANCE_POWER,
          NEED_VARIABLES,
          SUPPLY_VARIABLES,
          PMC_SERVICES,
          MENTAL_HEALTH_SERVICES,
          SERVICE_SHARES,
          HI_MEASURE,
          HI_PREMATURE_AGE,
          HI_MORTALITY_YEARS,
          HI_SHRINK_LEVEL,
          HI_PRIOR_STRENGTH,
          HI_WEIGHT_CORE,
          HI_WEIGHT_PMC,
          COST_INDEX_NAMES,
          PLACE_LEVEL,
          PLACE_MAPPING_PATH,
          HOLDBACKS,
          QUANTUM_CORE,
          QUANTUM_PMC,
          POC_FLOOR_GROWTH,
          POC_TAPER_START,
          POC_TAPER_END,
          POC_GROWTH_ABOVE_TAPER,
          POC_MAX_UNDER_TARGET,
          POC_GAP_CLOSURE,
          POC_YEARS,
          POC_ENVELOPE_GROWTH,
          // --- inequality indicators (issue 5)
          INEQUALITY_CONFIDENCE,
          SII_REPETITIONS,
          SII_SEED,
          SUPPRESS_FROM,
          SUPPRESS_TO,
          ROUND_TO,
          // --- equity (issue 4)
          EQUITY_SIGNIFICANCE_LEVEL,
          EQUITY_UNDER_SERVED_RATIO,
          EQUITY_OVER_SERVED_RATIO,
          EQUITY_MIN_EXPECTED_EVENTS,
          EQUITY_MULTIPLE_COMPARISONS,
          EQUITY_NEED_BASIS,
          EQUITY_PLUS_AREAS,
          // --- real England data (issue 6)
          PLACETOOL_PLACE_LEVEL,
          PLACETOOL_MAPPING_PATH,
          GP_EQUITY_IMD_VINTAGE,
          GP_EQUITY_MIN_WEIGHTED_PATIENTS,
          // --- uncertainty, geography vintages, trends (issue 10)
          UNCERTAINTY_DRAWS,
          UNCERTAINTY_SEED,
          UNCERTAINTY_CONFIDENCE,
          UNCERTAINTY_CAUTION_WIDTH,
          NHS_GEOGRAPHY_VINTAGE,
          TRENDS_SIGNIFICANCE_LEVEL,
          // --- hardening (issue 9)
          ALLOW_OUTSIDE_ROOTS);

  private static final Pattern INPUT_KEY =
      Pattern.compile(
          "inputs\\.([a-z_]+)\\.(path|format|delimiter|encoding|file_pattern|adapter|adapter\\.[a-z0-9_]+"
              + "|columns\\.([a-z0-9_]+))");

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
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // A control character in a value is an editing accident or an attack on whatever reads
      // the value next (a path, a header name, the run log); tab is the one a delimiter needs.
      if (Character.isISOControl(c) && c != '\t') {
        throw new ConfigException(
            String.format(
                "config key %s has a control character (U+%04X) at position %d of its value;"
                    + " remove it",
                name, (int) c, i + 1));
      }
    }
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
                              + Datasets.INGESTED.stream().map(DatasetContract::name).toList()));
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
      if (m.group(2).equals("file_pattern")) {
        checkGlob(name, value);
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

  /** A file pattern is matched against names within the input's folder, so it has no '/'. */
  private static void checkGlob(String name, String value) {
    String problem = null;
    if (value.contains("/") || value.contains("\\")) {
      problem = "it is matched against file names within the input's folder, so it has no '/'";
    } else {
      try {
        FileSystems.getDefault().getPathMatcher("glob:" + value);
      } catch (PatternSyntaxException e) {
        problem = "it is not a valid glob (" + e.getDescription() + ")";
      }
    }
    if (problem != null) {
      throw new ConfigException(
          "config key "
              + name
              + " has value '"
              + value
              + "'; "
              + problem
              + ". Expected a glob such as *.csv or part-*.{csv,csv.gz}");
    }
  }
}
