package org.fairshare.inequality;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;

import org.apache.spark.sql.Column;

/** Wilson score limits of a proportion x / n (Wilson 1927; Newcombe and Altman 2000). */
public final class WilsonLimits {
  private WilsonLimits() {}

  public static final String WILSON = "Wilson";

  /** Returns the lower Wilson limit of x / n on the 0-1 scale (0 at confidence 1). */
  public static Column lower(Column x, Column n, double confidence) {
    return limit(x, n, confidence, -1);
  }

  /** Returns the upper Wilson limit of x / n on the 0-1 scale (1 at confidence 1). */
  public static Column upper(Column x, Column n, double confidence) {
    return limit(x, n, confidence, +1);
  }

  private static Column limit(Column x, Column n, double confidence, int sign) {
    if (Confidence.normalise(confidence) == 1.0) {
      return lit(sign < 0 ? 0.0 : 1.0);
    }
    double z = Confidence.z(confidence);
    Column xd = x.cast("double");
    Column nd = n.cast("double");
    Column root = sqrt(lit(z * z).plus(xd.multiply(4).multiply(lit(1.0).minus(xd.divide(nd)))));
    return xd.multiply(2)
        .plus(z * z)
        .plus(root.multiply(sign * z))
        .divide(nd.plus(z * z).multiply(2));
  }
}
