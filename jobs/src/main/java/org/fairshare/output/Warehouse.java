package org.fairshare.output;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FSError;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fairshare.schema.Columns;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.Staging;
import org.fairshare.spark.DriverThreads;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The folder of Delta output tables, one sub-folder per table. Creates tables from their
 * definitions, replaces a run's slice atomically, and finds tables by name for SQL.
 */
public final class Warehouse {
  /** Tables created at once: enough to overlap the commits' waits, few enough for 2 cores. */
  private static final int CREATE_THREADS = 8;

  // Enough to find a write's own commit past those concurrent runs made to other slices meanwhile.
  private static final int HISTORY_AFTER_A_WRITE = 50;

  private final SparkSession spark;
  private final Path root;

  public Warehouse(SparkSession spark, Path root) {
    this.spark = spark;
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** Returns the folder of a table; throws when the name is not a plain table name. */
  public Path pathOf(String table) {
    // A name like "../x" would reach outside the warehouse.
    if (!table.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException(
          "'" + table + "' is not a table name (letters, digits and _ only)");
    }
    return root.resolve(table);
  }

  /**
   * Returns true when the failure is Delta's report that another writer committed to the same table
   * first (the ConcurrentModificationException family), anywhere in the cause chain.
   */
  public static boolean isConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.util.ConcurrentModificationException) {
        return true;
      }
    }
    // Another process is creating the same table (its files are there, its first commit not yet)
    // or adding the same constraints: the retry finds the table made.
    return mentions(
        e, "DELTA_CREATE_TABLE_WITH_NON_EMPTY_LOCATION", "DELTA_CONSTRAINT_ALREADY_EXISTS");
  }

  /** Returns true when a message anywhere in the cause chain names one of these error classes. */
  private static boolean mentions(Throwable e, String... errorClasses) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      for (String errorClass : errorClasses) {
        if (message.contains(errorClass)) {
          return true;
        }
      }
    }
    return false;
  }

  public boolean exists(String table) {
    return Files.isDirectory(pathOf(table).resolve("_delta_log"));
  }

  /**
   * Creates every table that does not exist, several at a time: each creation is a few small Delta
   * commits that wait mostly on the driver, so a fresh warehouse of ~35 tables made one by one cost
   * over a minute before a run could start.
   */
  public void createAll(List<OutputTable> tables) {
    List<Callable<Void>> creations = new ArrayList<>();
    for (OutputTable table : tables) {
      creations.add(
          () -> {
            create(table);
            return null;
          });
    }
    DriverThreads.runAll("fairshare-create-table", CREATE_THREADS, creations)
        .forEach(DriverThreads::result);
  }

  /**
   * Creates the table if it does not exist: columns with comments, partitions, constraints. Two
   * runs starting on a fresh warehouse race to create the same tables; the loser retries, and then
   * finds the table made.
   */
  public void create(OutputTable table) {
    for (int attempt = 1; ; attempt++) {
      try {
        createOnce(table);
        return;
      } catch (Exception e) { // Delta's AnalysisException is checked in Java's eyes
        if (!(isConflict(e) || isHalfCreated(e)) || attempt >= CONFLICT_RETRIES) {
          throw e;
        }
        pauseBeforeRetry(attempt);
      }
    }
  }

  private static final int CONFLICT_RETRIES = 5;

  /** How many leading columns Delta keeps per-file statistics on (its default: 32). */
  static final String STATS_COLUMNS_PROPERTY = "delta.dataSkippingNumIndexedCols";

  /**
   * Returns true when Delta found no table where another run has begun creating one: its log folder
   * is there, its first commit not yet. Only while creating is this a race, not an error.
   */
  private static boolean isHalfCreated(Throwable e) {
    return mentions(e, "DELTA_TABLE_NOT_FOUND");
  }

  private static void pauseBeforeRetry(int attempt) {
    try {
      Thread.sleep(500L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry a table creation", e);
    }
  }

  private void createOnce(OutputTable table) {
    String path = pathOf(table.name()).toString();
    boolean existed = exists(table.name());
    DeltaTableBuilder builder =
        DeltaTable.createIfNotExists(spark)
            .location(path)
            .addColumns(table.schema())
            .comment(table.description())
            // Readers of a changing slice see whole commits.
            .property("delta.appendOnly", "false");
    if (Staging.isStaging(table)) {
      // Validation hash-partitions a staging slice's rows by their key, so each of its files spans
      // almost every key: per-file minimums and maximums would prune nothing, and collecting them
      // took a sixth of the time of activity's write (43 million rows). Files still record their
      // row counts.
      builder = builder.property(STATS_COLUMNS_PROPERTY, "0");
    }
    if (!table.partitionColumns().isEmpty()) {
      builder = builder.partitionedBy(table.partitionColumns().toArray(String[]::new));
    }
    // Delta keeps CHECK constraints as table properties and enforces them however they were set.
    // In the creating commit they cost nothing more; each ALTER TABLE ADD CONSTRAINT after it is a
    // commit of its own, and rebuilding the table's snapshot to make it took a Spark job.
    for (var check : table.checks().entrySet()) {
      builder = builder.property(constraintProperty(check.getKey()), check.getValue());
    }
    DeltaTableBuilder creation = builder;
    onDisk(pathOf(table.name()), creation::execute);
    if (existed) {
      upgrade(table, DeltaLog.forTable(spark, path).unsafeVolatileSnapshot());
    }
  }

  /**
   * Brings a table an earlier version made up to this one's definition, from the snapshot its
   * creation just read (no further read of the log): columns added since (appended; writes match
   * columns by name), constraints added since, and columns made optional since (Delta would refuse
   * their nulls).
   */
  private void upgrade(OutputTable table, Snapshot snapshot) {
    String path = pathOf(table.name()).toString();
    Map<String, String> existing = CollectionConverters.asJava(snapshot.metadata().configuration());
    table
        .checks()
        .forEach(
            (name, expr) -> {
              if (!existing.containsKey(constraintProperty(name))) {
                spark.sql(
                    "ALTER TABLE delta.`"
                        + path
                        + "` ADD CONSTRAINT "
                        + name
                        + " CHECK ("
                        + expr
                        + ")");
              }
            });
    StructType current = snapshot.schema();
    // Columns added since the table was made: earlier slices read them as null.
    List<String> added = new ArrayList<>();
    for (StructField f : table.schema().fields()) {
      if (current.getFieldIndex(f.name()).isEmpty()) {
        added.add("`" + f.name() + "` " + f.dataType().sql());
      }
    }
    if (!added.isEmpty()) {
      spark.sql("ALTER TABLE delta.`" + path + "` ADD COLUMNS (" + String.join(", ", added) + ")");
    }
    for (StructField f : table.schema().fields()) {
      if (f.nullable()
          && current.getFieldIndex(f.name()).isDefined()
          && !current.apply(f.name()).nullable()) {
        spark.sql("ALTER TABLE delta.`" + path + "` ALTER COLUMN `" + f.name() + "` DROP NOT NULL");
      }
    }
  }

  /** Returns the table property under which Delta keeps the CHECK constraint of this name. */
  private static String constraintProperty(String name) {
    return "delta.constraints." + name.toLowerCase(Locale.ROOT);
  }

  /**
   * Replaces the slice (financial year, scenario) of a table with these rows in one commit whose
   * user metadata carries {@code commitInfo}; returns the rows written. Replacing an empty slice
   * with no rows commits nothing (Delta skips empty commits), and returns 0.
   */
  public long replaceSlice(
      OutputTable table,
      Dataset<Row> rows,
      String financialYear,
      String scenario,
      String commitInfo) {
    Dataset<Row> shaped = conform(table, rows, financialYear, scenario);
    String path = pathOf(table.name()).toString();
    CommitLog commits = new CommitLog(spark.sessionState().newHadoopConf(), path);
    long before = commits.latestVersion();
    onDisk(
        pathOf(table.name()),
        () ->
            shaped
                .write()
                .format("delta")
                .mode("overwrite")
                .option("replaceWhere", sliceCondition(financialYear, scenario))
                .option("userMetadata", commitInfo)
                .save(path));
    // Looked up by its metadata, not as the latest commit: a concurrent run may have committed
    // to another slice since, and an empty write leaves the previous run's commit the latest.
    return commits.rowsWrittenAfter(before, commitInfo, HISTORY_AFTER_A_WRITE).orElse(0L);
  }

  /**
   * Runs a write to a table's folder; a full disk fails it with a {@link DiskFullException} naming
   * the folder. Hadoop reports a full local disk as an {@link FSError}, an Error, which would pass
   * by every handler of exceptions up to the JVM's and end the command with a stack trace.
   */
  public static void onDisk(Path folder, Runnable write) {
    try {
      write.run();
    } catch (Exception | FSError e) { // Spark's SparkException is checked, thrown undeclared
      if (DiskFullException.isDiskFull(e)) {
        throw new DiskFullException(folder, e);
      }
      throw e;
    }
  }

  /**
   * Returns the rows as a read of the slice (financial year, scenario) would give them once
   * written: exactly the table's columns, in its order and types, the slice columns filled in.
   */
  public static Dataset<Row> conformTo(
      OutputTable table, Dataset<Row> rows, String financialYear, String scenario) {
    return conform(table, rows, financialYear, scenario);
  }

  /**
   * Returns the rows hash-partitioned by their whole content and sorted within each partition, so
   * that every run hands the same rows, in the same order, to the same task. Delta names part files
   * by random UUIDs, so the order a table's files are listed and packed into tasks differs from run
   * to run, and double sums downstream would differ in their last bits.
   */
  public static Dataset<Row> inStableOrder(Dataset<Row> rows, int partitions) {
    Column[] orderable =
        java.util.Arrays.stream(rows.schema().fields())
            .filter(
                f ->
                    !(f.dataType() instanceof MapType
                        || f.dataType() instanceof ArrayType
                        || f.dataType() instanceof StructType))
            .map(f -> functions.col(f.name()))
            .toArray(Column[]::new);
    if (orderable.length == 0) {
      return rows;
    }
    return rows.repartition(partitions, orderable).sortWithinPartitions(orderable);
  }

  /** Returns the SQL condition selecting one run's slice. */
  public static String sliceCondition(String financialYear, String scenario) {
    return Columns.FINANCIAL_YEAR
        + " = '"
        + financialYear.replace("'", "''")
        + "' AND "
        + Columns.SCENARIO
        + " = '"
        + scenario.replace("'", "''")
        + "'";
  }

  /** Returns the current rows of a table. */
  public Dataset<Row> read(String table) {
    return spark.read().format("delta").load(pathOf(table).toString());
  }

  /** Returns the names of every Delta table in the warehouse, sorted. */
  public List<String> tableNames() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      List<String> names = new ArrayList<>();
      dirs.filter(d -> Files.isDirectory(d.resolve("_delta_log")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .forEach(names::add);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Registers these tables as temporary views of their names, so SQL can say {@code from x}. Each
   * opens the table's Delta log: only the tables a query names, not all ~40, need it.
   */
  public void registerViews(Collection<String> tables) {
    for (String name : tables) {
      read(name).createOrReplaceTempView(name);
    }
  }

  private static Dataset<Row> conform(
      OutputTable table, Dataset<Row> rows, String financialYear, String scenario) {
    List<String> present = List.of(rows.columns());
    List<Column> cols = new ArrayList<>();
    for (StructField f : table.schema().fields()) {
      Column c;
      if (present.contains(f.name())) {
        c = functions.col(f.name());
      } else if (f.name().equals(Columns.FINANCIAL_YEAR)) {
        c = functions.lit(financialYear);
      } else if (f.name().equals(Columns.SCENARIO)) {
        c = functions.lit(scenario);
      } else if (f.nullable()) {
        c = functions.lit(null);
      } else {
        throw new IllegalArgumentException(
            "rows for table "
                + table.name()
                + " lack required column "
                + f.name()
                + "; they have "
                + present);
      }
      cols.add(c.cast(f.dataType()).as(f.name()));
    }
    return rows.select(cols.toArray(Column[]::new));
  }
}
