package org.fairshare.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SharedRun;
import org.fairshare.SparkTestBase;
import org.fairshare.cli.ExitCodes;
import org.fairshare.cli.Main;
import org.fairshare.output.RunLogWriter;
import org.fairshare.output.Warehouse;
import org.fairshare.schema.InequalityIndicators;
import org.fairshare.schema.Money;
import org.fairshare.schema.PlaceAllocationsTable;
import org.fairshare.schema.RunLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("pipeline")
class RunDiffTest extends SparkTestBase {
  private static final StructType ALLOCATIONS =
      new StructType()
          .add(PlaceAllocationsTable.ICB_CODE, DataTypes.StringType)
          .add(PlaceAllocationsTable.PLACE_CODE, DataTypes.StringType)
          .add(PlaceAllocationsTable.STREAM, DataTypes.StringType)
          .add(PlaceAllocationsTable.PATH_YEAR, DataTypes.IntegerType)
          .add(PlaceAllocationsTable.ALLOCATION_GBP, Money.TYPE);

  private static Object[] allocation(String place, int year, String gbp) {
    return new Object[] {"I1", place, "core", year, new BigDecimal(gbp)};
  }

  @Test
  void allocationChangesAreInPoundsAndPercentOfTheEarlierRun() {
    Dataset<Row> from =
        rows(ALLOCATIONS, allocation("P1", 1, "1000.00"), allocation("P2", 1, "500.00"));
    Dataset<Row> to =
        rows(ALLOCATIONS, allocation("P1", 1, "1100.50"), allocation("P2", 1, "500.00"));

    Map<String, Row> byPlace = byPlace(RunDiff.allocationChanges(from, to));

    assertThat(byPlace.get("P1").<BigDecimal>getAs(RunDiff.CHANGE_GBP))
        .isEqualByComparingTo("100.50");
    assertThat(byPlace.get("P1").<Double>getAs(RunDiff.CHANGE_PCT)).isEqualTo(10.05);
    assertThat(byPlace.get("P2").<BigDecimal>getAs(RunDiff.CHANGE_GBP)).isEqualByComparingTo("0");
  }

  @Test
  void percentChangesAreRoundedToTwoDecimalPlaces() {
    Dataset<Row> from =
        rows(ALLOCATIONS, allocation("P1", 1, "300.00"), allocation("P2", 1, "300.00"));
    Dataset<Row> to =
        rows(ALLOCATIONS, allocation("P1", 1, "301.00"), allocation("P2", 1, "200.00"));

    Map<String, Row> byPlace = byPlace(RunDiff.allocationChanges(from, to));

    assertThat(byPlace.get("P1").<Double>getAs(RunDiff.CHANGE_PCT)).isEqualTo(0.33);
    assertThat(byPlace.get("P2").<Double>getAs(RunDiff.CHANGE_PCT)).isEqualTo(-33.33);
  }

  @Test
  void aPlaceInOneRunOnlyCountsAsZeroInTheOtherAndLaterPathYearsAreIgnored() {
    Dataset<Row> from = rows(ALLOCATIONS, allocation("P1", 1, "1000.00"));
    Dataset<Row> to =
        rows(ALLOCATIONS, allocation("P1", 2, "9999.00"), allocation("P3", 1, "250.00"));

    Map<String, Row> byPlace = byPlace(RunDiff.allocationChanges(from, to));

    assertThat(byPlace.get("P1").<BigDecimal>getAs(RunDiff.CHANGE_GBP))
        .isEqualByComparingTo("-1000.00");
    assertThat(byPlace.get("P3").<BigDecimal>getAs(RunDiff.CHANGE_GBP))
        .isEqualByComparingTo("250.00");
    assertThat((Object) byPlace.get("P3").getAs(RunDiff.CHANGE_PCT)).isNull();
  }

  private static Object[] indicator(String code, Double value, Double lower, Double upper) {
    return new Object[] {
      "place",
      code,
      "deaths_dsr",
      "all",
      "all",
      50.0,
      1000.0,
      value,
      lower,
      upper,
      "Dobson",
      0.95,
      value == null
    };
  }

  @Test
  void onlyIndicatorsThatLeaveTheEarlierConfidenceIntervalAreReported() {
    Dataset<Row> from =
        rows(
            InequalityIndicators.COLUMNS,
            indicator("P1", 50.0, 40.0, 60.0),
            indicator("P2", 50.0, 40.0, 60.0),
            indicator("P3", 50.0, 40.0, 60.0));
    Dataset<Row> to =
        rows(
            InequalityIndicators.COLUMNS,
            indicator("P1", 59.0, 49.0, 69.0),
            indicator("P2", 75.0, 65.0, 85.0),
            indicator("P3", null, null, null));

    List<Row> moves = RunDiff.indicatorMoves(from, to).collectAsList();

    assertThat(moves).hasSize(1);
    assertThat(moves.get(0).<String>getAs(InequalityIndicators.GEOGRAPHY_CODE)).isEqualTo("P2");
    assertThat(moves.get(0).<Double>getAs(RunDiff.CHANGE)).isEqualTo(25.0);
    assertThat(moves.get(0).<Boolean>getAs(RunDiff.IS_OUTSIDE_BOTH_CIS)).isTrue();
  }

