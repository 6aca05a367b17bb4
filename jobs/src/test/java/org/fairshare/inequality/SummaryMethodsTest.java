package org.fairshare.inequality;

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

/** Hand-computed checks of the SII, concentration index and HEAT measures on tiny data. */
class SummaryMethodsTest extends SparkTestBase {

  private static final StructType QUINTILES =
      new StructType()
          .add("area", DataTypes.StringType)
          .add("q", DataTypes.IntegerType)
          .add("pop", DataTypes.DoubleType)
          .add("y", DataTypes.DoubleType)
          .add("se", DataTypes.DoubleType);

  /** Five equal quintiles whose values lie exactly on y = 2 + 4 x rank. */
  private static Dataset<Row> straightLine(double se) {
    Object[][] values = new Object[5][];
    for (int q = 1; q <= 5; q++) {
      double rank = (q - 0.5) / 5;
      values[q - 1] = new Object[] {"A", q, 100.0, 2 + 4 * rank, se};
    }
    return rows(QUINTILES, values);
  }

  private static SlopeIndex.Options options(double multiplier, int reps, long seed) {
    return new SlopeIndex.Options(
        SlopeIndex.ValueType.OTHER, false, multiplier, List.of(0.95), reps, seed);
  }

  private static final SlopeIndex.Inputs SII_INPUTS =
      new SlopeIndex.Inputs("q", "pop", "y", null, "se", null, null);

  @Test
  void siiOfAStraightLineIsItsSlopeAndRiiTheRatioOfItsEnds() {
    Row r =
        SlopeIndex.slopeIndex(straightLine(0.001), List.of("area"), SII_INPUTS, options(1, 1000, 7))
            .collectAsList()
            .get(0);
    assertThat(r.<Double>getAs(SlopeIndex.SII)).isCloseTo(4.0, within(1e-12));
    assertThat(r.<Double>getAs(SlopeIndex.RII)).isCloseTo(6.0 / 2.0, within(1e-12));
    assertThat(r.<Double>getAs(SlopeIndex.INTERCEPT)).isCloseTo(2.0, within(1e-12));
    assertThat(r.<Double>getAs(SlopeIndex.SII_LOWER)).isLessThan(4.0).isCloseTo(4.0, within(0.01));
    assertThat(r.<Double>getAs(SlopeIndex.SII_UPPER))
        .isGreaterThan(4.0)
        .isCloseTo(4.0, within(0.01));
  }

  /** Five quintiles of one group (area may be null) whose values lie on y = a + b x rank. */
  private static Object[][] line(String area, double a, double b) {
    Object[][] values = new Object[5][];
    for (int q = 1; q <= 5; q++) {
      values[q - 1] = new Object[] {area, q, 100.0, a + b * (q - 0.5) / 5, 0.05};
    }
    return values;
  }

  @Test
  void groupsSimulatedTogetherGetWhatEachGetsAloneANullKeyBeingAGroupOfItsOwn() {
    Object[][] a = line("A", 2, 4);
    Object[][] none = line(null, 1, 2);
    Object[][] both =
        java.util.stream.Stream.of(a, none)
            .flatMap(java.util.Arrays::stream)
            .toArray(Object[][]::new);
    Dataset<Row> together =
        SlopeIndex.slopeIndex(
            rows(QUINTILES, both), List.of("area"), SII_INPUTS, options(1, 1000, 7));

    List<Row> got = together.orderBy(org.apache.spark.sql.functions.col("area")).collectAsList();
    assertThat(got).hasSize(2);
    Row alone =
        SlopeIndex.slopeIndex(
                rows(QUINTILES, none), List.of("area"), SII_INPUTS, options(1, 1000, 7))
            .first();
    Row aAlone =
        SlopeIndex.slopeIndex(rows(QUINTILES, a), List.of("area"), SII_INPUTS, options(1, 1000, 7))
            .first();
    assertThat(got.get(0)).isEqualTo(alone);
    assertThat(got.get(1)).isEqualTo(aAlone);
    assertThat(got.get(0).<Double>getAs(SlopeIndex.SII)).isCloseTo(2.0, within(1e-12));
    assertThat(got.get(1).<Double>getAs(SlopeIndex.SII)).isCloseTo(4.0, within(1e-12));
    // The repetitions are aggregated by an integer id per group, not by the grouping columns.
    assertThat(together.queryExecution().executedPlan().toString())
        .containsPattern("HashAggregate\\(keys=\\[sii_group#\\d+, " + SlopeIndex.REP + "#\\d+\\]");
  }

