package org.fairshare.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.fairshare.config.FairshareConfig;
import org.fairshare.output.Warehouse;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.Staging;
import org.fairshare.spark.DriverThreads;

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
    requireSliced(table);
    long n =
        warehouse.replaceSlice(
            table, rows, config.financialYear(), config.scenario(), commitInfo());
    recordWrite(table, n);
    return n;
  }

  /**
   * Writes the tables several at a time, started in the order given: a small table's write waits
   * mostly on Delta's commit on the driver, and overlaps with a large one's tasks if it starts
   * first (a large write started first holds every core until its tasks end). Keeps each staging
   * table's rows, as written, for the run's later reads: no stage reads the table back and shuffles
   * it into stable order again. Later reads run the rows' plan over their cache: they are not
   * cached a second time (for activity, 43 million rows, that second cache took two fifths of the
   * write's time).
   */
  @Override
  public void writeAndKeep(List<KeptWrite> writes) {
    List<Callable<Written>> replacements = new ArrayList<>();
    for (KeptWrite w : writes) {
      replacements.add(
          () -> {
            requireSliced(w.table());
            Dataset<Row> rows =
                Warehouse.conformTo(w.table(), w.rows(), config.financialYear(), config.scenario());
            return new Written(
                rows,
                warehouse.replaceSlice(
                    w.table(), rows, config.financialYear(), config.scenario(), commitInfo()));
          });
    }
    List<Future<Written>> done =
        DriverThreads.runAll("fairshare-write", WRITE_THREADS, replacements);
    RuntimeException failure = null;
    for (int i = 0; i < writes.size(); i++) {
      KeptWrite w = writes.get(i);
      Written written;
      try {
        written = DriverThreads.result(done.get(i));
      } catch (RuntimeException e) {
        w.cache().unpersist();
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
        continue;
      }
      recordWrite(w.table(), written.count());
      if (Staging.isStaging(w.table())) {
        keptReads.put(w.table().name(), new Kept(written.rows(), w.cache()));
      } else {
        w.cache().unpersist();
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Rows as written (the table's columns, slice filled in) and how many. */
  private record Written(Dataset<Row> rows, long count) {}

  // Delta's commits are driver work: a few at once keep the two cores busy between them.
  private static final int WRITE_THREADS = 4;

  private static void requireSliced(OutputTable table) {
    if (!table.isSliced()) {
      throw new IllegalArgumentException(table.name() + " is not sliced by year and scenario");
    }
  }

  /** Records a write of this run's slice, made on the calling thread, in the order of the calls. */
  private void recordWrite(OutputTable table, long n) {
    rowsWritten.merge(table.name(), n, Long::sum);
    sliceRows.put(table.name(), n);
    Kept stale = keptReads.remove(table.name());
    if (stale != null) {
      stale.cached().unpersist();
    }
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
