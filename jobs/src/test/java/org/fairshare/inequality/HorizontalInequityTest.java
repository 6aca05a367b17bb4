package org.fairshare.inequality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.Test;

/**
 * horizontal_inequity and the concentration index against the grouped formulas worked by hand, and
 * unchanged when a quintile is split into cells that share its rank.
 */
class HorizontalInequityTest extends SparkTestBase {

  private static final StructType TIDY =
      new StructType()
          .add("area", DataTypes.StringType)
          .add(IndicatorsJob.QUANTILE, DataTypes.IntegerType)
          .add(IndicatorsJob.DENOMINATOR, DataTypes.DoubleType)
          .add(IndicatorsJob.NUMERATOR, DataTypes.DoubleType)
          .add(IndicatorsJob.EXPECTED, DataTypes.DoubleType)
          .add(IndicatorsJob.VALUE, DataTypes.DoubleType);

  private static final double[] POP = {1000, 1200, 900, 1100, 800};
  private static final double[] USE = {300, 300, 200, 220, 150};
  private static final double[] NEED = {320, 330, 210, 200, 140};

  private static Object[] cell(int q, double pop, double use, double need) {
    return new Object[] {"A", q, pop, use, need, use / pop};
  }

  private static Dataset<Row> quintiles() {
    List<Object[]> rows = new ArrayList<>();
    for (int q = 0; q < 5; q++) {
      rows.add(cell(q + 1, POP[q], USE[q], NEED[q]));
    }
    return rows(TIDY, rows.toArray(Object[][]::new));
  }

  /** Quintile 3 as three cells of unequal use per head, summing to the quintile. */
  private static Dataset<Row> splitQuintile() {
    List<Object[]> rows = new ArrayList<>();
    for (int q = 0; q < 5; q++) {
      if (q == 2) {
        rows.add(cell(3, 400, 120, 90));
        rows.add(cell(3, 300, 30, 70));
        rows.add(cell(3, 200, 50, 50));
      } else {
        rows.add(cell(q + 1, POP[q], USE[q], NEED[q]));
      }
    }
    return rows(TIDY, rows.toArray(Object[][]::new));
  }

  private static Map<String, Row> run(Dataset<Row> in, String measure) {
    return PeerData.byKey(
        IndicatorsJob.run(spark, in, measure, List.of("area"), IndicatorsJob.Parameters.defaults()),
        r -> r.getString(1));
  }

  /** Returns {C, SE} of a per-head variable by KWvD's grouped formula, worked in plain Java. */
  private static double[] byHand(double[] v, double[] pop) {
    double total = 0;
    for (double p : pop) {
      total += p;
    }
    double mu = 0;
    for (int t = 0; t < 5; t++) {
      mu += pop[t] / total * v[t];
    }
    double[] rank = new double[5];
    double before = 0;
    for (int t = 0; t < 5; t++) {
      rank[t] = (before + pop[t] / 2) / total;
      before += pop[t];
    }
    double c = -1;
    for (int t = 0; t < 5; t++) {
      c += 2 / mu * pop[t] / total * v[t] * rank[t];
    }
    double[] a = scores(v, pop, total, mu, rank, c);
    double sumFaa = 0;
    for (int t = 0; t < 5; t++) {
      sumFaa += pop[t] / total * a[t] * a[t];
    }
    return new double[] {c, Math.sqrt((sumFaa - (1 + c) * (1 + c)) / total)};
  }

  private static double[] scores(
      double[] v, double[] pop, double total, double mu, double[] rank, double c) {
    double[] a = new double[5];
    double q = 0;
    for (int t = 0; t < 5; t++) {
      double qBefore = q;
      q += pop[t] / total * v[t] / mu;
      a[t] = v[t] / mu * (2 * rank[t] - 1 - c) + 2 - qBefore - q;
    }
    return a;
  }

  private static double[] perHead(double[] x) {
    double[] out = new double[5];
    for (int t = 0; t < 5; t++) {
      out[t] = x[t] / POP[t];
    }
    return out;
  }

