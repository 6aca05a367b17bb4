package org.fairshare.allocation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.fairshare.config.FairshareConfig;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.Columns;
import org.fairshare.schema.OutputTable;

/**
 * A stage context over in-memory tables, for testing stages without Delta: writes check that the
 * rows have exactly the table's columns and types, and keep the rows (computed once).
 */
final class InMemoryStageContext implements StageContext {
  private final SparkSession spark;
  private final FairshareConfig config;
  private final Map<String, Dataset<Row>> tables = new HashMap<>();
  final List<String> summary = new ArrayList<>();

  InMemoryStageContext(SparkSession spark, FairshareConfig config) {
    this.spark = spark;
    this.config = config;
  }

  /** Stores rows with the table's body columns as the run's slice of the table. */
  void put(OutputTable table, Dataset<Row> body) {
    Dataset<Row> sliced =
        body.withColumn(Columns.FINANCIAL_YEAR, lit(config.financialYear()))
            .withColumn(Columns.SCENARIO, lit(config.scenario()));
    List<Column> cols = new ArrayList<>();
    cols.add(col(Columns.FINANCIAL_YEAR));
    cols.add(col(Columns.SCENARIO));
    for (StructField f : table.schema().fields()) {
      if (!table.partitionColumns().contains(f.name())) {
        cols.add(col(f.name()));
      }
    }
    tables.put(table.name(), sliced.select(cols.toArray(Column[]::new)).localCheckpoint());
  }

  @Override
  public SparkSession spark() {
    return spark;
  }

  @Override
  public FairshareConfig config() {
    return config;
  }

  @Override
  public Dataset<Row> read(OutputTable table) {
    Dataset<Row> t = tables.get(table.name());
    if (t == null) {
      throw new IllegalStateException("table " + table.name() + " was not written");
    }
    return t;
  }

  @Override
  public long write(OutputTable table, Dataset<Row> rows) {
    List<StructField> expected =
        Arrays.stream(table.schema().fields())
            .filter(f -> !table.partitionColumns().contains(f.name()))
            .toList();
    List<String> names = expected.stream().map(StructField::name).toList();
    if (!List.of(rows.columns()).equals(names)) {
      throw new IllegalArgumentException(
          table.name() + ": columns " + List.of(rows.columns()) + " but the table has " + names);
    }
    for (StructField f : expected) {
      StructField actual = rows.schema().apply(f.name());
      if (!actual.dataType().equals(f.dataType())) {
        throw new IllegalArgumentException(
            table.name() + "." + f.name() + " is " + actual.dataType() + ", not " + f.dataType());
      }
    }
    put(table, rows);
    return tables.get(table.name()).count();
  }

  @Override
  public void countRowsRead(long rows) {
    // Row counts are for the run's log, which this context does not keep.
  }

  @Override
  public void summary(String line) {
    summary.add(line);
  }
}
