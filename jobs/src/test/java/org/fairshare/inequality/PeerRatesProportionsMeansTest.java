package org.fairshare.inequality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fairshare.inequality.PeerData.DETERMINISTIC;
import static org.fairshare.inequality.PeerData.assertClose;
import static org.fairshare.inequality.PeerData.d;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** PHEindicatormethods peer cases: Byar and Wilson limits, crude rates, proportions, means. */
class PeerRatesProportionsMeansTest extends SparkTestBase {

  private static final StructType BYARS_WILSON =
      new StructType()
          .add("case_id", DataTypes.StringType)
          .add("method", DataTypes.StringType)
          .add("x", DataTypes.DoubleType)
          .add("n", DataTypes.DoubleType)
          .add("confidence", DataTypes.DoubleType)
          .add("expected_lower", DataTypes.DoubleType)
          .add("expected_upper", DataTypes.DoubleType)
          .add("note", DataTypes.StringType);

  private static final StructType CASES =
      new StructType()
          .add("area", DataTypes.StringType)
          .add("numerator", DataTypes.DoubleType)
          .add("denominator", DataTypes.DoubleType)
          .add("multiplier", DataTypes.DoubleType)
          .add("value", DataTypes.DoubleType)
          .add("lower95", DataTypes.DoubleType)
          .add("upper95", DataTypes.DoubleType)
          .add("lower99_8", DataTypes.DoubleType)
          .add("upper99_8", DataTypes.DoubleType)
          .add("method", DataTypes.StringType);

  private static final StructType GROUPED =
      new StructType()
          .add("area", DataTypes.StringType)
          .add("sum_numerator", DataTypes.DoubleType)
          .add("sum_denominator", DataTypes.DoubleType)
          .add("multiplier", DataTypes.DoubleType)
          .add("value", DataTypes.DoubleType)
          .add("lower95", DataTypes.DoubleType)
          .add("upper95", DataTypes.DoubleType)
          .add("method", DataTypes.StringType);

