package org.fairshare.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.LogicalRDD;
import org.fairshare.config.FairshareConfig;
import org.fairshare.output.Warehouse;
import org.fairshare.schema.OutputTable;
import org.fairshare.spark.DriverThreads;

/**
 * The context of one run: its id, its slice of the warehouse, and the slices its stages computed. A
 * stage's writes stay in memory until {@link #persist} writes them all: later stages read them from
 * there, never back from the warehouse, and a run that fails before the end has changed no table
 * but those it chooses to persist anyway (the record of why its inputs failed).
 */
public final class RunContext implements StageContext {
  private final SparkSession spark;
  private final FairshareConfig config;
  private final Warehouse warehouse;
  private final String runId;
  // Every slice this run computed, by table name, in the order first written.
  private final Map<String, Computed> computed = new LinkedHashMap<>();
  // Slices of tables this run did not write, read from the warehouse once and kept for the run.
  private final Map<String, Computed> readFromWarehouse = new LinkedHashMap<>();
  private final Map<String, Long> rowsWritten = new LinkedHashMap<>();
  private final List<String> summary = new ArrayList<>();
  private long rowsReadByStage;
  private long rowsComputedByStage;
  private CompletableFuture<Void> tablesMade = CompletableFuture.completedFuture(null);

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

  /**
   * Creates the tables that do not exist while the stages compute: nothing is written to them
   * before {@link #persist}, and each creation is a commit that waits mostly on the driver. In a
   * session of their own, so that the commits do not carry the run's commit metadata.
   */
  public void createInBackground(List<OutputTable> tables) {
    Warehouse creator = new Warehouse(spark.newSession(), warehouse.root());
    ExecutorService thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "fairshare-create-tables");
              t.setDaemon(true);
              return t;
            });
    tablesMade = CompletableFuture.runAsync(() -> creator.createAll(tables), thread);
    thread.shutdown();
  }

  /** Waits for the tables {@link #createInBackground} makes; throws what their creation threw. */
  private void awaitTables() {
    try {
      tablesMade.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  @Override
  public Dataset<Row> read(OutputTable table) {
    Computed c = computed.get(table.name());
    if (c == null) {
      c = readFromWarehouse.computeIfAbsent(table.name(), name -> readSlice(table));
    }
    rowsReadByStage += c.count();
    return c.rows();
  }

  /** This run's slice of a table an earlier run wrote, in stable order, kept for the run. */
  private Computed readSlice(OutputTable table) {
    awaitTables();
    if (!warehouse.exists(table.name())) {
      throw new IllegalStateException(
          "table " + table.name() + " has not been written yet; run the stage that writes it");
    }
    Dataset<Row> all = warehouse.read(table.name());
    return keep(
        table,
        table.isSliced()
            ? all.where(Warehouse.sliceCondition(config.financialYear(), config.scenario()))
            : all);
  }

  /**
   * Returns every slice of the table: the warehouse's, with this run's slice as this run computed
   * it (for stages that compare this year with earlier ones).
   */
  @Override
  public Dataset<Row> readEverySlice(OutputTable table) {
    awaitTables();
    Computed c = computed.get(table.name());
    Dataset<Row> others =
        warehouse.exists(table.name())
            ? warehouse
                .read(table.name())
                .where(
                    "not ("
                        + Warehouse.sliceCondition(config.financialYear(), config.scenario())
                        + ")")
            : spark.createDataFrame(List.of(), table.schema());
    return c == null ? others : others.unionByName(c.rows());
  }

  /**
   * Computes the rows, conformed to the table and in stable order (the order a read of the table
   * would give them: see {@link Warehouse#inStableOrder}), and keeps them for this run's later
   * reads and for {@link #persist}. Returns the rows.
   */
  @Override
  public long write(OutputTable table, Dataset<Row> rows) {
    requireSliced(table);
    Computed c =
        keep(table, Warehouse.conformTo(table, rows, config.financialYear(), config.scenario()));
    record(table, c);
    return c.count();
  }

  /**
   * Computes the rows in stable order into a local checkpoint: later queries start at its rows, not
   * at the plan that made them (a cache would keep that plan, and every later query would match its
   * own plan against every cached one's).
   */
  private Computed keep(OutputTable table, Dataset<Row> rows) {
    Dataset<Row> kept = Warehouse.inStableOrder(rows, shufflePartitions()).localCheckpoint(true);
    return new Computed(table, kept, kept.count(), kept);
  }

  private int shufflePartitions() {
    return Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
  }

  /**
   * Keeps each table's rows as given (already in stable order, a plan over the persisted {@code
   * cache}), for later reads and for {@link #persist}: they are not cached a second time (for
   * activity, 43 million rows, a second cache cost two fifths of its write's time).
   */
  @Override
  public void writeAndKeep(List<KeptWrite> writes) {
    int handed = 0;
    try {
      for (KeptWrite w : writes) {
        requireSliced(w.table());
        Dataset<Row> rows =
            Warehouse.conformTo(w.table(), w.rows(), config.financialYear(), config.scenario());
        Computed c = new Computed(w.table(), rows, rows.count(), w.cache());
        handed++;
        record(w.table(), c);
      }
    } finally {
      writes.subList(handed, writes.size()).forEach(w -> w.cache().unpersist());
    }
  }

  private void record(OutputTable table, Computed c) {
    Computed stale = computed.remove(table.name());
    if (stale != null && stale.cache() != c.cache()) {
      free(stale);
    }
    computed.put(table.name(), c);
    rowsComputedByStage += c.count();
  }

  /**
   * Writes every slice this run computed to the warehouse, each replaced atomically in one commit
   * that records the run id, several at a time: a small table's write waits mostly on Delta's
   * commit on the driver and overlaps with a large one's tasks, so the smallest start first (a
   * large write started first holds every core until its tasks end). Throws the first failure,
   * after every write has ended.
   */
  public void persist() {
    persist(t -> true);
  }

  /** Writes the slices computed for these tables, as {@link #persist} does. */
  public void persist(Predicate<OutputTable> which) {
    awaitTables();
    List<Computed> slices =
        computed.values().stream()
            .filter(c -> which.test(c.table()))
            .filter(c -> !rowsWritten.containsKey(c.table().name()))
            .sorted(Comparator.comparingLong(Computed::count))
            .toList();
    List<Callable<Long>> replacements = new ArrayList<>();
    for (Computed c : slices) {
      replacements.add(
          () ->
              warehouse.replaceSlice(
                  c.table(), c.rows(), config.financialYear(), config.scenario(), commitInfo()));
    }
    List<Future<Long>> done = DriverThreads.runAll("fairshare-write", WRITE_THREADS, replacements);
    RuntimeException failure = null;
    for (int i = 0; i < slices.size(); i++) {
      try {
        rowsWritten.put(slices.get(i).table().name(), DriverThreads.result(done.get(i)));
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  // Delta's commits are driver work: a few at once keep the two cores busy between them.
  private static final int WRITE_THREADS = 4;

  private static void requireSliced(OutputTable table) {
    if (!table.isSliced()) {
      throw new IllegalArgumentException(table.name() + " is not sliced by year and scenario");
    }
  }

  /**
   * Frees every slice kept in memory, once the tables being created are made (a command that exits
   * leaves none half-made); call when the run ends.
   */
  public void release() {
    tablesMade.exceptionally(e -> null).join();
    computed.values().forEach(RunContext::free);
    computed.clear();
    readFromWarehouse.values().forEach(RunContext::free);
    readFromWarehouse.clear();
  }

  /** Frees a kept slice: a persisted frame, or the blocks of a local checkpoint. */
  private static void free(Computed c) {
    c.cache().unpersist();
    if (c.cache().queryExecution().analyzed() instanceof LogicalRDD checkpoint) {
      checkpoint.rdd().unpersist(false);
    }
  }

  /** A slice kept for the run: its rows, how many, and the frame that holds them. */
  private record Computed(OutputTable table, Dataset<Row> rows, long count, Dataset<Row> cache) {}

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

  /** Rows written to the warehouse per table, by {@link #persist}. */
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

  /** Returns the rows written through {@link #write} since the last call, and resets the count. */
  long takeRowsComputed() {
    long n = rowsComputedByStage;
    rowsComputedByStage = 0;
    return n;
  }
}