  @Test
  void negativeMultiplierFlipsSiiAndInvertsRii() {
    Row r =
        SlopeIndex.slopeIndex(
                straightLine(0.001), List.of("area"), SII_INPUTS, options(-1, 1000, 7))
            .collectAsList()
            .get(0);
    assertThat(r.<Double>getAs(SlopeIndex.SII)).isCloseTo(-4.0, within(1e-12));
    assertThat(r.<Double>getAs(SlopeIndex.RII)).isCloseTo(2.0 / 6.0, within(1e-12));
    assertThat(r.<Double>getAs(SlopeIndex.SII_LOWER))
        .isLessThan(r.<Double>getAs(SlopeIndex.SII_UPPER));
  }

  @Test
  void siiLimitsAreReproducibleWhateverThePartitioning() {
    Dataset<Row> in = straightLine(0.5);
    Row a =
        SlopeIndex.slopeIndex(in, List.of("area"), SII_INPUTS, options(1, 2000, 42))
            .collectAsList()
            .get(0);
    Row b =
        SlopeIndex.slopeIndex(in.repartition(3), List.of("area"), SII_INPUTS, options(1, 2000, 42))
            .collectAsList()
            .get(0);
    assertThat(b.<Double>getAs(SlopeIndex.SII_LOWER))
        .isEqualTo(a.<Double>getAs(SlopeIndex.SII_LOWER));
    assertThat(b.<Double>getAs(SlopeIndex.SII_UPPER))
        .isEqualTo(a.<Double>getAs(SlopeIndex.SII_UPPER));
  }

