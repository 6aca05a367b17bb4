package org.fairshare.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.DataQuality;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.PlaceAllocationsTable;
import org.fairshare.schema.RunLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseCreateAllTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void createAllMakesEveryTableWithItsColumnsAndConstraintsAndChangesNothingTheSecondTime() {
    Warehouse wh = new Warehouse(spark, dir);
    List<OutputTable> tables =
        List.of(DataQuality.TABLE, PlaceAllocationsTable.TABLE, RunLog.TABLE);
    assertThat(PlaceAllocationsTable.TABLE.checks()).isNotEmpty();

    wh.createAll(tables);

    assertThat(wh.tableNames())
        .containsExactlyInAnyOrderElementsOf(tables.stream().map(OutputTable::name).toList());
    for (OutputTable table : tables) {
      assertThat(delta(wh, table).toDF().schema().fieldNames())
          .as(table.name())
          .containsExactly(table.schema().fieldNames());
      Map<String, String> properties = properties(wh, table);
      table
          .checks()
          .keySet()
          .forEach(
              name ->
                  assertThat(properties)
                      .as(table.name())
                      .containsKey("delta.constraints." + name.toLowerCase()));
    }
    // Constraints come with the creating commit, not one ALTER TABLE commit each after it.
    assertThat(latestVersion(wh, PlaceAllocationsTable.TABLE)).isZero();
    assertThat(latestVersion(wh, DataQuality.TABLE)).isZero();
    wh.createAll(tables);
    assertThat(latestVersion(wh, PlaceAllocationsTable.TABLE)).isZero();
  }

  @Test
  void aColumnMadeOptionalSinceATableWasCreatedTakesNullsAfterTheNextCreateAll() {
    Warehouse wh = new Warehouse(spark, dir);
    StructType before =
        new StructType()
            .add("practice_code", DataTypes.StringType, false)
            .add("weighted_population", DataTypes.DoubleType, false);
    StructType after =
        new StructType(
            new StructField[] {
              before.fields()[0],
              new StructField("weighted_population", DataTypes.DoubleType, true, Metadata.empty())
            });
    wh.createAll(List.of(OutputTable.sliced("weights", "weights", before, Map.of())));
    OutputTable relaxed = OutputTable.sliced("weights", "weights", after, Map.of());

    wh.createAll(List.of(relaxed));

    Row blank = RowFactory.create("A81001", null);
    long written =
        wh.replaceSlice(
            relaxed, spark.createDataFrame(List.of(blank), after), "2025-26", "baseline", "{}");
    assertThat(written).isEqualTo(1);
    assertThat(wh.read("weights").first().isNullAt(3)).isTrue();
  }

  @Test
  void aColumnAddedSinceATableWasCreatedIsAddedByTheNextCreateAllAndOldRowsReadNull() {
    Warehouse wh = new Warehouse(spark, dir);
    StructType before =
        new StructType()
            .add("place_code", DataTypes.StringType, false)
            .add("survives", DataTypes.BooleanType);
    // The new column sits between two old ones; the table appends it.
    StructType after =
        new StructType()
            .add("place_code", DataTypes.StringType, false)
            .add("q_value", DataTypes.DoubleType, true)
            .add("survives", DataTypes.BooleanType);
    OutputTable old = OutputTable.sliced("checks", "checks", before, Map.of());
    wh.createAll(List.of(old));
    wh.replaceSlice(
        old,
        spark.createDataFrame(List.of(RowFactory.create("P1", false)), before),
        "2024-25",
        "baseline",
        "{}");
    OutputTable grown = OutputTable.sliced("checks", "checks", after, Map.of());

    wh.createAll(List.of(grown));

    long written =
        wh.replaceSlice(
            grown,
            spark.createDataFrame(List.of(RowFactory.create("P2", 0.01, true)), after),
            "2025-26",
            "baseline",
            "{}");
    assertThat(written).isEqualTo(1);
    assertThat(wh.read("checks").schema().fieldNames())
        .containsExactly("financial_year", "scenario", "place_code", "survives", "q_value");
    Row oldRow = wh.read("checks").where("financial_year = '2024-25'").first();
    assertThat(oldRow.isNullAt(4)).isTrue();
    assertThat(oldRow.getBoolean(3)).isFalse();
    Row newRow = wh.read("checks").where("financial_year = '2025-26'").first();
    assertThat(newRow.getDouble(4)).isEqualTo(0.01);
    assertThat(newRow.getBoolean(3)).isTrue();
  }

  @Test
  void constraintsSetAtCreationRefuseARowThatBreaksThem() {
    Warehouse wh = new Warehouse(spark, dir);
    wh.createAll(List.of(DataQuality.TABLE));
    Row moreFailedThanChecked =
        RowFactory.create(
            "2025-26",
            "baseline",
            "activity",
            "not_null_events",
            "ERROR",
            "events is given",
            10L,
            11L,
            1.1,
            0.0,
            DataQuality.FAILED,
            List.of());
    var rows = spark.createDataFrame(List.of(moreFailedThanChecked), DataQuality.TABLE.schema());
    String path = wh.pathOf(DataQuality.TABLE.name()).toString();

    assertThatThrownBy(() -> rows.write().format("delta").mode("append").save(path))
        .hasStackTraceContaining("failed_within_checked");
    assertThat(latestVersion(wh, DataQuality.TABLE)).isZero();
  }

  private static DeltaTable delta(Warehouse wh, OutputTable table) {
    return DeltaTable.forPath(spark, wh.pathOf(table.name()).toString());
  }

  private static Map<String, String> properties(Warehouse wh, OutputTable table) {
    Row detail = delta(wh, table).detail().first();
    return detail.getJavaMap(detail.fieldIndex("properties"));
  }

  private static long latestVersion(Warehouse wh, OutputTable table) {
    return delta(wh, table).history(1).first().<Long>getAs("version");
  }
}
