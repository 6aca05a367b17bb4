package org.fairshare.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.fairshare.config.ConfigException;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.ingest.adapters.Adapters;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.Check;
import org.fairshare.schema.DataQuality;
import org.fairshare.schema.DatasetContract;
import org.fairshare.schema.Datasets;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.Population;
import org.fairshare.schema.Quarantine;
import org.fairshare.schema.Staging;
import org.fairshare.spark.CachedLeaf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest, validation and staging: reads every input, checks it against its contract, and writes
 * accepted rows to the staging tables, rejected rows to quarantine and one row per rule to
 * data_quality. When an error rule fails more rows than the threshold allows, nothing is staged and
 * the run stops with a {@link DataQualityException} naming the worst rule. An input that cannot be
 * read (a corrupt or truncated file, a missing required column, a folder of no data files) is
 * reported in data_quality as {@value #UNREADABLE_INPUT} after every other input is validated, and
 * the run stops with its error, staging nothing.
 */
public final class IngestStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

  /** The data_quality rule of an input that cannot be read (the run stops on it). */
  public static final String UNREADABLE_INPUT = "unreadable_input";

  /** The data_quality warning listing the files of an input's folder that were not read. */
  public static final String SKIPPED_FILE = "skipped_file";

  private final List<DatasetContract> contracts;
  private final boolean stageAccepted;

  public IngestStage() {
    this(Datasets.INGESTED, true);
  }

  /**
   * Ingests these datasets, in this order (referenced datasets first).
   *
   * @param stageAccepted whether to write accepted rows to staging (false: validate only)
   */
  public IngestStage(List<DatasetContract> contracts, boolean stageAccepted) {
    this.contracts = contracts;
    this.stageAccepted = stageAccepted;
  }

  /** Returns a stage that validates every input and stages nothing. */
  public static IngestStage validateOnly() {
    return new IngestStage(Datasets.INGESTED, false);
  }

  @Override
  public String name() {
    return stageAccepted ? "ingest" : "validate";
  }

  @Override
  public List<OutputTable> outputs() {
    List<OutputTable> out = new ArrayList<>();
    if (stageAccepted) {
      contracts.forEach(c -> out.add(Staging.table(c)));
    }
    out.add(Quarantine.TABLE);
    out.add(DataQuality.TABLE);
    return out;
  }

  @Override
  public void run(StageContext ctx) {
    SparkSession spark = ctx.spark();
    FairshareConfig cfg = ctx.config();
    Map<String, Dataset<Row>> accepted = new LinkedHashMap<>();
    Map<String, Dataset<Row>> validatedByName = new LinkedHashMap<>();
    Map<String, Dataset<Row>> cachedByName = new LinkedHashMap<>();
    // Once handed to the run with the staging rows over them, the caches are the run's to free.
    boolean handedOver = false;
    List<DataQualityReport> reports = new ArrayList<>();
    // An input that cannot be read stops the run, but only after every other input is validated
    // and reported: one run shows every problem, and data_quality says why this one failed.
    Map<String, RuntimeException> unreadable = new LinkedHashMap<>();
    List<Row> fileRows = new ArrayList<>();
    double threshold = cfg.getDouble(ConfigKeys.MAX_ERROR_FRACTION);
    try {
      for (DatasetContract contract : contracts) {
        String name = contract.name();
        if (!cfg.isProvided(name)) {
          LOG.info("input {} not provided (no inputs.{}.path): skipped", name, name);
          continue;
        }
        InputFiles files = null;
        try {
          files = InputFiles.of(cfg.input(name));
          if (!files.skipped().isEmpty()) {
            LOG.warn(
                "input {}: not read (not {}): {}", name, files.spec().fileGlob(), files.skipped());
            fileRows.add(
                DataQualityReport.skipped(
                    name,
                    files.spec().fileGlob(),
                    files.files().size(),
                    files.skipped(),
                    threshold));
          }
          Dataset<Row> cached =
              InputRows.forCache(
                      validate(spark, cfg, contract, files, accepted, unreadable.keySet()))
                  .persist(StorageLevel.MEMORY_AND_DISK());
          cachedByName.put(name, cached);
          // Over the cache alone: the run's later reads of staging must not carry validation's
          // plan.
          Dataset<Row> cachedRows = CachedLeaf.of(spark, cached);
          Dataset<Row> validated = InputRows.fromCache(cachedRows);
          validatedByName.put(name, validated);
          accepted.put(
              name,
              cachedRows
                  .filter(functions.not(col(Validator.IS_QUARANTINED)))
                  .select(columns(contract)));
          DataQualityReport report =
              DataQualityReport.of(
                  contract,
                  validated,
                  rules(contract, files, cfg),
                  threshold,
                  cfg.getInt(ConfigKeys.SAMPLE_SIZE));
          if (report.rowsRead() == 0) {
            throw new InputException(
                "input "
                    + name
                    + " has no data rows (a header alone, or only blank lines) in "
                    + files.files()
                    + "; check inputs."
                    + name
                    + ".path");
          }
          reports.add(report);
          ctx.countRowsRead(report.rowsRead());
          LOG.info(
              "validated {}: {} rows read = {} accepted + {} quarantined",
              name,
              report.rowsRead(),
              report.rowsAccepted(),
              report.rowsQuarantined());
        } catch (Exception e) {
          // Spark's own exceptions are checked ones, thrown from Scala undeclared.
          RuntimeException error = asInputError(e);
          if (error == null && files != null && isParquet(cfg, name)) {
            error =
                ParquetPages.firstDamaged(
                    spark.sparkContext().hadoopConfiguration(), files.files());
          }
          if (error == null) {
            throw e;
          }
          unreadable.put(name, error);
          String format = cfg.get("inputs." + name + ".format", "parquet");
          fileRows.add(DataQualityReport.unreadable(name, format, error.getMessage(), threshold));
          accepted.remove(name);
          validatedByName.remove(name);
          Dataset<Row> cached = cachedByName.remove(name);
          if (cached != null) {
            cached.unpersist();
          }
          // The error itself is the command's last line; here only where the run is.
          LOG.info("input {} cannot be read; validating the others before stopping", name);
        }
      }

      Row worst = null;
      for (DataQualityReport r : reports) {
        Row w = r.worstFailure();
        if (w != null
            && (worst == null
                || (double) w.getAs(DataQuality.FAILED_FRACTION)
                    > (double) worst.getAs(DataQuality.FAILED_FRACTION))) {
          worst = w;
        }
      }
      ctx.write(Quarantine.TABLE, quarantined(spark, validatedByName, reports));
      List<Row> dq = new ArrayList<>();
      reports.forEach(r -> dq.addAll(r.rows()));
      dq.addAll(fileRows);
      ctx.write(DataQuality.TABLE, spark.createDataFrame(dq, DataQuality.COLUMNS));
      if (!unreadable.isEmpty()) {
        throw firstOf(unreadable);
      }
      if (worst != null) {
        throw new DataQualityException(describe(worst));
      }
      if (stageAccepted) {
        // Last: the staging writes take over the caches. Smallest first: see writeAndKeep.
        Map<String, Long> acceptedRows = new HashMap<>();
        reports.forEach(r -> acceptedRows.put(r.dataset(), r.rowsAccepted()));
        // Validation hashed and sorted every input by its key (the duplicate-key window), so its
        // accepted rows are in stable order already.
        List<StageContext.KeptWrite> writes =
            contracts.stream()
                .filter(c -> accepted.containsKey(c.name()))
                .sorted(Comparator.comparingLong(c -> acceptedRows.get(c.name())))
                .map(
                    c ->
                        new StageContext.KeptWrite(
                            Staging.table(c), accepted.get(c.name()), cachedByName.get(c.name())))
                .toList();
        handedOver = true;
        ctx.writeAndKeep(writes);
      }
    } finally {
      if (!handedOver) {
        cachedByName.values().forEach(Dataset::unpersist);
      }
    }
  }

  /**
   * Returns the input error (or configuration error) a failure to read one input amounts to, or
   * null when it is another kind of failure.
   */
  private static RuntimeException asInputError(Exception e) {
    if (e instanceof InputException || e instanceof ConfigException) {
      return (RuntimeException) e;
    }
    return ReadFailures.ofSparkJob(e);
  }

  private static boolean isParquet(FairshareConfig cfg, String name) {
    return cfg.get("inputs." + name + ".format", "parquet").equals("parquet");
  }

  /** Returns the first input's error, saying how many more inputs could not be read. */
  private static RuntimeException firstOf(Map<String, RuntimeException> unreadable) {
    RuntimeException first = unreadable.values().iterator().next();
    if (unreadable.size() == 1) {
      return first;
    }
    String message =
        first.getMessage()
            + " (inputs "
            + List.copyOf(unreadable.keySet()).subList(1, unreadable.size())
            + " cannot be read either: bin/fairshare sql \"select dataset, sample_values from"
            + " data_quality where rule_id = '"
            + UNREADABLE_INPUT
            + "'\")";
    return first instanceof ConfigException
        ? new ConfigException(message)
        : new InputException(message);
  }

  /** Returns the rows of one input with every check's failures and the quarantine flag. */
  static Dataset<Row> validate(
      SparkSession spark,
      FairshareConfig cfg,
      DatasetContract contract,
      InputFiles files,
      Map<String, Dataset<Row>> accepted) {
    return validate(spark, cfg, contract, files, accepted, Set.of());
  }

  /**
   * Returns the rows of one input with every check's failures and the quarantine flag; references
   * to an unreadable input are not checked (the run stops on that input anyway).
   */
  private static Dataset<Row> validate(
      SparkSession spark,
      FairshareConfig cfg,
      DatasetContract contract,
      InputFiles files,
      Map<String, Dataset<Row>> accepted,
      Set<String> unreadable) {
    String adapter = cfg.adapter(contract.name());
    Dataset<Row> raw =
        !adapter.isEmpty()
            ? Adapters.read(spark, cfg, adapter, files, contract)
            : files.spec().isCsv()
                ? CsvSource.read(spark, files, contract)
                : ParquetSource.read(spark, files, contract);
    Dataset<Row> v =
        Validator.withRowCheckFailures(
            raw,
            contract,
            Map.of(ConfigKeys.AREA_CODE_PATTERN.name(), cfg.get(ConfigKeys.AREA_CODE_PATTERN)),
            cfg.get(ConfigKeys.OTHER_VINTAGE_PATTERN),
            cfg.get(ConfigKeys.LSOA_VINTAGE));
    List<Check.References> refs = new ArrayList<>();
    for (Check check : contract.checks()) {
      if (check instanceof Check.References ref
          && cfg.isProvided(ref.dataset())
          && !unreadable.contains(ref.dataset())) {
        if (!accepted.containsKey(ref.dataset())) {
          throw new IllegalStateException(
              contract.name() + " references " + ref.dataset() + ", which is ingested later");
        }
        refs.add(ref);
      }
    }
    // A large input hashed once by the columns of its join to population (a subset of its key)
    // serves both the duplicate-key window and that join: one shuffle of its rows, not two.
    for (Check.References ref : refs) {
      if (!isBroadcast(ref) && contract.key().containsAll(ref.columns())) {
        v = v.repartition(ref.columns().stream().map(functions::col).toArray(Column[]::new));
        break;
      }
    }
    v = Validator.withDuplicateKeyFailures(v, contract);
    for (Check.References ref : refs) {
      v =
          Validator.withReferenceFailures(
              v,
              ref,
              accepted.get(ref.dataset()),
              Datasets.byName(ref.dataset()).orElseThrow().key(),
              isBroadcast(ref));
    }
    return Validator.withQuarantineFlag(v);
  }

  /** Population's keys are too many to broadcast; every other referenced dataset is small. */
  private static boolean isBroadcast(Check.References ref) {
    return !ref.dataset().equals(Population.DATASET);
  }

  /** Returns every rule that applies to the dataset, for data_quality. */
  static List<DataQualityReport.Rule> rules(
      DatasetContract contract, InputFiles files, FairshareConfig cfg) {
    String error = Check.Severity.ERROR.name();
    List<DataQualityReport.Rule> rules = new ArrayList<>();
    if (files.spec().isCsv()) {
      rules.add(
          new DataQualityReport.Rule(
              "malformed_line", error, "every line has as many fields as the header"));
      rules.add(
          new DataQualityReport.Rule(
              "encoding", error, "every line decodes as " + files.spec().encoding()));
    }
    for (var f : contract.schema().fields()) {
      if (f.dataType().equals(org.apache.spark.sql.types.DataTypes.StringType)) {
        continue;
      }
      rules.add(
          new DataQualityReport.Rule(
              "type_" + f.name(),
              error,
              f.name() + " is " + InputRows.describe(f.dataType()) + " where given"));
    }
    for (Check c : Validator.checksOf(contract)) {
      if (c instanceof Check.SumsTo) {
        continue;
      }
      if (c instanceof Check.MatchesConfiguredPattern
          && !cfg.get(ConfigKeys.OTHER_VINTAGE_PATTERN).isBlank()) {
        rules.add(
            new DataQualityReport.Rule(
                "area_vintage_mismatch",
                error,
                "area codes are of the run's LSOA vintage ("
                    + cfg.get(ConfigKeys.LSOA_VINTAGE)
                    + ")"));
      }
      rules.add(new DataQualityReport.Rule(c.id(), c.severity().name(), c.description()));
    }
    rules.add(
        new DataQualityReport.Rule("duplicate_row", error, "no row is an exact copy of another"));
    rules.add(
        new DataQualityReport.Rule("duplicate_key", error, "key " + contract.key() + " is unique"));
    return rules;
  }

  private static Column[] columns(DatasetContract contract) {
    return List.of(contract.schema().fieldNames()).stream()
        .map(functions::col)
        .toArray(Column[]::new);
  }

  /**
   * Returns the quarantined rows of every input. The reports' counts pick the inputs that have any:
   * a clean input is not scanned again (activity is tens of millions of rows).
   */
  private static Dataset<Row> quarantined(
      SparkSession spark,
      Map<String, Dataset<Row>> validatedByName,
      List<DataQualityReport> reports) {
    Dataset<Row> all = null;
    for (DataQualityReport report : reports) {
      if (report.rowsQuarantined() == 0) {
        continue;
      }
      String name = report.dataset();
      Dataset<Row> v = validatedByName.get(name);
      Column[] contractCols =
          List.of(v.columns()).stream()
              .filter(c -> !c.startsWith("_"))
              .map(functions::col)
              .toArray(Column[]::new);
      Column errors =
          functions.filter(
              col(InputRows.FAILURES),
              f -> f.getField(InputRows.SEVERITY).equalTo(Check.Severity.ERROR.name()));
      Dataset<Row> q =
          v.filter(col(Validator.IS_QUARANTINED))
              .select(
                  functions.lit(name).as(Quarantine.DATASET),
                  col(InputRows.SOURCE_FILE).as(Quarantine.SOURCE_FILE),
                  col(InputRows.LINE_NUMBER).as(Quarantine.LINE_NUMBER),
                  errors.getItem(0).getField(InputRows.RULE_ID).as(Quarantine.RULE_ID),
                  functions
                      .transform(errors, f -> f.getField(InputRows.RULE_ID))
                      .as(Quarantine.FAILED_RULES),
                  functions
                      .array_join(
                          functions.transform(errors, f -> f.getField(InputRows.MESSAGE)), "; ")
                      .as(Quarantine.MESSAGE),
                  functions
                      .coalesce(
                          col(InputRows.RAW_RECORD),
                          functions.to_json(functions.struct(contractCols)))
                      .as(Quarantine.RAW_RECORD));
      all = all == null ? q : all.unionByName(q);
    }
    return all != null ? all : spark.createDataFrame(List.of(), Quarantine.TABLE.schema());
  }

  private static String describe(Row worst) {
    List<String> samples = worst.getList(worst.fieldIndex(DataQuality.SAMPLE_VALUES));
    String rule = worst.getAs(DataQuality.RULE_ID);
    String dataset = worst.getAs(DataQuality.DATASET);
    return String.format(
        "data quality: rule %s on %s failed %d of %d rows (%.3f%%, above the threshold of %.3f%%"
            + " set by %s)%s. Rejected rows are in the quarantine table: bin/fairshare sql"
            + " \"select * from quarantine where dataset = '%s' and rule_id = '%s'\"",
        rule,
        dataset,
        (long) worst.getAs(DataQuality.ROWS_FAILED),
        (long) worst.getAs(DataQuality.ROWS_CHECKED),
        100 * (double) worst.getAs(DataQuality.FAILED_FRACTION),
        100 * (double) worst.getAs(DataQuality.THRESHOLD),
        ConfigKeys.MAX_ERROR_FRACTION.name(),
        samples.isEmpty() ? "" : "; e.g. " + samples.get(0),
        dataset,
        rule);
  }
}
