package org.fairshare.inequality;

import static org.apache.spark.sql.functions.udf;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Quantile functions of the normal, chi-square and Student t distributions. Spark has no built-in
 * for these, so the per-row ones (chi-square for exact Poisson limits, t for means) are
 * deterministic Java functions (Apache Commons Math 3, which Spark already brings) wrapped as Spark
 * UDFs; they are the only UDFs of the inequality package. Normal quantiles depend only on the
 * confidence level and are computed once on the driver.
 */
public final class Distributions {
  private Distributions() {}

  // Commons Math stops its root search at an absolute accuracy of 1e-9 by default: far too coarse
  // for a lower limit of 0.001 compared at 1e-8 relative, so ask for the limit of doubles.
  private static final double INVERSE_ACCURACY = 1e-300;

  private static final NormalDistribution STANDARD_NORMAL =
      new NormalDistribution(null, 0.0, 1.0, INVERSE_ACCURACY);

  private static final UserDefinedFunction CHI_SQUARE_QUANTILE =
      udf(
          (UDF2<Double, Double, Double>)
              (p, df) -> p == null || df == null ? null : chiSquareQuantile(p, df),
          DataTypes.DoubleType);

  private static final UserDefinedFunction T_QUANTILE =
      udf(
          (UDF2<Double, Double, Double>)
              (p, df) -> p == null || df == null || df < 1 ? null : tQuantile(p, df),
          DataTypes.DoubleType);

  /** Returns the standard normal quantile of a lower-tail probability p (R's qnorm). */
  public static double normalQuantile(double p) {
    return STANDARD_NORMAL.inverseCumulativeProbability(p);
  }

  /**
   * Returns the chi-square quantile of lower-tail probability p with df degrees of freedom (R's
   * qchisq); 0 when df is 0, as the exact Poisson lower limit of a zero count needs.
   */
  public static double chiSquareQuantile(double p, double df) {
    if (df == 0) {
      return 0.0;
    }
    return new ChiSquaredDistribution(null, df, INVERSE_ACCURACY).inverseCumulativeProbability(p);
  }

  /** Returns the Student t quantile of lower-tail probability p with df degrees of freedom. */
  public static double tQuantile(double p, double df) {
    return new TDistribution(null, df, INVERSE_ACCURACY).inverseCumulativeProbability(p);
  }

  /** Returns a column of chi-square quantiles (Spark UDF; null when an argument is null). */
  public static Column chiSquareQuantile(Column p, Column df) {
    return CHI_SQUARE_QUANTILE.apply(p.cast(DataTypes.DoubleType), df.cast(DataTypes.DoubleType));
  }

  /** Returns a column of Student t quantiles (Spark UDF; null when df is null or below 1). */
  public static Column tQuantile(Column p, Column df) {
    return T_QUANTILE.apply(p.cast(DataTypes.DoubleType), df.cast(DataTypes.DoubleType));
  }
}
