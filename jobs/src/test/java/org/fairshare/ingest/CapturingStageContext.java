package org.fairshare.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairshare.config.FairshareConfig;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.OutputTable;

/**
 * A stage context that keeps what a stage writes as collected rows instead of Delta tables, so the
 * ingest stage can run over many tiny inputs without a warehouse.
 */
final class CapturingStageContext implements StageContext {
  private final SparkSession spark;
  private final FairshareConfig config;
  private final Map<String, List<Row>> written = new LinkedHashMap<>();

  CapturingStageContext(SparkSession spark, FairshareConfig config) {
    this.spark = spark;
    this.config = config;
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
    throw new UnsupportedOperationException("the ingest stage reads no table");
  }

  @Override
  public long write(OutputTable table, Dataset<Row> rows) {
    List<Row> collected = new ArrayList<>(rows.collectAsList());
    written.put(table.name(), collected);
    return collected.size();
  }

  @Override
  public void countRowsRead(long rows) {
    // Not logged here.
  }

  @Override
  public void summary(String line) {
    // Not kept here.
  }

  /** Returns whether the stage wrote the table at all. */
  boolean wrote(String table) {
    return written.containsKey(table);
  }

  /** Returns the rows last written to the table, or none. */
  List<Row> rows(String table) {
    return written.getOrDefault(table, List.of());
  }
}
