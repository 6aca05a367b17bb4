package org.fairshare.allocation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Whole-penny arithmetic: money is carried as a count of pennies (long) so that the parts of an
 * envelope add up to it exactly. Plain Java, shared by the Spark stages and the property tests.
 */
public final class Pennies {
  private Pennies() {}

  /** Returns the amount in whole pennies; the amount must already be a whole number of pennies. */
  public static long of(BigDecimal gbp) {
    return gbp.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
  }

  /** Returns the amount in whole pennies, rounded half-even. */
  public static long rounded(double gbp) {
    return new BigDecimal(gbp).movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).longValue();
  }

  /** Returns the pennies as GBP with scale 2 (fits {@code Money.TYPE}). */
  public static BigDecimal gbp(long pennies) {
    return BigDecimal.valueOf(pennies, 2);
  }

  /**
   * Returns {@code total} pennies shared in proportion to the weights, adding up to {@code total}
   * exactly (largest remainder: everyone gets the floor of their exact share, the pennies left go
   * to the largest fractional parts, ties to the smaller key).
   *
   * @throws IllegalArgumentException if a weight is negative or not finite, or all are zero while
   *     total is not
   */
  public static long[] shareByWeight(long total, double[] weights, String[] keys) {
    BigDecimal sum = BigDecimal.ZERO;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weight must be finite and >= 0, got " + w);
      }
      sum = sum.add(new BigDecimal(w));
    }
    if (sum.signum() == 0) {
      if (total == 0) {
        return new long[weights.length];
      }
      throw new IllegalArgumentException(
          "cannot share " + total + " pennies: every weight is zero among " + weights.length);
    }
    BigDecimal[] exact = new BigDecimal[weights.length];
    BigDecimal bigTotal = BigDecimal.valueOf(total);
    for (int i = 0; i < weights.length; i++) {
      exact[i] = bigTotal.multiply(new BigDecimal(weights[i])).divide(sum, MathContext.DECIMAL128);
    }
    return roundExact(exact, total, keys);
  }

  /**
   * Returns the raw amounts (pennies, fractional) rounded to whole pennies that add up to {@code
   * total}: each is rounded down or up by less than a penny, the ups going to the largest
   * fractional parts, ties to the smaller key.
   *
   * @throws IllegalArgumentException if the raw amounts do not add up to total within one penny per
   *     amount
   */
  public static long[] roundToTotal(double[] raw, long total, String[] keys) {
    BigDecimal[] exact = new BigDecimal[raw.length];
    for (int i = 0; i < raw.length; i++) {
      if (!Double.isFinite(raw[i])) {
        throw new IllegalArgumentException("amount must be finite, got " + raw[i]);
      }
      exact[i] = new BigDecimal(raw[i]);
    }
    return roundExact(exact, total, keys);
  }

  private static long[] roundExact(BigDecimal[] exact, long total, String[] keys) {
    int n = exact.length;
    if (keys.length != n) {
      throw new IllegalArgumentException("need one key per amount: " + keys.length + " vs " + n);
    }
    long[] out = new long[n];
    BigDecimal[] frac = new BigDecimal[n];
    long floorSum = 0;
    for (int i = 0; i < n; i++) {
      BigDecimal f = exact[i].setScale(0, RoundingMode.FLOOR);
      out[i] = f.longValueExact();
      frac[i] = exact[i].subtract(f);
      floorSum = Math.addExact(floorSum, out[i]);
    }
    long left = total - floorSum;
    if (left < 0 || left > n) {
      throw new IllegalArgumentException(
          "amounts add up to "
              + floorSum
              + " pennies after flooring, not within "
              + n
              + " of "
              + total);
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order,
        Comparator.<Integer, BigDecimal>comparing(i -> frac[i])
            .reversed()
            .thenComparing(i -> keys[i]));
    for (int k = 0; k < left; k++) {
      out[order[k]]++;
    }
    return out;
  }
}
