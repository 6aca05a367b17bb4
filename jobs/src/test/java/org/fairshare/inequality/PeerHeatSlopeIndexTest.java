package org.fairshare.inequality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.Test;

/**
 * WHO HEAT peer cases through {@code indicators --measure sii_heat / rii_heat}: healthequal 1.0.1's
 * published sii and rii test values (rel 1e-6), several settings in one input, beside a setting
 * without an order on every row (no row) and PHE's SII, which differs.
 */
class PeerHeatSlopeIndexTest extends SparkTestBase {

  private static final StructType TIDY =
      new StructType()
          .add("setting", DataTypes.StringType)
          .add(IndicatorsJob.QUANTILE, DataTypes.IntegerType)
          .add(IndicatorsJob.DENOMINATOR, DataTypes.DoubleType)
          .add(IndicatorsJob.VALUE, DataTypes.DoubleType)
          .add(IndicatorsJob.STANDARD_ERROR, DataTypes.DoubleType);

  private static Dataset<Row> settings() {
    double[] pop = {78, 91, 162, 103, 105};
    double[] est = {20, 30, 40, 50, 60};
    double[] se = {5, 7, 10, 12, 14};
    double[] samplePop = {2072.436, 2112.204, 1983.059, 2052.124, 1884.510};
    double[] sampleEst = {75.60530, 91.01997, 96.03959, 97.04223, 99.22405};
    double[] sampleSe = {1.5996131, 1.1351504, 0.6461946, 0.5676206, 0.2237683};
    Object[][] rows = new Object[13][];
    for (int q = 0; q < 5; q++) {
      rows[q] = new Object[] {"tests", q + 1, pop[q], est[q], se[q]};
      rows[5 + q] = new Object[] {"ordered_sample", q + 1, samplePop[q], sampleEst[q], sampleSe[q]};
    }
    rows[10] = new Object[] {"unordered", null, 100.0, 10.0, 1.0};
    rows[11] = new Object[] {"unordered", 2, 100.0, 20.0, 1.0};
    rows[12] = new Object[] {"unordered", 3, 100.0, 30.0, 1.0};
    return rows(TIDY, rows);
  }

  private static Map<String, Row> run(String measure) {
    return PeerData.byKey(
        IndicatorsJob.run(
            spark, settings(), measure, List.of("setting"), IndicatorsJob.Parameters.defaults()),
        r -> r.getString(0));
  }

  private static void assertRelative(Row r, String column, double expected) {
    assertThat(r.<Double>getAs(column)).isCloseTo(expected, within(Math.abs(expected) * 1e-6));
  }

  @Test
  void siiHeatMatchesHealthequal() {
    Map<String, Row> sii = run("sii_heat");
    assertThat(sii).containsOnlyKeys("tests", "ordered_sample");
    Row t = sii.get("tests");
    assertThat(t.<String>getAs("measure")).isEqualTo("sii_heat");
    assertRelative(t, "value", 44.44502);
    assertRelative(t, "standard_error", 0.02190822 * 100);
    assertRelative(t, "lower_ci", 40.15109);
    assertRelative(t, "upper_ci", 48.73895);
    Row s = sii.get("ordered_sample");
    assertRelative(s, "value", 31.61763);
    assertRelative(s, "standard_error", 0.03009635 * 100);
    assertRelative(s, "lower_ci", 25.71885);
    assertRelative(s, "upper_ci", 37.51641);
  }

  @Test
  void riiHeatMatchesHealthequal() {
    Row t = run("rii_heat").get("tests");
    assertRelative(t, "value", 3.159506);
    assertRelative(t, "standard_error", 0.07644001);
    assertRelative(t, "lower_ci", 2.719902);
    assertRelative(t, "upper_ci", 3.67016);
  }

  @Test
  void phesSiiOfTheSameDataIsAnotherNumber() {
    IndicatorsJob.Parameters p =
        new IndicatorsJob.Parameters(0.95, null, SlopeIndex.ValueType.OTHER, 1000, 1L, true, 100);
    Dataset<Row> tests = settings().filter("setting = 'tests'");
    double phe =
        IndicatorsJob.run(spark, tests, "sii", List.of("setting"), p)
            .collectAsList()
            .get(0)
            .<Double>getAs("value");
    assertThat(Math.abs(phe - 44.44502)).isGreaterThan(0.5);
  }
}
