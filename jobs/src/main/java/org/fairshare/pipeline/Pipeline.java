package org.fairshare.pipeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairshare.allocation.AllocationStages;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.equity.EquityStage;
import org.fairshare.geography.GeographyStage;
import org.fairshare.inequality.IndicatorsStage;
import org.fairshare.ingest.IngestStage;
import org.fairshare.ingest.InputFiles;
import org.fairshare.output.RunLogWriter;
import org.fairshare.output.Warehouse;
import org.fairshare.placetool.PlaceNeedIndicesStage;
import org.fairshare.primarycare.GpPaymentsEquityStage;
import org.fairshare.schema.DataQuality;
import org.fairshare.schema.Datasets;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.Quarantine;
import org.fairshare.schema.RunLog;
import org.fairshare.schema.Staging;
import org.fairshare.spark.SessionSettings;
import org.fairshare.spark.Sessions;
import org.fairshare.trends.TrendsStage;
import org.fairshare.uncertainty.UncertaintyStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stages of {@code bin/fairshare run} in order for one configuration, recording the run in
 * run_log: running when it starts, succeeded or failed (with why) when it ends.
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

  /** The run_log name of the time spent writing the tables, after the stages. */
  public static final String WRITE_TABLES = "write_tables";

  /** Tables written even by a failed run: the record of its inputs' faults. */
  private static final Set<OutputTable> DIAGNOSTICS = Set.of(Quarantine.TABLE, DataQuality.TABLE);

  private Pipeline() {}

  /** Returns every stage of a full run, in order. */
  public static List<Stage> stages() {
    List<Stage> stages = new ArrayList<>();
    stages.add(new IngestStage());
    stages.add(Stage.requiring(new GeographyStage(), List.of("geography")));
    stages.addAll(AllocationStages.all());
    stages.add(Stage.requiring(new UncertaintyStage(), AllocationStages.ALLOCATION_INPUTS));
    List<String> indicatorInputs =
        List.of("activity", "deprivation", "geography", "mortality", "population", "spend");
    stages.add(Stage.requiring(new IndicatorsStage(), indicatorInputs));
    stages.add(
        Stage.requiring(
            new EquityStage(),
            List.of(
                "activity",
                "deprivation",
                "geography",
                "mortality",
                "population",
                "spend",
                "supply")));
    stages.add(Stage.requiring(new TrendsStage(), indicatorInputs));
    stages.add(new PlaceNeedIndicesStage());
    stages.add(new GpPaymentsEquityStage());
    return List.copyOf(stages);
  }

  /** Returns every table the stages write, plus run_log. */
  public static List<OutputTable> tables(List<Stage> stages) {
    List<OutputTable> tables = new ArrayList<>();
    stages.forEach(s -> tables.addAll(s.outputs()));
    tables.add(RunLog.TABLE);
    return tables;
  }

  /**
   * Runs the stages; throws what the failing stage threw, after recording the failure. The
   * session's settings are as they were when it returns (a run sizes its shuffle partitions).
   */
  public static RunResult run(SparkSession spark, FairshareConfig cfg, List<Stage> stages) {
    SessionSettings before = SessionSettings.of(spark);
    try {
      return runStages(spark, cfg, stages);
    } finally {
      before.restore();
    }
  }

  private static RunResult runStages(SparkSession spark, FairshareConfig cfg, List<Stage> stages) {
    Instant started = Instant.now();
    String runId =
        RUN_ID_TIME.format(started)
            + "-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    Warehouse warehouse = new Warehouse(spark, cfg.warehouse());
    RunContext ctx = new RunContext(spark, cfg, warehouse, runId);
    List<InputFiles> inputFiles = RunInputs.files(cfg);
    // Before the checksums: a file changed while they are computed shows as changed.
    InputSnapshot snapshot = InputSnapshot.of(inputFiles);
    List<Row> inputs = RunInputs.describe(inputFiles);
    if (cfg.get(ConfigKeys.SHUFFLE_PARTITIONS).equals("auto")) {
      int partitions =
          Sessions.partitionsFor(
              RunInputs.bytes(inputs), Runtime.getRuntime().availableProcessors());
      spark.conf().set("spark.sql.shuffle.partitions", partitions);
    }
    LOG.info(
        "run {} for {} / {}: {} stages, warehouse {}",
        runId,
        cfg.financialYear(),
        cfg.scenario(),
        stages.size(),
        warehouse.root());
    List<Stage> runnable = stages.stream().filter(st -> missingInputs(st, cfg).isEmpty()).toList();
    warehouse.create(RunLog.TABLE);
    ctx.createInBackground(
        tables(runnable).stream()
            .filter(t -> isWritten(t, cfg) && !t.equals(RunLog.TABLE))
            .toList());
    spark.conf().set(USER_METADATA, ctx.commitInfo());
    RunLogWriter runLog = new RunLogWriter(spark, warehouse);
    runLog.start(
        runId,
        cfg.financialYear(),
        cfg.scenario(),
        started,
        cfg.hash(),
        cfg.render(),
        CodeVersion.get(),
        inputs);
    Map<String, Double> seconds = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    try {
      try {
        for (Stage stage : stages) {
          List<String> missing = missingInputs(stage, cfg);
          if (!missing.isEmpty()) {
            String why = stage.name() + " (no input " + String.join(", ", missing) + ")";
            LOG.info("stage {} skipped: inputs not provided: {}", stage.name(), missing);
            skipped.add(why);
            continue;
          }
          runStage(stage, ctx, seconds);
          // Tables from inputs other than those run_log recorded must not pass for this run's.
          snapshot.verifyUnchanged();
        }
        if (!skipped.isEmpty()) {
          ctx.summary("skipped for lack of an input: " + String.join("; ", skipped));
        }
        long t0 = System.nanoTime();
        LOG.info("writing the run's tables");
        ctx.persist(t -> isWritten(t, cfg));
        seconds.put(WRITE_TABLES, (System.nanoTime() - t0) / 1e9);
      } catch (Exception e) { // Spark's SparkException is checked, thrown undeclared
        Optional<InputChangedException> changed = snapshot.changeBehind(e);
        Exception failure = changed.isPresent() ? changed.get() : e;
        if (changed.isEmpty()) {
          try {
            // Why the inputs failed is worth keeping; the rest of a failed run is not.
            ctx.persist(DIAGNOSTICS::contains);
          } catch (Exception diagnosticsFailed) {
            failure.addSuppressed(diagnosticsFailed);
          }
        }
        try {
          runLog.finish(
              runId,
              RunLog.FAILED,
              Instant.now(),
              ctx.rowsWritten(),
              seconds,
              failure.getMessage());
        } catch (Exception logFailed) {
          // A full disk fails this write too: report why the run failed, not why its log did;
          // run_log then shows the run as running with no end, as it does a killed run.
          failure.addSuppressed(logFailed);
        }
        if (changed.isPresent()) {
          throw changed.get();
        }
        throw e;
      } finally {
        ctx.release();
      }
      // Still under the run's commit metadata: run_log's closing write names the run too.
      runLog.finish(
          runId,
          RunLog.SUCCEEDED,
          Instant.now(),
          ctx.rowsWritten(),
          seconds,
          skipped.isEmpty() ? null : "skipped: " + String.join("; ", skipped));
    } finally {
      spark.conf().unset(USER_METADATA);
    }
    return new RunResult(runId, ctx.rowsWritten(), seconds, ctx.summaryLines());
  }

  private static List<String> missingInputs(Stage stage, FairshareConfig cfg) {
    return stage.requiredInputs().stream().filter(d -> !cfg.isProvided(d)).toList();
  }

  /**
   * Whether a run writes this table: staging tables only when asked ({@code
   * output.persist_staging}), and only of inputs provided (nothing would fill the others).
   */
  private static boolean isWritten(OutputTable table, FairshareConfig cfg) {
    if (!Staging.isStaging(table)) {
      return true;
    }
    return cfg.getBoolean(ConfigKeys.PERSIST_STAGING)
        && Datasets.INGESTED.stream()
            .anyMatch(
                c -> Staging.table(c).name().equals(table.name()) && cfg.isProvided(c.name()));
  }

  private static void runStage(Stage stage, RunContext ctx, Map<String, Double> seconds) {
    long t0 = System.nanoTime();
    LOG.info("stage {} started", stage.name());
    try {
      stage.run(ctx);
    } finally {
      double s = (System.nanoTime() - t0) / 1e9;
      seconds.put(stage.name(), s);
      LOG.info(
          "stage {} ended: rows in {}, rows out {}, {} s",
          stage.name(),
          ctx.takeRowsRead(),
          ctx.takeRowsComputed(),
          String.format("%.1f", s));
    }
  }
}
