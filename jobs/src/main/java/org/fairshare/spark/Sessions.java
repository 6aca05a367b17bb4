package org.fairshare.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Creates the SparkSession fairshare runs in: Delta enabled, loopback only, quiet. */
public final class Sessions {
  private Sessions() {}

  /**
   * Returns the active session, or creates one. A master already set (by spark-submit or a
   * notebook) wins over {@code master}.
   *
   * @param settings extra Spark settings, applied last
   */
  public static SparkSession getOrCreate(
      String appName, String master, int shufflePartitions, Map<String, String> settings) {
    SparkConf conf = new SparkConf(true);
    if (!conf.contains("spark.master")) {
      conf.setMaster(master);
      // Local runs must never bind to another interface of the machine.
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    conf.setAppName(appName);
    conf.set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    conf.set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    conf.set("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions));
    // Off unless asked for: reruns must give bit-identical tables, and adaptive execution
    // re-plans joins as their inputs' stages finish, so the order rows reach a double sum (and
    // the sum's last bits) would depend on which stage finished first. Shuffle partitions are
    // sized from the input instead (Pipeline).
    conf.setIfMissing("spark.sql.adaptive.enabled", "false");
    conf.setIfMissing("spark.sql.session.timeZone", "UTC");
    // Every replaceWhere write rebuilds the table's snapshot state with Spark jobs (Delta reads
    // its file count for the delete's metrics) from a checkpoint and at most ten commits since:
    // one task does that faster than several (60 areas: 138 s a run with 4, 131 and 134 s with 1).
    conf.setIfMissing("spark.databricks.delta.snapshotPartitions", "1");
    // Every write goes to one (financial year, scenario) partition. Without concurrent writers
    // Spark sorts each task's rows by the partition columns before writing, though they hold one
    // value (WarehouseWriteTest: 71 MB of sort memory per task). With them it writes in arrival
    // order, one open file per partition (and sorts only past this many).
    conf.setIfMissing("spark.sql.maxConcurrentOutputFileWriters", "4");
    // HotSpot does not compile a method of more than 8,000 bytes; it runs it in its interpreter.
    // Spark's own limit is 64 KB, so a stage whose generated code falls between the two runs
    // interpreted: ingest's read and check of England's activity took 84 s so, 27 s at this limit,
    // past which Spark compiles each operator of the stage on its own, in methods HotSpot compiles.
    conf.setIfMissing("spark.sql.codegen.hugeMethodLimit", "8000");
    settings.forEach(conf::set);
    return SparkSession.builder().config(conf).getOrCreate();
  }

  /** Returns shuffle partitions sized to the input: about one per 64 MiB, at least 2 per core. */
  public static int partitionsFor(long inputBytes, int cores) {
    long bySize = inputBytes / (64L << 20);
    return (int) Math.max(2L * cores, Math.min(400L, bySize));
  }
}
