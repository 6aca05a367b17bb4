package org.fairshare;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaSmokeTest extends SparkTestBase {
  @Test
  void writesAndReadsADeltaTable(@TempDir Path dir) {
    String path = dir.resolve("t").toString();
    spark.range(5).write().format("delta").save(path);
    assertThat(DeltaTable.forPath(spark, path).toDF().count()).isEqualTo(5);
  }
}
