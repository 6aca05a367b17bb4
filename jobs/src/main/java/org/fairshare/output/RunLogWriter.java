package org.fairshare.output;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.fairshare.schema.RunLog;

/** Records runs in run_log: a row when a run starts, updated in place when it ends. */
public final class RunLogWriter {
  private final SparkSession spark;
  private final Warehouse warehouse;

  public RunLogWriter(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /** Inserts the run as running. */
  public void start(
      String runId,
      String financialYear,
      String scenario,
      Instant startedAt,
      String configHash,
      String config,
      String codeVersion,
      List<Row> inputs) {
    upsert(
        RowFactory.create(
            runId,
            financialYear,
            scenario,
            RunLog.RUNNING,
            Timestamp.from(startedAt),
            null,
            configHash,
            config,
            codeVersion,
            inputs,
            null,
            null,
            null));
  }

  /** Marks the run as ended with this status, its rows and timings, and why if it failed. */
  public void finish(
      String runId,
      String status,
      Instant endedAt,
      Map<String, Long> rowsWritten,
      Map<String, Double> stageSeconds,
      String message) {
    Row current =
        warehouse
            .read(RunLog.TABLE.name())
            .where(functions.col(RunLog.RUN_ID).equalTo(runId))
            .first();
    upsert(
        RowFactory.create(
            runId,
            current.getAs(RunLog.FINANCIAL_YEAR),
            current.getAs(RunLog.SCENARIO),
            status,
            current.getAs(RunLog.STARTED_AT),
            Timestamp.from(endedAt),
            current.getAs(RunLog.CONFIG_HASH),
            current.getAs(RunLog.CONFIG),
            current.getAs(RunLog.CODE_VERSION),
            current.getList(current.fieldIndex(RunLog.INPUTS)),
            rowsWritten,
            stageSeconds,
            message));
  }

  /** Inserts or replaces the run's row; retried when a concurrent run's upsert committed first. */
  private void upsert(Row row) {
    for (int attempt = 1; ; attempt++) {
      try {
        upsertOnce(row);
        return;
      } catch (RuntimeException e) {
        if (!Warehouse.isConflict(e) || attempt >= CONFLICT_RETRIES) {
          throw e;
        }
      }
    }
  }

  private static final int CONFLICT_RETRIES = 10;

  private void upsertOnce(Row row) {
    Dataset<Row> source = spark.createDataFrame(List.of(row), RunLog.SCHEMA);
    Path table = warehouse.pathOf(RunLog.TABLE.name());
    Warehouse.onDisk(
        table,
        () ->
            DeltaTable.forPath(spark, table.toString())
                .as("t")
                .merge(source.as("s"), "t." + RunLog.RUN_ID + " = s." + RunLog.RUN_ID)
                .whenMatched()
                .updateAll()
                .whenNotMatched()
                .insertAll()
                .execute());
  }
}
