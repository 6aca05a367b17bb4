package org.fairshare.equity;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;
import org.fairshare.inequality.PoissonLimits;

/**
 * The p-value of an observed count against a fixed expected count (H0: O / E = 1) that agrees with
 * the ratio's limits of {@link AccessRatios#withRatio}: the limits are the inversion of the same
 * test, exact below {@link PoissonLimits#EXACT_BELOW} events and Byar's approximation from there,
 * so p < alpha exactly when the 1 - alpha limits exclude 1.
 */
public final class PoissonPValue {
  private PoissonPValue() {}

  /**
   * Returns the two-sided p-value 2 min(P(X <= O), P(X >= O)), capped at 1, for X ~ Poisson(E):
   * exact below 10 events (the chi-square limits' test), Byar's normal approximation otherwise
   * (Breslow and Day 1987, the test whose inversion gives Byar's limits). NaN when E is not
   * positive.
   */
  public static double twoSided(long observed, double expected) {
    if (!(expected > 0) || observed < 0) {
      return Double.NaN;
    }
    return Math.min(
        1.0, 2 * Math.min(lowerTail(observed, expected), upperTail(observed, expected)));
  }

  /** Returns the one-sided p-value of use below expected, P(X <= O). */
  static double lowerTail(long observed, double expected) {
    if (observed < PoissonLimits.EXACT_BELOW) {
      // P(X <= O) = Q(O + 1, E): the identity behind the exact upper limit chi2(2 O + 2) / 2.
      return Gamma.regularizedGammaQ(observed + 1.0, expected);
    }
    // The upper limit (O + 1)(1 - 1/(9(O + 1)) + z/(3 sqrt(O + 1)))^3 equals E at this z.
    double o1 = observed + 1.0;
    double z = 3 * Math.sqrt(o1) * (Math.cbrt(expected / o1) - 1 + 1 / (9 * o1));
    return normalUpperTail(z);
  }

  /** Returns the one-sided p-value of use above expected, P(X >= O). */
  static double upperTail(long observed, double expected) {
    if (observed == 0) {
      return 1.0;
    }
    if (observed < PoissonLimits.EXACT_BELOW) {
      // P(X >= O) = P(O, E): the identity behind the exact lower limit chi2(2 O) / 2.
      return Gamma.regularizedGammaP(observed, expected);
    }
    // The lower limit O (1 - 1/(9 O) - z/(3 sqrt O))^3 equals E at this z.
    double o = observed;
    double z = 3 * Math.sqrt(o) * (1 - 1 / (9 * o) - Math.cbrt(expected / o));
    return normalUpperTail(z);
  }

  /** Returns P(Z > z) for a standard normal Z, accurate far into the tail. */
  private static double normalUpperTail(double z) {
    return 0.5 * Erf.erfc(z / Math.sqrt(2));
  }
}
