package org.fairshare.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.columnar.InMemoryRelation;
import org.apache.spark.storage.StorageLevel;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

class KeptFramesTest extends SparkTestBase {

  @Test
  void keptFramesAreReadFromTheirCachesAloneAndFreedTogether() {
    Dataset<Row> sums = spark.range(10).selectExpr("id % 3 as k", "id as v").groupBy("k").sum("v");
    Dataset<Row> positive;
    try (KeptFrames kept = new KeptFrames(spark)) {
      Dataset<Row> sumsKept = kept.keep(sums);
      assertThat(sums.storageLevel()).isEqualTo(StorageLevel.MEMORY_AND_DISK());
      assertThat(leaves(sumsKept)).singleElement().isInstanceOf(InMemoryRelation.class);
      assertThat(sumsKept.orderBy("k").collectAsList())
          .extracting(r -> r.getLong(1))
          .containsExactly(18L, 12L, 15L);

      positive = sumsKept.filter("k > 0");
      Dataset<Row> positiveKept = kept.keep(positive);
      assertThat(leaves(positiveKept)).singleElement().isInstanceOf(InMemoryRelation.class);
      assertThat(positiveKept.count()).isEqualTo(2);
    }
    assertThat(sums.storageLevel()).isEqualTo(StorageLevel.NONE());
    assertThat(positive.storageLevel()).isEqualTo(StorageLevel.NONE());
  }

  @Test
  void aFailedStageStillFreesWhatItKept() {
    Dataset<Row> rows = spark.range(5).toDF();
    assertThatThrownBy(
            () -> {
              try (KeptFrames kept = new KeptFrames(spark)) {
                assertThat(kept.keep(rows).count()).isEqualTo(5);
                throw new IllegalStateException("write failed");
              }
            })
        .hasMessage("write failed");
    assertThat(rows.storageLevel()).isEqualTo(StorageLevel.NONE());
  }

  private static List<LogicalPlan> leaves(Dataset<Row> rows) {
    return CollectionConverters.asJava(rows.queryExecution().analyzed().collectLeaves());
  }
}