  @Test
  void oneCallGivesTheIndicesOfUseAndNeedTheirDifferenceAndTheirStandardErrors() {
    Map<String, Row> m = run(quintiles(), "horizontal_inequity");
    double[] use = byHand(perHead(USE), POP);
    double[] need = byHand(perHead(NEED), POP);
    assertThat(m.get("ci_use").<Double>getAs("value")).isCloseTo(use[0], within(1e-12));
    assertThat(m.get("ci_use").<Double>getAs("standard_error")).isCloseTo(use[1], within(1e-12));
    assertThat(m.get("ci_need").<Double>getAs("value")).isCloseTo(need[0], within(1e-12));
    assertThat(m.get("ci_need").<Double>getAs("standard_error")).isCloseTo(need[1], within(1e-12));
    Row hi = m.get("horizontal_inequity");
    assertThat(hi.<Double>getAs("value")).isCloseTo(use[0] - need[0], within(1e-12));
    // SE of the difference: KWvD's formula with the difference of the two variables' scores.
    double total = 5000;
    double[] rank = {0.1, 0.32, 0.53, 0.73, 0.92};
    double muUse = 1170 / total;
    double muNeed = 1200 / total;
    double[] au = scores(perHead(USE), POP, total, muUse, rank, use[0]);
    double[] ae = scores(perHead(NEED), POP, total, muNeed, rank, need[0]);
    double sum = 0;
    for (int t = 0; t < 5; t++) {
      sum += POP[t] / total * (au[t] - ae[t]) * (au[t] - ae[t]);
    }
    double hiSe = Math.sqrt((sum - Math.pow(use[0] - need[0], 2)) / total);
    assertThat(hi.<Double>getAs("standard_error")).isCloseTo(hiSe, within(1e-12));
    assertThat(hi.<Double>getAs("mean_use")).isCloseTo(muUse, within(1e-12));
    assertThat(hi.<Double>getAs("mean_need")).isCloseTo(muNeed, within(1e-12));
    double[] standardised = new double[5];
    for (int t = 0; t < 5; t++) {
      standardised[t] = (USE[t] - NEED[t]) / POP[t] + muUse;
    }
    double[] s = byHand(standardised, POP);
    Row st = m.get("ci_need_standardised_use");
    assertThat(st.<Double>getAs("value")).isCloseTo(s[0], within(1e-12));
    assertThat(st.<Double>getAs("standard_error")).isCloseTo(s[1], within(1e-12));
  }

  @Test
  void splittingAQuintileIntoCellsChangesNoIndexAndNoStandardError() {
    Map<String, Row> whole = run(quintiles(), "horizontal_inequity");
    Map<String, Row> split = run(splitQuintile(), "horizontal_inequity");
    assertThat(split.keySet()).isEqualTo(whole.keySet()).hasSize(4);
    for (String measure : whole.keySet()) {
      for (String column : List.of("value", "standard_error", "lower_ci", "upper_ci")) {
        assertThat(split.get(measure).<Double>getAs(column))
            .as(measure + " " + column)
            .isCloseTo(whole.get(measure).<Double>getAs(column), within(1e-12));
      }
    }
  }

  @Test
  void theConcentrationIndexOfASplitQuintileHasTheUnsplitStandardError() {
    Row whole = run(quintiles(), "concentration_index").get("concentration_index");
    Row split = run(splitQuintile(), "concentration_index").get("concentration_index");
    assertThat(split.<Double>getAs("value")).isCloseTo(whole.<Double>getAs("value"), within(1e-12));
    assertThat(split.<Double>getAs("upper_ci"))
        .isCloseTo(whole.<Double>getAs("upper_ci"), within(1e-12));
  }

  @Test
  void needIsStandardisedIndirectlyFromReferenceRatesByBand() {
    StructType banded =
        new StructType()
            .add("area", DataTypes.StringType)
            .add(IndicatorsJob.QUANTILE, DataTypes.IntegerType)
            .add(IndicatorsJob.AGE_BAND, DataTypes.IntegerType)
            .add(IndicatorsJob.DENOMINATOR, DataTypes.DoubleType)
            .add(IndicatorsJob.NUMERATOR, DataTypes.DoubleType)
            .add(IndicatorsJob.REFERENCE_NUMERATOR, DataTypes.DoubleType)
            .add(IndicatorsJob.REFERENCE_DENOMINATOR, DataTypes.DoubleType);
    // Two bands with reference rates 0.1 and 0.4; quintile q has 100 x q old residents.
    List<Object[]> rows = new ArrayList<>();
    double[] pop = new double[5];
    double[] need = new double[5];
    for (int q = 1; q <= 5; q++) {
      double young = 1000;
      double old = 100.0 * q;
      rows.add(new Object[] {"A", q, 0, young, 100.0, 10_000.0, 100_000.0});
      rows.add(new Object[] {"A", q, 65, old, 40.0 * q, 40_000.0, 100_000.0});
      pop[q - 1] = young + old;
      need[q - 1] = (0.1 * young + 0.4 * old) / pop[q - 1];
    }
    Map<String, Row> m = run(rows(banded, rows.toArray(Object[][]::new)), "horizontal_inequity");
    double[] expected = byHand(need, pop);
    assertThat(m.get("ci_need").<Double>getAs("value")).isCloseTo(expected[0], within(1e-12));
    assertThat(m.get("ci_need").<Double>getAs("standard_error"))
        .isCloseTo(expected[1], within(1e-12));
  }
}
