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
        "a whole number from " + min + " to " + max,
        v -> {
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
        "a number from " + min + " to " + max,
        v -> {
          try {
            double d = Double.parseDouble(v.trim());
            return d >= min && d <= max;
          } catch (NumberFormatException e) {
            return false;
          }
        });
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