  @Test
  void diffReadsEachRunAsItWroteItEvenAfterALaterRunReplacedTheSlice(@TempDir Path tmp)
      throws Exception {
    Path warehouse = SharedRun.get().copyWarehouse(tmp.resolve("warehouse"));
    Warehouse wh = new Warehouse(spark, warehouse);
    RunSlices slices = new RunSlices(spark, wh);
    RunSlices.Run first = slices.latestSucceeded();
    String second = "20991231T000000Z-test01";
    String info =
        "{\"run_id\":\""
            + second
            + "\",\"config_hash\":\"x\",\"financial_year\":\""
            + first.financialYear()
            + "\",\"scenario\":\""
            + first.scenario()
            + "\"}";
    Dataset<Row> allocations = slices.slice(PlaceAllocationsTable.TABLE.name(), first).cache();
    String place =
        allocations.orderBy(PlaceAllocationsTable.PLACE_CODE).first().getAs("place_code");
    Column plus = col(PlaceAllocationsTable.ALLOCATION_GBP).plus(lit(1000));
    wh.replaceSlice(
        PlaceAllocationsTable.TABLE,
        allocations.withColumn(
            PlaceAllocationsTable.ALLOCATION_GBP,
            when(col(PlaceAllocationsTable.PLACE_CODE).equalTo(place), plus)
                .otherwise(col(PlaceAllocationsTable.ALLOCATION_GBP))),
        first.financialYear(),
        first.scenario(),
        info);
    wh.replaceSlice(
        InequalityIndicators.TABLE,
        slices.slice(InequalityIndicators.NAME, first),
        first.financialYear(),
        first.scenario(),
        info);
    RunLogWriter log = new RunLogWriter(spark, wh);
    log.start(
        second, first.financialYear(), first.scenario(), Instant.now(), "x", "", "test", List.of());
    log.finish(second, RunLog.SUCCEEDED, Instant.now(), Map.of(), Map.of(), null);

    Path changed = tmp.resolve("changed");
    Path same = tmp.resolve("same");
    long firstVersion = slices.versionWrittenBy(PlaceAllocationsTable.TABLE.name(), first.runId());
    int a =
        Main.execute(
            "diff",
            "--warehouse",
            warehouse.toString(),
            "--from",
            first.runId(),
            "--to",
            second,
            "--out",
            changed.toString());
    int b =
        Main.execute(
            "diff",
            "--warehouse",
            warehouse.toString(),
            "--from",
            "" + firstVersion,
            "--to",
            first.runId(),
            "--out",
            same.toString());

    assertThat(a).isEqualTo(ExitCodes.OK);
    assertThat(b).isEqualTo(ExitCodes.OK);
    List<String> changedRows = nonZeroChanges(changed);
    // The planted GBP 1,000 went to every stream of the place: one change per stream.
    long streams =
        allocations
            .where(col(PlaceAllocationsTable.PLACE_CODE).equalTo(place))
            .select(PlaceAllocationsTable.STREAM)
            .distinct()
            .count();
    assertThat(changedRows).hasSize((int) streams);
    assertThat(changedRows).allSatisfy(r -> assertThat(r).contains(place).contains(",1000.00,"));
    assertThat(nonZeroChanges(same)).isEmpty();
    assertThat(Files.readAllLines(changed.resolve("indicator_changes.csv"))).hasSize(1);
  }

  @Test
  void anUnknownRunIsAUsageError(@TempDir Path tmp) {
    int exit =
        Main.execute(
            "diff",
            "--warehouse",
            SharedRun.get().warehouse().toString(),
            "--from",
            "no-such-run",
            "--to",
            "no-such-run");

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
  }

  private static List<String> nonZeroChanges(Path dir) throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve("allocation_changes.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    int change = header.indexOf(RunDiff.CHANGE_GBP);
    return lines.stream()
        .skip(1)
        .filter(l -> new BigDecimal(l.split(",")[change]).signum() != 0)
        .toList();
  }

  private static Map<String, Row> byPlace(Dataset<Row> changes) {
    Map<String, Row> out = new java.util.HashMap<>();
    changes.collectAsList().forEach(r -> out.put(r.getAs(PlaceAllocationsTable.PLACE_CODE), r));
    return out;
  }
}