  @TestFactory
  Stream<DynamicTest> byarsAndWilsonLimitsMatchPeerCases() {
    if (PeerData.absent()) {
      return PeerData.skipped();
    }
    Dataset<Row> cases = PeerData.read(spark, "byars_wilson_limits.csv", BYARS_WILSON);
    List<DynamicTest> tests = new ArrayList<>();
    for (double c : new double[] {0.95, 0.998}) {
      Column x = col("x");
      Column byars = col("method").equalTo("Byars");
      Dataset<Row> limits =
          cases
              .filter(col("confidence").equalTo(c))
              .select(
                  col("case_id"),
                  col("expected_lower"),
                  col("expected_upper"),
                  org.apache
                      .spark
                      .sql
                      .functions
                      .when(byars, PoissonLimits.byarLower(x, c))
                      .otherwise(WilsonLimits.lower(x, col("n"), c))
                      .as("lower"),
                  org.apache
                      .spark
                      .sql
                      .functions
                      .when(byars, PoissonLimits.byarUpper(x, c))
                      .otherwise(WilsonLimits.upper(x, col("n"), c))
                      .as("upper"));
      for (Row r : limits.collectAsList()) {
        tests.add(
            DynamicTest.dynamicTest(
                r.getString(0),
                () -> {
                  assertClose(d(r, "lower"), d(r, "expected_lower"), DETERMINISTIC, "lower");
                  assertClose(d(r, "upper"), d(r, "expected_upper"), DETERMINISTIC, "upper");
                }));
      }
    }
    assertThat(tests).hasSize(13);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> crudeRatesMatchPeerCases() {
    if (PeerData.absent()) {
      return PeerData.skipped();
    }
    Dataset<Row> cases = PeerData.read(spark, "rate_cases.csv", CASES);
    return perRowCases(cases, true);
  }

  @TestFactory
  Stream<DynamicTest> proportionsMatchPeerCases() {
    if (PeerData.absent()) {
      return PeerData.skipped();
    }
    Dataset<Row> cases = PeerData.read(spark, "proportion_cases.csv", CASES);
    return perRowCases(cases, false);
  }

  private Stream<DynamicTest> perRowCases(Dataset<Row> cases, boolean rate) {
    List<Row> expected = cases.collectAsList();
    List<DynamicTest> tests = new ArrayList<>();
    for (double m : expected.stream().map(r -> d(r, "multiplier")).distinct().toList()) {
      Dataset<Row> slice = cases.filter(col("multiplier").equalTo(m));
      Map<String, Row> at95 = PeerData.byKey(compute(slice, rate, m, 0.95), r -> r.getString(0));
      Map<String, Row> at998 = PeerData.byKey(compute(slice, rate, m, 0.998), r -> r.getString(0));
      for (Row e : expected) {
        if (d(e, "multiplier") != m) {
          continue;
        }
        String area = e.getString(0);
        tests.add(
            DynamicTest.dynamicTest(
                area + " x" + m,
                () -> {
                  Row a = at95.get(area);
                  Row b = at998.get(area);
                  assertClose(d(a, "value"), d(e, "value"), DETERMINISTIC, "value");
                  assertClose(d(a, "lower_ci"), d(e, "lower95"), DETERMINISTIC, "lower95");
                  assertClose(d(a, "upper_ci"), d(e, "upper95"), DETERMINISTIC, "upper95");
                  assertClose(d(b, "lower_ci"), d(e, "lower99_8"), DETERMINISTIC, "lower99_8");
                  assertClose(d(b, "upper_ci"), d(e, "upper99_8"), DETERMINISTIC, "upper99_8");
                  assertThat(a.<String>getAs("method")).isEqualTo(e.<String>getAs("method"));
                }));
      }
    }
    return tests.stream();
  }

  private static Dataset<Row> compute(Dataset<Row> in, boolean rate, double m, double c) {
    return rate
        ? CrudeRate.crudeRates(in, List.of("area"), "numerator", "denominator", m, c)
        : Proportion.proportions(in, List.of("area"), "numerator", "denominator", m, c);
  }

  @TestFactory
  Stream<DynamicTest> groupedRatesMatchPeerCases() {
    if (PeerData.absent()) {
      return PeerData.skipped();
    }
    return grouped("rate_cases.csv", "rate_grouped_expected.csv", true);
  }

  @TestFactory
  Stream<DynamicTest> groupedProportionsMatchPeerCases() {
    if (PeerData.absent()) {
      return PeerData.skipped();
    }
    return grouped("proportion_cases.csv", "proportion_grouped_expected.csv", false);
  }

  private Stream<DynamicTest> grouped(String inputs, String expectedFile, boolean rate) {
    Dataset<Row> cases = PeerData.read(spark, inputs, CASES);
    // The grouped sheet sums all rows sharing an area, across both multiplier blocks.
    List<Row> expected = PeerData.read(spark, expectedFile, GROUPED).collectAsList();
    double m = d(expected.get(0), "multiplier");
    Map<String, Row> actual = PeerData.byKey(compute(cases, rate, m, 0.95), r -> r.getString(0));
    return expected.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getString(0),
                    () -> {
                      Row a = actual.get(e.getString(0));
                      assertClose(
                          d(a, "numerator"), d(e, "sum_numerator"), DETERMINISTIC, "numerator");
                      assertClose(
                          d(a, "denominator"),
                          d(e, "sum_denominator"),
                          DETERMINISTIC,
                          "denominator");
                      assertClose(d(a, "value"), d(e, "value"), DETERMINISTIC, "value");
                      assertClose(d(a, "lower_ci"), d(e, "lower95"), DETERMINISTIC, "lower95");
                      assertClose(d(a, "upper_ci"), d(e, "upper95"), DETERMINISTIC, "upper95");
                      assertThat(a.<String>getAs("method")).isEqualTo(e.<String>getAs("method"));
                    }));
  }

  private static final StructType MEAN_INPUT =
      new StructType().add("area", DataTypes.StringType).add("value", DataTypes.DoubleType);

  private static final StructType MEAN_EXPECTED =
      new StructType()
          .add("group", DataTypes.StringType)
          .add("value_sum", DataTypes.DoubleType)
          .add("value_count", DataTypes.DoubleType)
          .add("stdev", DataTypes.DoubleType)
          .add("value", DataTypes.DoubleType)
          .add("lower95", DataTypes.DoubleType)
          .add("upper95", DataTypes.DoubleType)
          .add("lower99_8", DataTypes.DoubleType)
          .add("upper99_8", DataTypes.DoubleType);

  @TestFactory
  Stream<DynamicTest> meansMatchPeerCases() {
    if (PeerData.absent()) {
      return PeerData.skipped();
    }
    Dataset<Row> values = PeerData.read(spark, "mean_input.csv", MEAN_INPUT);
    Dataset<Row> labelled = values.union(values.withColumn("area", lit("No grouping")));
    Map<String, Row> at95 =
        PeerData.byKey(
            MeanValue.means(labelled, List.of("area"), "value", 0.95), r -> r.getString(0));
    Map<String, Row> at998 =
        PeerData.byKey(
            MeanValue.means(labelled, List.of("area"), "value", 0.998), r -> r.getString(0));
    return PeerData.read(spark, "mean_expected.csv", MEAN_EXPECTED).collectAsList().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getString(0),
                    () -> {
                      Row a = at95.get(e.getString(0));
                      Row b = at998.get(e.getString(0));
                      assertClose(d(a, "value_sum"), d(e, "value_sum"), DETERMINISTIC, "sum");
                      assertClose(d(a, "value_count"), d(e, "value_count"), DETERMINISTIC, "count");
                      assertClose(d(a, "stdev"), d(e, "stdev"), DETERMINISTIC, "stdev");
                      assertClose(d(a, "value"), d(e, "value"), DETERMINISTIC, "value");
                      assertClose(d(a, "lower_ci"), d(e, "lower95"), DETERMINISTIC, "lower95");
                      assertClose(d(a, "upper_ci"), d(e, "upper95"), DETERMINISTIC, "upper95");
                      assertClose(d(b, "lower_ci"), d(e, "lower99_8"), DETERMINISTIC, "lower99_8");
                      assertClose(d(b, "upper_ci"), d(e, "upper99_8"), DETERMINISTIC, "upper99_8");
                    }));
  }
}
