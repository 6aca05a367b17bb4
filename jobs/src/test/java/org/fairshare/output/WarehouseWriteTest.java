package org.fairshare.output;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.rand;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.Spend;
import org.fairshare.schema.Staging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseWriteTest extends SparkTestBase {
  @TempDir Path dir;

  /**
   * A slice is one value of each partition column, so sorting a task's rows by them before writing
   * is pure cost: Spark's writer does that unless concurrent writers are on. A sort shows as
   * execution memory in the writing tasks; writing in arrival order uses none.
   */
  @Test
  void writingASliceDoesNotSortItsRowsByThePartitionColumns() throws Exception {
    OutputTable table =
        OutputTable.sliced(
            "write_probe",
            "rows written to one slice",
            new StructType()
                .add("k", DataTypes.LongType, false)
                .add("v", DataTypes.DoubleType, false),
            Map.of());
    Warehouse wh = new Warehouse(spark, dir);
    wh.create(table);
    Dataset<Row> rows = spark.range(0, 200_000, 1, 2).select(col("id").as("k"), rand(7).as("v"));

    AtomicLong peak = new AtomicLong();
    AtomicLong tasks = new AtomicLong();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskMetrics() != null
                && end.taskMetrics().outputMetrics().recordsWritten() > 0) {
              tasks.incrementAndGet();
              peak.accumulateAndGet(end.taskMetrics().peakExecutionMemory(), Math::max);
            }
          }
        };
    spark.sparkContext().addSparkListener(listener);
    long written;
    try {
      written = wh.replaceSlice(table, rows, "2025-26", "base", "{\"probe\":true}");
      spark.sparkContext().listenerBus().waitUntilEmpty(60_000L);
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }

    assertThat(written).isEqualTo(200_000L);
    assertThat(tasks.get()).isPositive();
    assertThat(peak.get()).as("peak execution memory of the writing tasks").isZero();
  }

  @Test
  void aStagingSliceRecordsRowCountsButNoColumnStatisticsWhereOtherTablesRecordBoth() {
    OutputTable staging = Staging.table(Spend.CONTRACT);
    OutputTable output =
        OutputTable.sliced(
            "stats_probe",
            "an output table",
            new StructType().add("k", DataTypes.LongType, false),
            Map.of());
    Warehouse wh = new Warehouse(spark, dir);
    wh.createAll(List.of(staging, output));

    wh.replaceSlice(
        staging,
        spark.sql(
            "select 'ICB1' as organisation_code, 'emergency_admissions' as service, 2024 as year,"
                + " 10 as spend_gbp"),
        "2025-26",
        "base",
        "{}");
    wh.replaceSlice(output, spark.range(0, 3, 1, 1).toDF("k"), "2025-26", "base", "{}");

    assertThat(fileStats(wh, staging))
        .containsEntry("numRecords", 1)
        .doesNotContainKeys("minValues", "maxValues");
    assertThat(fileStats(wh, output)).containsKeys("numRecords", "minValues", "maxValues");
  }

  @Test
  void aWriteCountsItsOwnCommitsRowsNotAnEarlierCommitsOfTheSameRunOrAnotherSlices() {
    OutputTable table =
        OutputTable.sliced(
            "count_probe",
            "rows written per commit",
            new StructType().add("k", DataTypes.LongType, false),
            Map.of());
    Warehouse wh = new Warehouse(spark, dir);
    wh.create(table);
    String run = "{\"run_id\":\"r1\"}";

    assertThat(wh.replaceSlice(table, spark.range(0, 5).toDF("k"), "2025-26", "base", run))
        .isEqualTo(5L);
    assertThat(wh.replaceSlice(table, spark.range(0, 7).toDF("k"), "2025-26", "other", "{}"))
        .isEqualTo(7L);
    // The same metadata again: its rows replace the five, and the count is of this commit.
    assertThat(wh.replaceSlice(table, spark.range(0, 3).toDF("k"), "2025-26", "base", run))
        .isEqualTo(3L);
    // An empty slice replaced by no rows commits nothing: the earlier commit is not counted.
    assertThat(
            wh.replaceSlice(
                table, spark.range(0, 0).toDF("k"), "2026-27", "base", "{\"run_id\":\"r2\"}"))
        .isZero();
    assertThat(wh.replaceSlice(table, spark.range(0, 0).toDF("k"), "2024-25", "base", run))
        .isZero();
  }

  /** Returns the statistics Delta logged for the table's one data file. */
  private static Map<String, Object> fileStats(Warehouse wh, OutputTable table) {
    List<Row> adds =
        spark
            .read()
            .json(wh.pathOf(table.name()).resolve("_delta_log").toString() + "/*.json")
            .where("add is not null")
            .select("add.stats")
            .collectAsList();
    assertThat(adds).as(table.name() + "'s data files").hasSize(1);
    try {
      return new ObjectMapper().readValue(adds.get(0).getString(0), new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
