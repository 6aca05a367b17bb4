package org.fairshare.inequality;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Confidence limits of a Poisson count (Breslow and Day 1987): Byar's approximation, the exact
 * chi-square limits, and PHE's rule of using the exact limits below 10 events.
 */
public final class PoissonLimits {
  private PoissonLimits() {}

  /** Counts below this use the exact limits in crude rates and indirect standardisation. */
  public static final int EXACT_BELOW = 10;

  public static final String BYARS = "Byars";
  public static final String EXACT = "Exact";

  /**
   * Returns Byar's lower limit of the count, or null when the approximation goes negative (as PHE
   * does, never clamped to 0) or the count is 0.
   */
  public static Column byarLower(Column count, double confidence) {
    double z = Confidence.z(confidence);
    Column o = count.cast("double");
    Column limit =
        o.multiply(
            pow(
                lit(1.0)
                    .minus(lit(1.0).divide(o.multiply(9)))
                    .minus(lit(z).divide(sqrt(o).multiply(3))),
                3));
    return when(o.gt(0), when(limit.geq(0), limit));
  }

  /** Returns Byar's upper limit of the count. */
  public static Column byarUpper(Column count, double confidence) {
    double z = Confidence.z(confidence);
    Column o1 = count.cast("double").plus(1);
    return o1.multiply(
        pow(
            lit(1.0)
                .minus(lit(1.0).divide(o1.multiply(9)))
                .plus(lit(z).divide(sqrt(o1).multiply(3))),
            3));
  }

  /** Returns the exact lower limit chi2((1-c)/2; 2 O) / 2 of the count (0 for a zero count). */
  public static Column exactLower(Column count, double confidence) {
    double p = 1 - Confidence.upperTail(confidence);
    return Distributions.chiSquareQuantile(lit(p), count.multiply(2)).divide(2);
  }

  /** Returns the exact upper limit chi2(c + (1-c)/2; 2 O + 2) / 2 of the count. */
  public static Column exactUpper(Column count, double confidence) {
    double p = Confidence.upperTail(confidence);
    return Distributions.chiSquareQuantile(lit(p), count.multiply(2).plus(2)).divide(2);
  }

  /** Returns the lower limit of the count: exact below 10 events, Byar's otherwise. */
  public static Column lower(Column count, double confidence) {
    return when(count.lt(EXACT_BELOW), exactLower(count, confidence))
        .otherwise(byarLower(count, confidence));
  }

  /** Returns the upper limit of the count: exact below 10 events, Byar's otherwise. */
  public static Column upper(Column count, double confidence) {
    return when(count.lt(EXACT_BELOW), exactUpper(count, confidence))
        .otherwise(byarUpper(count, confidence));
  }

  /** Returns "Exact" below 10 events, "Byars" otherwise, null for a null count. */
  public static Column method(Column count) {
    return when(count.lt(EXACT_BELOW), lit(EXACT)).when(count.geq(EXACT_BELOW), lit(BYARS));
  }
}
