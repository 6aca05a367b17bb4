package org.fairshare.schema;

import java.util.List;

/**
 * A data-quality rule declared as data, interpreted by the validator. Contracts list their checks;
 * nothing in a contract runs.
 */
public sealed interface Check {

  /** What a failure does: ERROR quarantines the row and counts towards the run's threshold. */
  enum Severity {
    ERROR,
    WARNING
  }

  String id();

  Severity severity();

  String description();

  /** The value must be present. */
  record NotNull(String column) implements Check {
    public String id() {
      return "not_null_" + column;
    }

    public Severity severity() {
      return Severity.ERROR;
    }

    public String description() {
      return column + " must be present";
    }
  }

  /**
   * A blank value is zero for its row alone, as the publisher's own tools sum the column: the row
   * is kept, and a warning names it by the contract's key.
   */
  record BlankIsZero(String column) implements Check {
    public String id() {
      return "blank_is_zero_" + column;
    }

    public Severity severity() {
      return Severity.WARNING;
    }

    public String description() {
      return column + " is given (a blank counts as 0 for its row only)";
    }
  }

  /** The value must lie within [min, max]; a null bound is open. NaN and infinity always fail. */
  record Range(String column, Double min, Double max) implements Check {
    public String id() {
      return "range_" + column;
    }

    public Severity severity() {
      return Severity.ERROR;
    }

    public String description() {
      return column
          + " must be within ["
          + (min == null ? "-inf" : min)
          + ", "
          + (max == null ? "+inf" : max)
          + "]";
    }
  }

  /** The value must be one of a fixed set. */
  record OneOf(String column, List<String> allowed) implements Check {
    public String id() {
      return "allowed_" + column;
    }

    public Severity severity() {
      return Severity.ERROR;
    }

    public String description() {
      return column + " must be one of " + allowed;
    }
  }

  /** The value must match the regular expression held by a config key (codes differ by vintage). */
  record MatchesConfiguredPattern(String column, String patternKey) implements Check {
    public String id() {
      return "format_" + column;
    }

    public Severity severity() {
      return Severity.ERROR;
    }

    public String description() {
      return column + " must match the pattern in config key " + patternKey;
    }
  }

  /** The value must match a fixed regular expression. */
  record Matches(String column, String regex) implements Check {
    public String id() {
      return "format_" + column;
    }

    public Severity severity() {
      return Severity.ERROR;
    }

    public String description() {
      return column + " must match " + regex;
    }
  }

  /**
   * The columns must name a row of another dataset (referential integrity). With {@code
   * positiveColumn}, that row must also have a value above zero there.
   */
  record References(
      String id,
      Severity severity,
      List<String> columns,
      String dataset,
      List<String> targetColumns,
      String positiveColumn)
      implements Check {
    public String description() {
      return columns
          + " must exist in "
          + dataset
          + targetColumns
          + (positiveColumn == null ? "" : " with " + positiveColumn + " > 0");
    }
  }

  /** Within each group, the column must add up to the target (a dataset-level warning). */
  record SumsTo(String column, List<String> groupColumns, double target, double tolerance)
      implements Check {
    public String id() {
      return "sums_to_" + column;
    }

    public Severity severity() {
      return Severity.WARNING;
    }

    public String description() {
      return column + " must add up to " + target + " (+/- " + tolerance + ") per " + groupColumns;
    }
  }
}
