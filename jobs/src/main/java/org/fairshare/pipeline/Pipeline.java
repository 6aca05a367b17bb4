package org.fairshare.pipeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.fairshare.output.RunLogWriter;
import org.fairshare.output.Warehouse;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.RunLog;
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

  private Pipeline() {}

  /** Returns every stage of a full run, in order. */
  public static List<Stage> stages() {
    List<Stage> stages = new ArrayList<>();
    stages.add(new IngestStage());
    stages.add(new GeographyStage());
    stages.addAll(AllocationStages.all());
    stages.add(new UncertaintyStage());
    stages.add(new IndicatorsStage());
    stages.add(new EquityStage());
    stages.add(new TrendsStage());
    return List.copyOf(stages);
  }

  /** Returns every table the stages write, plus run_log. */
  public static List<OutputTable> tables(List<Stage> stages) {
    List<OutputTable> tables = new ArrayList<>();
    stages.forEach(s -> tables.addAll(s.outputs()));
    tables.add(RunLog.TABLE);
    return tables;
  }

  /** Runs the stages; throws what the failing stage threw, after recording the failure. */
  public static RunResult run(SparkSession spark, FairshareConfig cfg, List<Stage> stages) {
    Instant started = Instant.now();
    String runId =
        RUN_ID_TIME.format(started)
            + "-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    Warehouse warehouse = new Warehouse(spark, cfg.warehouse());
    RunContext ctx = new RunContext(spark, cfg, warehouse, runId);
    List<Row> inputs = RunInputs.describe(cfg);
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
    tables(stages).forEach(warehouse::create);
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
    try {
      for (Stage stage : stages) {
        runStage(stage, ctx, seconds);
      }
    } catch (RuntimeException e) {
      runLog.finish(
          runId, RunLog.FAILED, Instant.now(), ctx.rowsWritten(), seconds, e.getMessage());
      throw e;
    } finally {
      spark.conf().unset(USER_METADATA);
    }
    runLog.finish(runId, RunLog.SUCCEEDED, Instant.now(), ctx.rowsWritten(), seconds, null);
    return new RunResult(runId, ctx.rowsWritten(), seconds, ctx.summaryLines());
  }

  private static void runStage(Stage stage, RunContext ctx, Map<String, Double> seconds) {
    Map<String, Long> before = new LinkedHashMap<>(ctx.rowsWritten());
    long t0 = System.nanoTime();
    LOG.info("stage {} started", stage.name());
    try {
      stage.run(ctx);
    } finally {
      double s = (System.nanoTime() - t0) / 1e9;
      seconds.put(stage.name(), s);
      long out =
          ctx.rowsWritten().entrySet().stream()
              .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L))
              .sum();
      LOG.info(
          "stage {} ended: rows in {}, rows out {}, {} s",
          stage.name(),
          ctx.takeRowsRead(),
          out,
          String.format("%.1f", s));
    }
  }
}
