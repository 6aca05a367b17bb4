package org.fairshare.inequality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Numerator and denominator sums per group with PHE's missing-value rule for rates and proportions:
 * a group with any missing numerator (or denominator) gets a missing sum, never a sum of the rest.
 */
final class GroupedSums {
  private GroupedSums() {}

  /** Returns groupBy columns plus numerator and denominator (double) summed per group. */
  static Dataset<Row> numeratorAndDenominator(
      Dataset<Row> input, List<String> groupBy, Column numerator, Column denominator) {
    Column[] keys = groupBy.stream().map(c -> col(c)).toArray(Column[]::new);
    return input
        .groupBy(keys)
        .agg(
            sumOrNull(numerator.cast("double")).as(IndicatorColumns.NUMERATOR),
            sumOrNull(denominator.cast("double")).as(IndicatorColumns.DENOMINATOR));
  }

  /** Returns the sum of the column, or null when any value in the group is null. */
  static Column sumOrNull(Column value) {
    return when(count(lit(1)).equalTo(count(value)), sum(value));
  }
}