  @Test
  void siiRefusesFewerThanOneThousandRepetitions() {
    assertThatThrownBy(
            () ->
                SlopeIndex.slopeIndex(
                    straightLine(1), List.of("area"), SII_INPUTS, options(1, 999, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999");
  }

  private static final StructType GROUPS =
      new StructType()
          .add("area", DataTypes.StringType)
          .add("sub", DataTypes.StringType)
          .add("ord", DataTypes.IntegerType)
          .add("pop", DataTypes.DoubleType)
          .add("y", DataTypes.DoubleType)
          .add("se", DataTypes.DoubleType)
          .add("ref", DataTypes.BooleanType);

  /** Three equal groups with means 1, 2, 3 from most to least disadvantaged. */
  private static Dataset<Row> threeGroups(Integer... order) {
    return rows(
        GROUPS,
        new Object[] {"A", "low", order[0], 100.0, 10.0, 1.0, false},
        new Object[] {"A", "mid", order[1], 100.0, 20.0, 2.0, false},
        new Object[] {"A", "high", order[2], 100.0, 30.0, 3.0, false});
  }

  @Test
  void concentrationIndexMatchesTheTrapeziumFormAndDeltaStandardError() {
    Row r =
        ConcentrationIndex.concentrationIndex(
                threeGroups(1, 2, 3),
                List.of("area"),
                new ConcentrationIndex.Inputs("ord", "pop", "y", null, null),
                new ConcentrationIndex.Bounds(0.0, 100.0),
                0.95)
            .collectAsList()
            .get(0);
    // Lorenz points (1/3, 1/6), (2/3, 1/2), (1, 1): C = (1/3 x 1/2 - 2/3 x 1/6) + (2/3 - 1/2).
    assertThat(r.<Double>getAs("value")).isCloseTo(2.0 / 9, within(1e-12));
    // a_t = 25/18, 10/9, 7/6; Var = (sum f a^2 - (1 + C)^2) / n with n = 300.
    double variance = ((625 / 324.0 + 400 / 324.0 + 441 / 324.0) / 3 - 121 / 81.0) / 300;
    assertThat(r.<Double>getAs("standard_error")).isCloseTo(Math.sqrt(variance), within(1e-12));
    assertThat(r.<Double>getAs(ConcentrationIndex.ERREYGERS))
        .isCloseTo(4 * 20 * (2.0 / 9) / 100, within(1e-12));
    assertThat(r.<Double>getAs(ConcentrationIndex.WAGSTAFF))
        .isCloseTo((2.0 / 9) * 100 * 20 / ((100 - 20) * 20), within(1e-12));
  }

  private static Map<String, Row> heat(Dataset<Row> in, boolean ordered, boolean favourable) {
    HeatInputs inputs =
        new HeatInputs(
            "sub", "y", "se", "pop", ordered ? "ord" : null, "ref", favourable, 100, 200, 3);
    return PeerData.byKey(
        HeatMeasures.summaryMeasures(in, List.of("area"), inputs, 0.95), r -> r.getString(1));
  }

  @Test
  void heatMeasuresOfANonOrderedDimensionMatchHandValues() {
    Map<String, Row> m = heat(threeGroups(null, null, null), false, true);
    double z = Distributions.normalQuantile(0.975);
    assertThat(m.get("d").<Double>getAs("value")).isCloseTo(20.0, within(1e-12));
    assertThat(m.get("d").<Double>getAs("lower_ci"))
        .isCloseTo(20 - z * Math.sqrt(10), within(1e-9));
    assertThat(m.get("r").<Double>getAs("value")).isCloseTo(3.0, within(1e-12));
    assertThat(m.get("r").<Double>getAs("standard_error"))
        .isCloseTo(Math.sqrt(18) / 30, within(1e-12));
    assertThat(m.get("bgv").<Double>getAs("value")).isCloseTo(200.0 / 3, within(1e-9));
    assertThat(m.get("bgsd").<Double>getAs("value")).isCloseTo(Math.sqrt(200.0 / 3), within(1e-9));
    assertThat(m.get("mdmu").<Double>getAs("value")).isCloseTo(20.0 / 3, within(1e-9));
    assertThat(m.get("mdbu").<Double>getAs("value")).isCloseTo(10.0, within(1e-9));
    assertThat(m.get("idisw").<Double>getAs("value"))
        .isCloseTo(100 * (20.0 / 3) / 20, within(1e-9));
    assertThat(m.get("ti").<Double>getAs("value"))
        .isCloseTo(1000 * (0.5 * Math.log(0.5) + 1.5 * Math.log(1.5)) / 3, within(1e-9));
    assertThat(m.get("mld").<Double>getAs("value"))
        .isCloseTo(1000 * -(Math.log(0.5) + Math.log(1.5)) / 3, within(1e-9));
    assertThat(m.get("par").<Double>getAs("value")).isCloseTo(10.0, within(1e-12));
    assertThat(m.get("paf").<Double>getAs("value")).isCloseTo(50.0, within(1e-12));
    assertThat(m).doesNotContainKeys("aci", "rci", "mdru", "mdrw");
    Row bgsd = m.get("bgsd");
    assertThat(bgsd.<Double>getAs("lower_ci")).isLessThan(bgsd.<Double>getAs("upper_ci"));
  }

  @Test
  void heatRelativeConcentrationIndexEqualsTheGroupedConcentrationIndex() {
    Map<String, Row> m = heat(threeGroups(1, 2, 3), true, true);
    assertThat(m.get("rci").<Double>getAs("value")).isCloseTo(2.0 / 9, within(1e-12));
    assertThat(m.get("aci").<Double>getAs("value")).isCloseTo(20 * 2.0 / 9, within(1e-12));
    // Ordered and favourable: D = most advantaged minus most disadvantaged.
    assertThat(m.get("d").<Double>getAs("value")).isCloseTo(20.0, within(1e-12));
    assertThat(m).doesNotContainKeys("bgv", "ti");
  }

  @Test
  void heatPopulationAttributableRiskIsZeroWhenTheReferenceIsWorseThanAverage() {
    Dataset<Row> in =
        rows(
            GROUPS,
            new Object[] {"A", "x", null, 100.0, 10.0, 1.0, true},
            new Object[] {"A", "y", null, 100.0, 20.0, 2.0, false},
            new Object[] {"A", "z", null, 100.0, 30.0, 3.0, false});
    Map<String, Row> m = heat(in, false, true);
    assertThat(m.get("par").<Double>getAs("value")).isEqualTo(0.0);
    assertThat(m.get("mdru").<Double>getAs("value")).isCloseTo(10.0, within(1e-9));
  }
}
