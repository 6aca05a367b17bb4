package org.fairshare.generate;

import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Poisson draws that depend only on the mean and a 64-bit key (a hash of the seed and the row's key
 * columns), so that a row's value never depends on partitioning or evaluation order.
 */
public final class PoissonDraws {
  private PoissonDraws() {}

  private static final double PTRS_THRESHOLD = 10.0;

  private static final UserDefinedFunction UDF =
      functions.udf(
          (UDF2<Double, Long, Long>)
              (mean, key) -> mean == null || key == null ? null : draw(mean, key),
          DataTypes.LongType);

  /** Returns a column of Poisson draws (count) with the given mean and 64-bit key columns. */
  public static Column poisson(Column mean, Column key) {
    return UDF.apply(mean, key);
  }

  /**
   * Returns a Poisson draw (count) with mean {@code mean}, a pure function of its arguments: the
   * multiplication method below mean 10, Hörmann's PTRS transformed rejection above.
   */
  public static long draw(double mean, long key) {
    if (!(mean > 0.0)) {
      return 0L;
    }
    SplittableRandom random = new SplittableRandom(key);
    return mean < PTRS_THRESHOLD ? multiplication(mean, random) : ptrs(mean, random);
  }

  private static long multiplication(double mean, SplittableRandom random) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    long k = 0;
    while (product > limit) {
      k++;
      product *= random.nextDouble();
    }
    return k;
  }

  /** Hörmann (1993), "The transformed rejection method for generating Poisson random variables". */
  private static long ptrs(double mean, SplittableRandom random) {
    double slam = Math.sqrt(mean);
    double logMean = Math.log(mean);
    double b = 0.931 + 2.53 * slam;
    double a = -0.059 + 0.02483 * b;
    double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      double u = random.nextDouble() - 0.5;
      double v = random.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) {
        return k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      double lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
      if (lhs <= -mean + k * logMean - logGamma(k + 1.0)) {
        return k;
      }
    }
  }

  private static final double[] STIRLING = {
    8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
    -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
    6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01,
    -1.39243221690590e+00
  };

  /** Returns log(Gamma(x)) for x >= 1 by the Stirling series, shifted up for small x. */
  static double logGamma(double x) {
    if (x == 1.0 || x == 2.0) {
      return 0.0;
    }
    int shift = x <= 7 ? (int) (7 - x) : 0;
    double x0 = x + shift;
    double x2 = 1.0 / (x0 * x0);
    double series = STIRLING[9];
    for (int k = 8; k >= 0; k--) {
      series = series * x2 + STIRLING[k];
    }
    double result = series / x0 + 0.5 * Math.log(2 * Math.PI) + (x0 - 0.5) * Math.log(x0) - x0;
    for (int k = 1; k <= shift; k++) {
      x0 -= 1.0;
      result -= Math.log(x0);
    }
    return result;
  }
}
