package org.fairshare.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.CachedData;
import scala.Option;

/**
 * A cached frame whose plan is its cache alone. A frame cached with {@code persist()} keeps the
 * whole plan that made it: every query built on it analyses and canonicalises that plan again
 * before the cache stands in for it. For rows kept through a run, made by a large plan (ingest's
 * validation: a regular expression and a failure message per check), that work is repeated by every
 * later query and held by every plan that refers to it. Spark has no public way to start a plan at
 * a cache, so this uses the classic (non-Connect) session's cache manager; checkpoints, the public
 * way to cut a plan, store whole rows uncompressed (about 140 bytes a row of activity), not Spark's
 * compressed columnar cache.
 */
public final class CachedLeaf {
  private CachedLeaf() {}

  /**
   * Returns a frame over the cache of {@code cached} (already persisted, and filled, or to be
   * filled by the first query that reads it), with no plan above the cache. Unpersisting {@code
   * cached} frees the rows of both.
   */
  public static Dataset<Row> of(SparkSession spark, Dataset<Row> cached) {
    org.apache.spark.sql.classic.SparkSession session =
        (org.apache.spark.sql.classic.SparkSession) spark;
    Option<CachedData> data =
        session
            .sharedState()
            .cacheManager()
            .lookupCachedData((org.apache.spark.sql.classic.Dataset<?>) cached);
    if (data.isEmpty()) {
      throw new IllegalArgumentException("the frame is not cached: persist it first");
    }
    return org.apache.spark.sql.classic.Dataset.ofRows(session, data.get().cachedRepresentation());
  }
}
