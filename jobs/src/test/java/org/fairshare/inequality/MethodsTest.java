package org.fairshare.inequality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.Test;

/** Hand-computed checks of each method on tiny inline data. */
class MethodsTest extends SparkTestBase {

  private static final StructType COUNTS =
      new StructType()
          .add("area", DataTypes.StringType)
          .add("band", DataTypes.IntegerType)
          .add("x", DataTypes.DoubleType)
          .add("n", DataTypes.DoubleType)
          .add("w", DataTypes.DoubleType);

  private static Row only(Dataset<Row> result) {
    List<Row> rows = result.collectAsList();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void crudeRateSumsTheGroupAndUsesByarAboveNineEvents() {
    Dataset<Row> in =
        rows(
            COUNTS, new Object[] {"A", 1, 4.0, 100.0, 1.0}, new Object[] {"A", 2, 6.0, 100.0, 1.0});
    Row r = only(CrudeRate.crudeRates(in, List.of("area"), "x", "n", 1000, 0.95));
    assertThat(r.<Double>getAs("value")).isCloseTo(10 / 200.0 * 1000, within(1e-12));
    double z = Distributions.normalQuantile(0.975);
    double byarLower = 10 * Math.pow(1 - 1 / 90.0 - z / (3 * Math.sqrt(10)), 3);
    assertThat(r.<Double>getAs("lower_ci")).isCloseTo(byarLower / 200 * 1000, within(1e-9));
    assertThat(r.<String>getAs("method")).isEqualTo("Byars");
  }

  @Test
  void crudeRateOfZeroEventsHasExactLowerLimitZero() {
    Dataset<Row> in = rows(COUNTS, new Object[] {"A", 1, 0.0, 100.0, 1.0});
    Row r = only(CrudeRate.crudeRates(in, List.of("area"), "x", "n", 1, 0.95));
    assertThat(r.<Double>getAs("lower_ci")).isEqualTo(0.0);
    // Exact upper limit for 0 events: -ln(0.025) events.
    assertThat(r.<Double>getAs("upper_ci")).isCloseTo(-Math.log(0.025) / 100, within(1e-12));
  }

  @Test
  void crudeRateRejectsANegativeCountNamingIt() {
    Dataset<Row> in = rows(COUNTS, new Object[] {"A", 1, -3.0, 100.0, 1.0});
    assertThatThrownBy(
            () -> CrudeRate.crudeRates(in, List.of("area"), "x", "n", 1, 0.95).collectAsList())
        .hasStackTraceContaining("numerator x must be >= 0, got -3.0");
  }

  @Test
  void proportionRejectsMoreSuccessesThanTrials() {
    Dataset<Row> in = rows(COUNTS, new Object[] {"A", 1, 30.0, 20.0, 1.0});
    assertThatThrownBy(
            () -> Proportion.proportions(in, List.of("area"), "x", "n", 1, 0.95).collectAsList())
        .hasStackTraceContaining("numerator must not exceed the denominator");
  }

  @Test
  void proportionAtFullConfidenceHasLimitsZeroAndOne() {
    Dataset<Row> in = rows(COUNTS, new Object[] {"A", 1, 5.0, 20.0, 1.0});
    Row r = only(Proportion.proportions(in, List.of("area"), "x", "n", 100, 1.0));
    assertThat(r.<Double>getAs("lower_ci")).isEqualTo(0.0);
    assertThat(r.<Double>getAs("upper_ci")).isEqualTo(100.0);
  }

  @Test
  void dsrWeightsBandRatesByTheStandardPopulation() {
    Dataset<Row> in =
        rows(
            COUNTS,
            new Object[] {"A", 1, 10.0, 1000.0, 1.0},
            new Object[] {"A", 2, 20.0, 4000.0, 3.0});
    Row r =
        only(
            DirectStandardisation.directlyStandardisedRates(
                in,
                List.of("area"),
                DirectStandardisation.Inputs.independent("x", "n", "w"),
                1,
                0.95));
    assertThat(r.<Double>getAs("value"))
        .isCloseTo((10 / 1000.0 * 1 + 20 / 4000.0 * 3) / 4, within(1e-15));
    assertThat(r.<Double>getAs("numerator")).isEqualTo(30.0);
  }

  @Test
  void dsrBelowTenEventsIsSuppressed() {
    Dataset<Row> in = rows(COUNTS, new Object[] {"A", 1, 9.0, 1000.0, 1.0});
    Row r =
        only(
            DirectStandardisation.directlyStandardisedRates(
                in,
                List.of("area"),
                DirectStandardisation.Inputs.independent("x", "n", "w"),
                1,
                0.95));
    assertThat(r.<Double>getAs("value")).isNull();
    assertThat(r.<String>getAs("statistic")).isEqualTo("dsr NA for total count < 10");
  }

  @Test
  void esp2013WeightsSumToOneHundredThousand() {
    Dataset<Row> ages = spark.range(0, 95).toDF("age");
    Row r =
        only(
            ages.filter(col("age").mod(5).equalTo(0).and(col("age").leq(90)))
                .agg(org.apache.spark.sql.functions.sum(Esp2013.weight(col("age")))));
    assertThat(r.getDouble(0)).isEqualTo(100_000.0);
  }

  @Test
  void isrIsObservedOverExpectedFromReferenceRates() {
    StructType schema =
        new StructType()
            .add("area", DataTypes.StringType)
            .add("x", DataTypes.DoubleType)
            .add("n", DataTypes.DoubleType)
            .add("rx", DataTypes.DoubleType)
            .add("rn", DataTypes.DoubleType);
    Dataset<Row> in =
        rows(
            schema,
            new Object[] {"A", 12.0, 100.0, 50.0, 1000.0},
            new Object[] {"A", 3.0, 200.0, 10.0, 1000.0});
    Row r =
        only(
            IndirectStandardisation.indirectlyStandardised(
                in,
                List.of("area"),
                new IndirectStandardisation.Inputs("x", "n", "rx", "rn"),
                IndirectStandardisation.Statistic.RATIO,
                100,
                0.95));
    double expected = 0.05 * 100 + 0.01 * 200;
    assertThat(r.<Double>getAs("expected")).isCloseTo(expected, within(1e-12));
    assertThat(r.<Double>getAs("value")).isCloseTo(15 / expected * 100, within(1e-12));
  }

  @Test
  void quantilesFollowRankAndNullSmallGroups() {
    StructType schema =
        new StructType().add("g", DataTypes.StringType).add("v", DataTypes.DoubleType);
    Object[][] values = new Object[14][];
    for (int i = 0; i < 10; i++) {
      values[i] = new Object[] {"ten", (double) i};
    }
    for (int i = 10; i < 13; i++) {
      values[i] = new Object[] {"three", (double) i};
    }
    values[13] = new Object[] {"ten", null};
    Dataset<Row> out =
        QuantileAssignment.withQuantile(
            rows(schema, values), List.of("g"), "v", lit(5), lit(true), "q");
    Map<Double, Integer> tens = new java.util.HashMap<>();
    for (Row r : out.collectAsList()) {
      if (r.getString(0).equals("three") || r.isNullAt(1)) {
        assertThat(r.isNullAt(2)).as("small group or missing value").isTrue();
      } else {
        tens.put(r.getDouble(1), r.getInt(2));
      }
    }
    // Highest value first: 9 and 8 are quantile 1, 1 and 0 quantile 5.
    assertThat(tens.get(9.0)).isEqualTo(1);
    assertThat(tens.get(8.0)).isEqualTo(1);
    assertThat(tens.get(5.0)).isEqualTo(3);
    assertThat(tens.get(0.0)).isEqualTo(5);
  }

  @Test
  void meanLimitsUseStudentT() {
    StructType schema =
        new StructType().add("g", DataTypes.StringType).add("v", DataTypes.DoubleType);
    Dataset<Row> in =
        rows(schema, new Object[] {"a", 1.0}, new Object[] {"a", 2.0}, new Object[] {"a", 6.0});
    Row r = only(MeanValue.means(in, List.of("g"), "v", 0.95));
    double sd = Math.sqrt(((1 - 3.0) * (1 - 3) + (2 - 3.0) * (2 - 3) + 9) / 2);
    // t quantile 0.975 with 2 df is 4.302653 (tables).
    assertThat(r.<Double>getAs("upper_ci"))
        .isCloseTo(3 + 4.302653 * sd / Math.sqrt(3), within(1e-5));
  }
}
