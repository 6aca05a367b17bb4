package org.fairshare.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The frames a stage reads more than once: cached, read through their caches alone ({@link
 * CachedLeaf}), and freed together when the stage closes this, whether it succeeded or not. The
 * persisted frame and the frame over its cache are two handles on the same rows, and only the first
 * can free them (the cache manager finds a cache by the plan that made it), so this holds the first
 * and hands out the second.
 */
public final class KeptFrames implements AutoCloseable {
  private final SparkSession spark;
  private final Deque<Dataset<Row>> persisted = new ArrayDeque<>();

  public KeptFrames(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * Caches the rows (in memory, spilling to disk) when a query first reads them, and returns a
   * frame over the cache with no plan above it.
   */
  public Dataset<Row> keep(Dataset<Row> rows) {
    persisted.push(rows.persist(StorageLevel.MEMORY_AND_DISK()));
    return CachedLeaf.of(spark, persisted.peek());
  }

  /** Frees every kept frame, the last kept first. */
  @Override
  public void close() {
    while (!persisted.isEmpty()) {
      persisted.pop().unpersist();
    }
  }
}
