package org.fairshare.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairshare.output.Warehouse;
import org.fairshare.schema.PlaceAllocationsTable;
import org.fairshare.schema.RunLog;

/**
 * Finds runs in run_log and reads the rows a run wrote, through Delta time travel: each table at
 * the last version whose commit user metadata names the run, filtered to the run's slice. A later
 * run of the same slice therefore does not change what is read for an earlier one.
 */
public final class RunSlices {
  private final SparkSession spark;
  private final Warehouse warehouse;

  public RunSlices(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /**
   * One run, as run_log records it.
   *
   * @param config the effective configuration, key=value lines
   * @param inputs each input's dataset, path, format, files, bytes and SHA-256
   * @param rowsWritten rows the run wrote per table (0 where it replaced an empty slice with none)
   */
  public record Run(
      String runId,
      String financialYear,
      String scenario,
      String status,
      String startedAt,
      String endedAt,
      String configHash,
      String config,
      String codeVersion,
      List<Row> inputs,
      Map<String, Long> rowsWritten) {}

  /** Thrown when a run cannot be found or was not written where asked. */
  public static final class RunNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunNotFoundException(String message) {
      super(message);
    }
  }

  /** Returns the latest succeeded run (by end time). */
  public Run latestSucceeded() {
    requireRunLog();
    List<Row> rows =
        warehouse
            .read(RunLog.TABLE.name())
            .where(col(RunLog.STATUS).equalTo(RunLog.SUCCEEDED))
            .orderBy(col(RunLog.ENDED_AT).desc(), col(RunLog.RUN_ID).desc())
            .limit(1)
            .collectAsList();
    if (rows.isEmpty()) {
      throw new RunNotFoundException(
          "no succeeded run in " + warehouse.pathOf(RunLog.TABLE.name()) + "; run 'fairshare run'");
    }
    return toRun(rows.get(0));
  }

  /**
   * Returns the run a spec names: a run id from run_log, or a version number of place_allocations
   * (as {@code fairshare history place_allocations} lists them), meaning the run that wrote it.
   */
  public Run resolve(String spec) {
    requireRunLog();
    Optional<Run> byId = byId(spec);
    if (byId.isPresent()) {
      return byId.get();
    }
    if (spec.matches("[0-9]{1,9}")) {
      String table = PlaceAllocationsTable.TABLE.name();
      List<Row> commit =
          history(table).where(col("version").equalTo(Long.parseLong(spec))).collectAsList();
      if (commit.isEmpty()) {
        throw new RunNotFoundException("no version " + spec + " of " + table);
      }
      String runId = commit.get(0).getAs("run_id");
      if (runId == null) {
        throw new RunNotFoundException(
            "version " + spec + " of " + table + " was not written by a run (no run id)");
      }
      return byId(runId)
          .orElseThrow(
              () ->
                  new RunNotFoundException(
                      "run " + runId + " of version " + spec + " not in run_log"));
    }
    throw new RunNotFoundException(
        "no run '" + spec + "' in run_log (give a run id or a version of place_allocations)");
  }

  /** Returns the last version of the table committed by the run. */
  public long versionWrittenBy(String table, String runId) {
    return lastVersionBy(table, runId)
        .orElseThrow(
            () -> new RunNotFoundException("run " + runId + " wrote no version of " + table));
  }

  /**
   * Returns the rows of the run's slice of the table as the run left them. A run that wrote no rows
   * to an empty slice committed nothing (Delta skips empty commits): its slice is empty.
   */
  public Dataset<Row> slice(String table, Run run) {
    Optional<Long> version = lastVersionBy(table, run.runId());
    if (version.isEmpty() && run.rowsWritten().getOrDefault(table, -1L) != 0L) {
      throw new RunNotFoundException("run " + run.runId() + " wrote no version of " + table);
    }
    var reader = spark.read().format("delta");
    if (version.isPresent()) {
      reader = reader.option("versionAsOf", version.get());
    }
    Dataset<Row> rows =
        reader
            .load(warehouse.pathOf(table).toString())
            .where(Warehouse.sliceCondition(run.financialYear(), run.scenario()));
    return version.isPresent() ? rows : rows.where(lit(false));
  }

  /** Returns true when the table exists and the run wrote to it (rows or an empty slice). */
  public boolean wrote(String table, Run run) {
    return warehouse.exists(table)
        && (run.rowsWritten().containsKey(table) || lastVersionBy(table, run.runId()).isPresent());
  }

  private Optional<Long> lastVersionBy(String table, String runId) {
    List<Row> versions =
        history(table)
            .where(col("run_id").equalTo(runId))
            .orderBy(col("version").desc())
            .limit(1)
            .collectAsList();
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0).getAs("version"));
  }

  private Dataset<Row> history(String table) {
    return DeltaTable.forPath(spark, warehouse.pathOf(table).toString())
        .history()
        .select(col("version"), get_json_object(col("userMetadata"), "$.run_id").as("run_id"));
  }

  private Optional<Run> byId(String runId) {
    List<Row> rows =
        warehouse
            .read(RunLog.TABLE.name())
            .where(col(RunLog.RUN_ID).equalTo(runId))
            .collectAsList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(toRun(rows.get(0)));
  }

  private void requireRunLog() {
    if (!warehouse.exists(RunLog.TABLE.name())) {
      throw new RunNotFoundException(
          "no run_log in "
              + warehouse.root()
              + "; run 'fairshare run' first (or pass --warehouse)");
    }
  }

  private static Run toRun(Row r) {
    Object ended = r.getAs(RunLog.ENDED_AT);
    return new Run(
        r.getAs(RunLog.RUN_ID),
        r.getAs(RunLog.FINANCIAL_YEAR),
        r.getAs(RunLog.SCENARIO),
        r.getAs(RunLog.STATUS),
        String.valueOf(r.<Object>getAs(RunLog.STARTED_AT)),
        ended == null ? null : ended.toString(),
        r.getAs(RunLog.CONFIG_HASH),
        r.getAs(RunLog.CONFIG),
        r.getAs(RunLog.CODE_VERSION),
        r.getList(r.fieldIndex(RunLog.INPUTS)),
        r.isNullAt(r.fieldIndex(RunLog.ROWS_WRITTEN))
            ? Map.of()
            : r.<String, Long>getJavaMap(r.fieldIndex(RunLog.ROWS_WRITTEN)));
  }
}
