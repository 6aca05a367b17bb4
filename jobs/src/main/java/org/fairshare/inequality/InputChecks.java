package org.fairshare.inequality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * Input validation as column expressions: a bad value fails the Spark job with an error that names
 * the input and the value, without collecting anything to the driver. The check runs when the
 * result is computed.
 */
final class InputChecks {
  private InputChecks() {}

  /** Returns the value, or fails the job when it is negative; nulls pass through. */
  static Column nonNegative(Column value, String what) {
    return failWhen(value.lt(0), value, what + " must be >= 0");
  }

  /** Returns the value, or fails the job when it is null, zero or negative. */
  static Column positive(Column value, String what) {
    return failWhen(value.isNull().or(value.leq(0)), value, what + " must be present and > 0");
  }

  /** Returns the value, or fails the job when it is null or negative. */
  static Column presentNonNegative(Column value, String what) {
    return failWhen(value.isNull().or(value.lt(0)), value, what + " must be present and >= 0");
  }

  /** Returns the value, or fails the job when it is outside [low, high]; nulls pass through. */
  static Column within(Column value, double low, double high, String what) {
    return failWhen(
        value.lt(low).or(value.gt(high)), value, what + " must be between " + low + " and " + high);
  }

  /**
   * Returns a filter condition that is true, or fails the job with the message and the value when
   * the test holds: for checks on columns that the result does not otherwise depend on.
   */
  static Column require(Column test, Column value, String message) {
    Column shown = concat(lit(message + ", got "), shown(value));
    return when(test, raise_error(shown)).otherwise(lit(true));
  }

  /** Returns the value as text for an error message, "null" when missing. */
  private static Column shown(Column value) {
    return coalesce(value.cast(DataTypes.StringType), lit("null"));
  }

  /** Returns the value, or fails the job with the message and the value when the test holds. */
  static Column failWhen(Column test, Column value, String message) {
    Column shown = concat(lit(message + ", got "), shown(value));
    return when(test, raise_error(shown)).otherwise(value);
  }
}
