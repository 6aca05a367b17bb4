package org.fairshare.config;

import java.util.regex.Pattern;

/**
 * The number forms a configuration value may take: ASCII digits in plain decimal notation. Java's
 * own parsers accept more (hex floats, NaN, Infinity, 'd' and 'f' suffixes, a leading '+',
 * full-width and other Unicode digits), none of which a person writing a config file means.
 */
public final class PlainNumbers {
  private PlainNumbers() {}

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

  /** Digits with an optional point and an optional exponent: 0.001, .5, 10, 1.0E-3. */
  private static final Pattern DECIMAL =
      Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?");

  /** Returns whether the text is a whole number in plain decimal notation, e.g. -12 or 2024. */
  public static boolean isInteger(String text) {
    return INTEGER.matcher(text).matches();
  }

  /** Returns whether the text is a plain decimal number, e.g. 0.05, 3 or 1.0E-3. */
  public static boolean isDecimal(String text) {
    return DECIMAL.matcher(text).matches();
  }
}
