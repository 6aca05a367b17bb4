package org.fairshare.inequality;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fairshare.inequality.PeerData.DETERMINISTIC;
import static org.fairshare.inequality.PeerData.SIMULATION;
import static org.fairshare.inequality.PeerData.assertClose;
import static org.fairshare.inequality.PeerData.d;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * PHEindicatormethods peer cases: SII and RII (31 test groups). Point values rel 1e-8; simulated
 * limits rel 0.05 with 10,000 repetitions, as the README states.
 */
class PeerSlopeIndexTest extends SparkTestBase {

  private static final int REPETITIONS = 10_000;
  private static final long SEED = 20_241_126L;

  private static final StructType CASES =
      new StructType()
          .add("RecordNo", DataTypes.IntegerType)
          .add("TestDescription", DataTypes.StringType)
          .add("Area", DataTypes.StringType)
          .add("Grouping1", DataTypes.StringType)
          .add("Grouping2", DataTypes.StringType)
          .add("Quantile", DataTypes.IntegerType)
          .add("Population", DataTypes.DoubleType)
          .add("Count", DataTypes.DoubleType)
          .add("Value", DataTypes.DoubleType)
          .add("ValueType", DataTypes.IntegerType)
          .add("LowerCL", DataTypes.DoubleType)
          .add("UpperCL", DataTypes.DoubleType)
          .add("StandardError", DataTypes.DoubleType)
          .add("sii", DataTypes.DoubleType)
          .add("rii", DataTypes.DoubleType)
          .add("sii_lowercl_1", DataTypes.DoubleType)
          .add("sii_uppercl_1", DataTypes.DoubleType)
          .add("rii_lowercl_1", DataTypes.DoubleType)
          .add("rii_uppercl_1", DataTypes.DoubleType)
          .add("sii_lowercl_2", DataTypes.DoubleType)
          .add("sii_uppercl_2", DataTypes.DoubleType)
          .add("rii_lowercl_2", DataTypes.DoubleType)
          .add("rii_uppercl_2", DataTypes.DoubleType)
          .add("Intercept", DataTypes.DoubleType);

  private static final StructType GROUPS =
      new StructType()
          .add("test_id", DataTypes.StringType)
          .add("record_from", DataTypes.IntegerType)
          .add("record_to", DataTypes.IntegerType)
          .add("grouped_by", DataTypes.StringType)
          .add("value_type", DataTypes.IntegerType)
          .add("transform", DataTypes.BooleanType)
          .add("multiplier", DataTypes.DoubleType)
          .add("confidence_levels", DataTypes.StringType)
          .add("uncertainty_input", DataTypes.StringType)
          .add("rii", DataTypes.BooleanType)
          .add("intercept", DataTypes.BooleanType)
          .add("expected_columns", DataTypes.StringType)
          .add("expected_outcome", DataTypes.StringType)
          .add("note", DataTypes.StringType);

  /** The part of each validation case's error that names the bad value or the rule. */
  private static final Map<String, String> ERRORS =
      Map.of(
          "SII09", "population must be > 0, got -200",
          "SII10", "standard error must be present and >= 0, got -5",
          "SII11", "count must be > 0 for a proportion computed from counts, got 0",
          "SII12", "upper confidence limit of a proportion must be between 0.0 and 1.0, got 11",
          "SII13", "lower confidence limit of a proportion must be between 0.0 and 1.0, got 8",
          "SII14", "value is missing for every quantile of a group",
          "SII15", "standard error must be present and >= 0");

  @TestFactory
  Stream<DynamicTest> slopeAndRelativeIndexMatchPeerCases() {
    if (PeerData.absent()) {
      return PeerData.skipped();
    }
    Dataset<Row> cases = PeerData.read(spark, "sii_cases.csv", CASES);
    List<Row> groups = PeerData.read(spark, "sii_test_groups.csv", GROUPS).collectAsList();
    assertThat(groups).hasSize(31);
    return groups.stream().map(g -> DynamicTest.dynamicTest(g.getString(0), () -> check(cases, g)));
  }

