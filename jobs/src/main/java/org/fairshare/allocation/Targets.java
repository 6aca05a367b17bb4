package org.fairshare.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Target arithmetic in whole pennies: held-back budgets and fair shares of an envelope. Plain Java,
 * shared by the Spark stages and the property tests.
 */
public final class Targets {
  private Targets() {}

  /**
   * Returns each held-back budget: envelope x share, rounded half-even to the penny (pennies).
   *
   * @throws IllegalArgumentException if the shares are negative or add up to more than 1
   */
  public static long[] holdbacks(long envelope, double[] shares) {
    double total = 0;
    long[] out = new long[shares.length];
    for (int i = 0; i < shares.length; i++) {
      if (!(shares[i] >= 0)) {
        throw new IllegalArgumentException("hold-back share must be >= 0, got " + shares[i]);
      }
      total += shares[i];
      out[i] =
          new BigDecimal(envelope)
              .multiply(new BigDecimal(shares[i]))
              .setScale(0, RoundingMode.HALF_EVEN)
              .longValueExact();
    }
    if (total > 1 + 1e-12) {
      throw new IllegalArgumentException("hold-back shares add up to " + total + ", above 1");
    }
    return out;
  }

  /**
   * Returns each place's target: the envelope shared in proportion to weighted population, whole
   * pennies adding up to the envelope exactly (largest remainder, ties to the smaller place code).
   */
  public static long[] shares(long envelope, double[] weightedPopulation, String[] placeCodes) {
    return Pennies.shareByWeight(envelope, weightedPopulation, placeCodes);
  }
}
