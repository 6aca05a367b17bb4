package org.fairshare;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.fairshare.spark.Sessions;

/**
 * One SparkSession for the whole test JVM: local[2], two shuffle partitions, UI off, loopback only.
 * spark-testing-base is pinned to Spark 3.3 and JUnit 4, so this small base replaces it.
 */
public abstract class SparkTestBase {
  protected static final SparkSession spark = SharedSession.INSTANCE;

  private static final class SharedSession {
    static final SparkSession INSTANCE =
        Sessions.getOrCreate(
            "fairshare-tests",
            "local[2]",
            2,
            Map.of(
                // Small Delta operations are several times faster with these (see STACK.md).
                "spark.databricks.delta.snapshotPartitions", "2",
                "spark.sql.codegen.wholeStage", "false",
                "spark.sql.adaptive.enabled", "false",
                "spark.default.parallelism", "2"));
  }

  /** Returns a DataFrame of the given rows and schema. */
  protected static Dataset<Row> rows(StructType schema, Object[]... values) {
    List<Row> rows = Arrays.stream(values).map(RowFactory::create).toList();
    return spark.createDataFrame(rows, schema);
  }
}
