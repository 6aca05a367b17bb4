package org.fairshare.inequality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Proportions per group with Wilson score limits (PHEindicatormethods {@code phe_proportion}). */
public final class Proportion {
  private Proportion() {}

  /**
   * Returns one row per group: the grouping columns, numerator and denominator (summed), value =
   * numerator / denominator x multiplier (1 for 0-1, 100 for a percentage), Wilson lower_ci and
   * upper_ci on the same scale, confidence and method "Wilson". A group with a missing numerator or
   * denominator gets null outputs.
   *
   * @param numerator successes; negative values, or more than the denominator, fail the job
   * @param denominator trials; zero or negative values fail the job
   */
  public static Dataset<Row> proportions(
      Dataset<Row> input,
      List<String> groupBy,
      String numerator,
      String denominator,
      double multiplier,
      double confidence) {
    double c = Confidence.normalise(confidence);
    Column x = InputChecks.nonNegative(col(numerator), "numerator " + numerator);
    Column n =
        InputChecks.failWhen(
            col(denominator).leq(0),
            col(denominator),
            "denominator " + denominator + " must be > 0");
    Dataset<Row> sums = GroupedSums.numeratorAndDenominator(input, groupBy, x, n);
    Column pop = col(IndicatorColumns.DENOMINATOR);
    Column successes =
        InputChecks.failWhen(
            col(IndicatorColumns.NUMERATOR).gt(pop),
            col(IndicatorColumns.NUMERATOR),
            "numerator must not exceed the denominator for a proportion");
    List<Column> out = new ArrayList<>();
    groupBy.forEach(g -> out.add(col(g)));
    out.add(successes.as(IndicatorColumns.NUMERATOR));
    out.add(pop);
    out.add(successes.divide(pop).multiply(multiplier).as(IndicatorColumns.VALUE));
    out.add(
        WilsonLimits.lower(successes, pop, c).multiply(multiplier).as(IndicatorColumns.LOWER_CI));
    out.add(
        WilsonLimits.upper(successes, pop, c).multiply(multiplier).as(IndicatorColumns.UPPER_CI));
    out.add(lit(c).as(IndicatorColumns.CONFIDENCE));
    out.add(
        lit(multiplier == 100 ? "percentage" : "proportion of " + Multipliers.label(multiplier))
            .as(IndicatorColumns.STATISTIC));
    out.add(lit(WilsonLimits.WILSON).as(IndicatorColumns.METHOD));
    return sums.select(out.toArray(Column[]::new));
  }
}
