package org.fairshare.config;

import java.util.function.Predicate;

/**
 * One configuration key: its name, default, meaning and the test its value must pass.
 *
 * @param expected what a valid value looks like, for error messages
 */
public record ConfigKey(
    String name, String defaultValue, String doc, String expected, Predicate<String> valid) {

  static ConfigKey text(String name, String defaultValue, String doc) {
    return new ConfigKey(name, defaultValue, doc, "any text", v -> true);
  }

  static ConfigKey nonEmpty(String name, String defaultValue, String doc) {
    return new ConfigKey(name, defaultValue, doc, "a non-empty value", v -> !v.isBlank());
  }

  static ConfigKey integer(String name, String defaultValue, String doc, long min, long max) {
    return new ConfigKey(
        name,
        defaultValue,
        doc,
        "a whole number (plain digits) from " + min + " to " + max,
        v -> {
          if (!PlainNumbers.isInteger(v.trim())) {
            return false;
          }
          try {
            long n = Long.parseLong(v.trim());
            return n >= min && n <= max;
          } catch (NumberFormatException e) {
            return false;
          }
        });
  }

  static ConfigKey decimal(String name, String defaultValue, String doc, double min, double max) {
    return new ConfigKey(
        name,
        defaultValue,
        doc,
        "a plain decimal number (e.g. 0.05 or 1.0E-3) from " + min + " to " + max,
        v -> {
          if (!PlainNumbers.isDecimal(v.trim())) {
            return false;
          }
          try {
            double d = Double.parseDouble(v.trim());
            return d >= min && d <= max;
          } catch (NumberFormatException e) {
            return false;
          }
        });
  }

  /** A financial year YYYY-YY whose second year follows the first, e.g. 2025-26 or 2099-00. */
  static ConfigKey financialYear(String name, String defaultValue, String doc) {
    return new ConfigKey(
        name,
        defaultValue,
        doc,
        "YYYY-YY with YY the year after YYYY, e.g. 2025-26",
        ConfigKey::isFinancialYear);
  }

  private static boolean isFinancialYear(String v) {
    if (!v.matches("[0-9]{4}-[0-9]{2}")) {
      return false;
    }
    int start = Integer.parseInt(v.substring(0, 4));
    return (start + 1) % 100 == Integer.parseInt(v.substring(5));
  }

  static ConfigKey oneOf(String name, String defaultValue, String doc, String... allowed) {
    java.util.Set<String> set = java.util.Set.of(allowed);
    return new ConfigKey(
        name, defaultValue, doc, "one of " + String.join(", ", allowed), set::contains);
  }

  static ConfigKey matching(String name, String defaultValue, String doc, String regex) {
    return new ConfigKey(name, defaultValue, doc, "text matching " + regex, v -> v.matches(regex));
  }
}