  private static void check(Dataset<Row> cases, Row group) {
    Dataset<Row> rows =
        cases.filter(
            col("RecordNo")
                .between(group.getInt(group.fieldIndex("record_from")), group.getInt(2)));
    String outcome = group.getAs("expected_outcome");
    Dataset<Row> result = slopeIndex(rows, group);
    switch (outcome) {
      case "error" ->
          assertThatThrownBy(result::collectAsList)
              .hasStackTraceContaining(ERRORS.get(group.<String>getAs("test_id")));
      case "warning_or_drop" -> assertThat(result.collectAsList()).isEmpty();
      case "warning" ->
          assertThat(result.collectAsList())
              .isNotEmpty()
              .allSatisfy(r -> assertThat(d(r, SlopeIndex.SII)).isNotNull());
      default -> compare(rows, result, group);
    }
  }

  private static Dataset<Row> slopeIndex(Dataset<Row> rows, Row group) {
    String uncertainty = group.getAs("uncertainty_input");
    boolean fromCount = uncertainty.startsWith("count");
    boolean useSe = uncertainty.startsWith("se") || fromCount;
    SlopeIndex.Inputs inputs =
        new SlopeIndex.Inputs(
            "Quantile",
            "Population",
            fromCount ? null : "Value",
            fromCount ? "Count" : null,
            useSe ? "StandardError" : null,
            useSe ? null : "LowerCL",
            useSe ? null : "UpperCL");
    List<Double> levels =
        Arrays.stream(group.<String>getAs("confidence_levels").split(";"))
            .map(Double::valueOf)
            .toList();
    SlopeIndex.Options options =
        new SlopeIndex.Options(
            SlopeIndex.ValueType.values()[group.<Integer>getAs("value_type")],
            group.<Boolean>getAs("transform"),
            d(group, "multiplier"),
            levels,
            REPETITIONS,
            SEED);
    return SlopeIndex.slopeIndex(rows, List.of("Area"), inputs, options);
  }

  private static void compare(Dataset<Row> rows, Dataset<Row> result, Row group) {
    List<Double> levels =
        Arrays.stream(group.<String>getAs("confidence_levels").split(";"))
            .map(Double::valueOf)
            .toList();
    Map<String, Row> actual =
        PeerData.byKey(result, r -> r.getString(0) + "|" + d(r, IndicatorColumns.CONFIDENCE));
    List<Row> expected = rows.filter(col("sii").isNotNull()).collectAsList();
    assertThat(expected).isNotEmpty();
    boolean rii = group.getAs("rii");
    boolean intercept = group.getAs("intercept");
    boolean limits = !group.<String>getAs("expected_columns").contains("no CI");
    for (Row e : expected) {
      for (int i = 0; i < levels.size(); i++) {
        Row a = actual.get(e.<String>getAs("Area") + "|" + levels.get(i));
        assertThat(a).as("result for %s at %s", e.getAs("Area"), levels.get(i)).isNotNull();
        String n = "_" + (i + 1);
        assertClose(d(a, SlopeIndex.SII), d(e, "sii"), DETERMINISTIC, "sii");
        if (rii) {
          assertClose(d(a, SlopeIndex.RII), d(e, "rii"), DETERMINISTIC, "rii");
        }
        if (intercept) {
          assertClose(d(a, SlopeIndex.INTERCEPT), d(e, "Intercept"), DETERMINISTIC, "intercept");
        }
        if (limits) {
          assertClose(d(a, SlopeIndex.SII_LOWER), d(e, "sii_lowercl" + n), SIMULATION, "sii lo");
          assertClose(d(a, SlopeIndex.SII_UPPER), d(e, "sii_uppercl" + n), SIMULATION, "sii hi");
          if (rii) {
            assertClose(d(a, SlopeIndex.RII_LOWER), d(e, "rii_lowercl" + n), SIMULATION, "rii lo");
            assertClose(d(a, SlopeIndex.RII_UPPER), d(e, "rii_uppercl" + n), SIMULATION, "rii hi");
          }
        }
      }
    }
  }
}
