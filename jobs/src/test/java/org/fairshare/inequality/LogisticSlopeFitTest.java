package org.fairshare.inequality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * WHO HEAT's SII and RII against healthequal 1.0.1's published values: its test cases for sii and
 * rii (populations round(rnorm(5, 100, 40)) with set.seed(123), i.e. 78, 91, 162, 103, 105) and the
 * sii example on its OrderedSample data (births attended by skilled personnel by wealth quintile).
 * healthequal reports the SII's SE on the 0-1 scale; fairshare x scale.
 */
class LogisticSlopeFitTest {

  private static final double[] QUINTILES = {1, 2, 3, 4, 5};
  private static final double Z = Distributions.normalQuantile(0.975);

  private static void assertRelative(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-6));
  }

  @Test
  void matchesHealthequalsSiiAndRiiTestCases() {
    LogisticSlopeFit.Result r =
        LogisticSlopeFit.fit(
            QUINTILES,
            new double[] {78, 91, 162, 103, 105},
            new double[] {20, 30, 40, 50, 60},
            100);
    assertRelative(r.sii(), 44.44502);
    assertRelative(r.siiSe() / 100, 0.02190822);
    assertRelative(r.sii() - Z * r.siiSe(), 40.15109);
    assertRelative(r.sii() + Z * r.siiSe(), 48.73895);
    assertRelative(r.rii(), 3.159506);
    assertRelative(r.logRiiSe(), 0.07644001);
    assertRelative(Math.exp(Math.log(r.rii()) - Z * r.logRiiSe()), 2.719902);
    assertRelative(Math.exp(Math.log(r.rii()) + Z * r.logRiiSe()), 3.67016);
  }

  @Test
  void matchesHealthequalsSiiExampleWithFractionalPopulations() {
    LogisticSlopeFit.Result r =
        LogisticSlopeFit.fit(
            QUINTILES,
            new double[] {2072.436, 2112.204, 1983.059, 2052.124, 1884.510},
            new double[] {75.60530, 91.01997, 96.03959, 97.04223, 99.22405},
            100);
    assertRelative(r.sii(), 31.61763);
    assertRelative(r.siiSe() / 100, 0.03009635);
    assertRelative(r.sii() - Z * r.siiSe(), 25.71885);
    assertRelative(r.sii() + Z * r.siiSe(), 37.51641);
  }

  @Test
  void anExactLogisticGradientIsRecoveredWithAZeroStandardError() {
    // Proportions exactly on logit(p) = -1 + 2 rank at the mid-point ranks of equal quintiles.
    double[] pop = {1e6, 1e6, 1e6, 1e6, 1e6};
    double[] est = new double[5];
    for (int q = 0; q < 5; q++) {
      est[q] = 100 / (1 + Math.exp(1 - 2 * (q + 0.5) / 5));
    }
    LogisticSlopeFit.Result r = LogisticSlopeFit.fit(QUINTILES, pop, est, 100);
    double p0 = 1 / (1 + Math.exp(1));
    double p1 = 1 / (1 + Math.exp(-1));
    assertThat(r.sii()).isCloseTo(100 * (p1 - p0), within(1e-4));
    assertThat(r.rii()).isCloseTo(p1 / p0, within(1e-5));
    assertThat(r.siiSe()).isLessThan(1e-3);
  }

  @Test
  void givesNoValueWhereHeatGivesNone() {
    double[] pop = {100, 100, 100};
    double[] order = {1, 2, 3};
    assertThat(LogisticSlopeFit.fit(order, pop, new double[] {50, 50, 50}, 100)).isNull();
    assertThat(LogisticSlopeFit.fit(order, pop, new double[] {50, 60, 120}, 100)).isNull();
    assertThat(
            LogisticSlopeFit.fit(
                new double[] {1, 2}, new double[] {1, 1}, new double[] {1, 2}, 100))
        .isNull();
  }
}
