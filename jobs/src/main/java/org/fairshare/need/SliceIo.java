package org.fairshare.need;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.Columns;
import org.fairshare.schema.DatasetContract;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.Staging;

/**
 * Reads and writes of this run's slice for the need and allocation stages: the slice columns are
 * dropped on reading (every table read has the same two, which would clash in joins) and put back
 * by the context on writing.
 */
public final class SliceIo {
  private SliceIo() {}

  /** Returns this run's rows of an input's staging table, without the slice columns. */
  public static Dataset<Row> input(StageContext ctx, DatasetContract contract) {
    return body(ctx.read(Staging.table(contract)));
  }

  /** Returns this run's rows of a table written earlier, without the slice columns. */
  public static Dataset<Row> table(StageContext ctx, OutputTable table) {
    return body(ctx.read(table));
  }

  /** Writes the table's columns of the rows to this run's slice; returns the rows written. */
  public static long write(StageContext ctx, OutputTable table, Dataset<Row> rows) {
    Column[] cols =
        Arrays.stream(table.schema().fieldNames())
            .filter(n -> !table.partitionColumns().contains(n))
            .map(n -> col(n))
            .toArray(Column[]::new);
    return ctx.write(table, rows.select(cols));
  }

  private static Dataset<Row> body(Dataset<Row> rows) {
    return rows.drop(Columns.FINANCIAL_YEAR, Columns.SCENARIO);
  }
}
