package org.fairshare.equity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.fairshare.inequality.Distributions;
import org.junit.jupiter.api.Test;

/**
 * The p-value of O against a fixed E agrees with the ratio's limits: p < alpha exactly when the 1 -
 * alpha limits of O / E exclude 1, in the exact range (below 10 events) and in Byar's.
 */
class PoissonPValueTest {

  /** Returns P(X <= o) for X ~ Poisson(e), by summing the probabilities. */
  private static double poissonCdf(long o, double e) {
    double term = Math.exp(-e);
    double sum = term;
    for (long i = 1; i <= o; i++) {
      term *= e / i;
      sum += term;
    }
    return sum;
  }

  private static double z(double alpha) {
    return Distributions.normalQuantile(1 - alpha / 2);
  }

  /** Returns the lower limit of the count as AccessRatios uses it (0 where Byar's goes below). */
  private static double lowerLimit(long o, double alpha) {
    if (o < 10) {
      return Distributions.chiSquareQuantile(alpha / 2, 2.0 * o) / 2;
    }
    double base = 1 - 1 / (9.0 * o) - z(alpha) / (3 * Math.sqrt(o));
    return base < 0 ? 0 : o * Math.pow(base, 3);
  }

  private static double upperLimit(long o, double alpha) {
    if (o < 10) {
      return Distributions.chiSquareQuantile(1 - alpha / 2, 2.0 * o + 2) / 2;
    }
    double o1 = o + 1.0;
    return o1 * Math.pow(1 - 1 / (9 * o1) + z(alpha) / (3 * Math.sqrt(o1)), 3);
  }

  @Test
  void belowTenEventsTheTailsAreExactPoissonProbabilities() {
    for (long o = 0; o < 10; o++) {
      for (double e : new double[] {0.5, 3.0, 12.0, 20.0, 45.5}) {
        double lower = poissonCdf(o, e);
        double upper = o == 0 ? 1.0 : 1 - poissonCdf(o - 1, e);
        assertThat(PoissonPValue.lowerTail(o, e))
            .as("P(X <= %d | %s)", o, e)
            .isCloseTo(lower, within(1e-12));
        assertThat(PoissonPValue.upperTail(o, e))
            .as("P(X >= %d | %s)", o, e)
            .isCloseTo(upper, within(1e-12));
        assertThat(PoissonPValue.twoSided(o, e))
            .isCloseTo(Math.min(1, 2 * Math.min(lower, upper)), within(1e-12));
      }
    }
  }

  @Test
  void pIsBelowAlphaExactlyWhenTheLimitsExcludeOne() {
    int checked = 0;
    for (double alpha : new double[] {0.05, 0.01, 0.001}) {
      for (long o : new long[] {0, 1, 4, 9, 10, 11, 25, 100, 265, 400, 1_000, 50_000}) {
        for (double ratio = 0.5; ratio <= 2.0; ratio += 0.0125) {
          double e = o == 0 ? ratio * 5 : o / ratio;
          double lower = lowerLimit(o, alpha) / e;
          double upper = upperLimit(o, alpha) / e;
          if (Math.abs(lower - 1) < 1e-9 || Math.abs(upper - 1) < 1e-9) {
            continue; // on the boundary itself rounding decides
          }
          boolean excludesOne = upper < 1 || lower > 1;
          assertThat(PoissonPValue.twoSided(o, e) < alpha)
              .as("O %d, E %s, alpha %s: limits %s to %s", o, e, alpha, lower, upper)
              .isEqualTo(excludesOne);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(1_000);
  }

  @Test
  void atByarsLimitTheOneSidedPValueIsHalfAlpha() {
    for (long o : new long[] {10, 57, 400, 123_456}) {
      assertThat(PoissonPValue.lowerTail(o, upperLimit(o, 0.05))).isCloseTo(0.025, within(1e-9));
      assertThat(PoissonPValue.upperTail(o, lowerLimit(o, 0.05))).isCloseTo(0.025, within(1e-9));
    }
  }

  @Test
  void noPValueWithoutExpectedEvents() {
    assertThat(PoissonPValue.twoSided(3, 0.0)).isNaN();
  }
}
