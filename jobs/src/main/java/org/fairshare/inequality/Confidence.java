package org.fairshare.inequality;

/**
 * Confidence levels as PHEindicatormethods accepts them: a proportion in [0.9, 1] or a percentage
 * in [90, 100].
 */
public final class Confidence {
  private Confidence() {}

  /** The 95% level whose z value PHE hard-codes in places (SII standard errors, LE suppression). */
  public static final double PHE_95 = 0.95;

  /**
   * Returns the level as a proportion in [0.9, 1].
   *
   * @throws IllegalArgumentException naming the value when it is outside [0.9, 1] and [90, 100]
   */
  public static double normalise(double confidence) {
    if (confidence >= 90 && confidence <= 100) {
      return confidence / 100.0;
    }
    if (confidence >= 0.9 && confidence <= 1.0) {
      return confidence;
    }
    throw new IllegalArgumentException(
        "confidence must be between 0.9 and 1 or between 90 and 100, got " + confidence);
  }

  /** Returns the two-sided upper tail probability c + (1 - c) / 2 for a normalised level c. */
  public static double upperTail(double confidence) {
    double c = normalise(confidence);
    return c + (1 - c) / 2;
  }

  /** Returns the standard normal quantile z(c) = Phi^-1(c + (1 - c) / 2) of a level. */
  public static double z(double confidence) {
    return Distributions.normalQuantile(upperTail(confidence));
  }
}
