package org.fairshare.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A double as a person reads it on a terminal: four significant figures, whole numbers kept whole.
 * A double printed in full shows 17 digits of binary noise ({@code 0.30000000000000004}, {@code
 * 325.6277860032579}); the files a command writes keep every digit.
 */
final class ReadableNumber {
  private ReadableNumber() {}

  /** Significant figures shown: enough to tell an indicator's value from its limits. */
  static final int FIGURES = 4;

  /** Returns the value to four significant figures (half up), or whole when it is larger. */
  static String of(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal d = BigDecimal.valueOf(value);
    int wholeDigits = d.precision() - d.scale();
    BigDecimal shown =
        wholeDigits >= FIGURES
            ? d.setScale(0, RoundingMode.HALF_UP)
            : d.round(new MathContext(FIGURES, RoundingMode.HALF_UP));
    return shown.stripTrailingZeros().toPlainString();
  }
}
