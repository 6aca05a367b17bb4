package org.fairshare.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.fairshare.config.FairshareConfig;
import org.fairshare.output.Warehouse;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.Staging;

/** The context of one run: its id, its slice of the warehouse, and what it has written. */
public final class RunContext implements StageContext {
  private final SparkSession spark;
  private final FairshareConfig config;
  private final Warehouse warehouse;
  private final String runId;
  private final Map<String, Long> rowsWritten = new LinkedHashMap<>();
  // Rows of this run's slice of each table this run wrote: what a later read of it returns.
  private final Map<String, Long> sliceRows = new LinkedHashMap<>();
  // Staging slices as written or first read, kept for the run: several stages read activity and
  // population, and each uncached read would scan the table and shuffle it into stable order again.
  private final Map<String, Kept> keptReads = new LinkedHashMap<>();
  private final List<String> summary = new ArrayList<>();
  private long rowsReadByStage;

  public RunContext(SparkSession spark, FairshareConfig config, Warehouse warehouse, String runId) {
    this.spark = spark;
    this.config = config;
    this.warehouse = warehouse;
    this.runId = runId;
  }

  @Override
  public SparkSession spark() {
    return spark;
  }

  @Override
  public FairshareConfig config() {
    return config;
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  public String runId() {
    return runId;
  }

  @Override
  public Dataset<Row> read(OutputTable table) {
    Kept kept = keptReads.get(table.name());
    if (kept != null) {
      rowsReadByStage += sliceRows.getOrDefault(table.name(), 0L);
      return kept.rows();
    }
    if (!warehouse.exists(table.name())) {
      throw new IllegalStateException(
          "table " + table.name() + " has not been written yet; run the stage that writes it");
    }
    Dataset<Row> all = warehouse.read(table.name());
    Dataset<Row> slice =
        Warehouse.inStableOrder(
            table.isSliced()
                ? all.where(Warehouse.sliceCondition(config.financialYear(), config.scenario()))
                : all,
            Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")));
    // Counting would cost a Spark job per read; a slice this run wrote holds what it wrote.
    Long known = table.isSliced() ? sliceRows.get(table.name()) : null;
    if (Staging.isStaging(table)) {
      slice = slice.persist(StorageLevel.MEMORY_AND_DISK());
      keptReads.put(table.name(), new Kept(slice, slice));
    }
    long n = known != null ? known : slice.count();
    if (Staging.isStaging(table)) {
      sliceRows.putIfAbsent(table.name(), n);
    }
    rowsReadByStage += n;
    return slice;
  }

  @Override
  public long write(OutputTable table, Dataset<Row> rows) {
    if (!table.isSliced()) {
      throw new IllegalArgumentException(table.name() + " is not sliced by year and scenario");
    }
    long n =
        warehouse.replaceSlice(
            table, rows, config.financialYear(), config.scenario(), commitInfo());
    rowsWritten.merge(table.name(), n, Long::sum);
    sliceRows.put(table.name(), n);
    Kept stale = keptReads.remove(table.name());
    if (stale != null) {
      stale.cached().unpersist();
    }
    return n;
  }

  /**
   * Keeps a staging table's rows, as written, for the run's later reads: no stage reads the table
   * back and shuffles it into stable order again. The rows are a plan over {@code cache}, and later
   * reads run that plan over the cache: the rows are not cached a second time (for activity, 43
   * million rows, that second cache took two fifths of the write's time).
   */
  @Override
  public long writeAndKeep(OutputTable table, Dataset<Row> rows, Dataset<Row> cache) {
    if (!Staging.isStaging(table)) {
      long n = write(table, rows);
      cache.unpersist();
      return n;
    }
    Dataset<Row> asWritten =
        Warehouse.conformTo(table, rows, config.financialYear(), config.scenario());
    long n = write(table, asWritten);
    keptReads.put(table.name(), new Kept(asWritten, cache));
    return n;
  }

  /** Frees the slices kept for re-reading; call when the run ends. */
  public void releaseKeptReads() {
    keptReads.values().forEach(k -> k.cached().unpersist());
    keptReads.clear();
  }

  /** Rows a read returns, and the frame to unpersist to free them. */
  private record Kept(Dataset<Row> rows, Dataset<Row> cached) {}

  @Override
  public void countRowsRead(long rows) {
    rowsReadByStage += rows;
  }

  @Override
  public void summary(String line) {
    summary.add(line);
  }

  /** Returns the JSON put in every commit's user metadata: run id and config hash. */
  public String commitInfo() {
    return "{\"run_id\":\""
        + runId
        + "\",\"config_hash\":\""
        + config.hash()
        + "\",\"financial_year\":\""
        + config.financialYear()
        + "\",\"scenario\":\""
        + config.scenario()
        + "\"}";
  }

  public Map<String, Long> rowsWritten() {
    return Collections.unmodifiableMap(rowsWritten);
  }

  public List<String> summaryLines() {
    return Collections.unmodifiableList(summary);
  }

  /** Returns the rows read through {@link #read} since the last call, and resets the count. */
  long takeRowsRead() {
    long n = rowsReadByStage;
    rowsReadByStage = 0;
    return n;
  }
}
