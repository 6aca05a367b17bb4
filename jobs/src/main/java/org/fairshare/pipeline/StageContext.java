package org.fairshare.pipeline;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairshare.config.FairshareConfig;
import org.fairshare.schema.OutputTable;

/** What a stage may use: Spark, the configuration, and reads and writes of this run's slice. */
public interface StageContext {

  SparkSession spark();

  FairshareConfig config();

  /**
   * Returns this run's slice (financial year and scenario) of a table written earlier, with the
   * table's full schema.
   */
  Dataset<Row> read(OutputTable table);

  /**
   * Returns every slice of a table: those earlier runs wrote, with this run's as this run computed
   * it. A context that holds only this run's tables returns this run's slice.
   */
  default Dataset<Row> readEverySlice(OutputTable table) {
    return read(table);
  }

  /**
   * Sets this run's slice of the table to these rows: later reads in this run return them, and the
   * run replaces the table's slice with them, atomically, when every stage has succeeded. Missing
   * slice columns are added; columns are put in the table's order. Returns the rows written.
   */
  long write(OutputTable table, Dataset<Row> rows);

  /** A write whose rows are a plan over {@code cache}, a persisted frame. */
  record KeptWrite(OutputTable table, Dataset<Row> rows, Dataset<Row> cache) {}

  /**
   * Writes each table as {@link #write} does, keeping the rows as given rather than caching them
   * again. The caller hands every cache over with this call, whether its write succeeds or not: the
   * context unpersists it when the run no longer needs it. The rows must already be in a stable
   * order: the same rows in the same partitions, in the same order, on every run with the same
   * inputs.
   */
  default void writeAndKeep(List<KeptWrite> writes) {
    try {
      writes.forEach(w -> write(w.table(), w.rows()));
    } finally {
      writes.forEach(w -> w.cache().unpersist());
    }
  }

  /** Adds rows a stage read from outside the warehouse (input files) to its logged rows in. */
  void countRowsRead(long rows);

  /** Records a line for the run summary printed at the end (e.g. a reconciliation). */
  void summary(String line);
}
