package org.fairshare.inequality;

import java.math.BigDecimal;

/** Formats multipliers for statistic labels as PHE does: 100000, not 1.0E5. */
final class Multipliers {
  private Multipliers() {}

  /** Returns the multiplier without exponent or trailing zeros, e.g. "100000", "0.5". */
  static String label(double multiplier) {
    return BigDecimal.valueOf(multiplier).stripTrailingZeros().toPlainString();
  }
}
