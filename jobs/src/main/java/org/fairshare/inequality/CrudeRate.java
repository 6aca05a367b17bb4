package org.fairshare.inequality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Crude rates per group with exact Poisson limits below 10 events and Byar's limits otherwise
 * (PHEindicatormethods {@code phe_rate}).
 */
public final class CrudeRate {
  private CrudeRate() {}

  /**
   * Returns one row per group: the grouping columns, numerator and denominator (summed), value =
   * numerator / denominator x multiplier, lower_ci, upper_ci, confidence and method (Exact or
   * Byars). A group with a missing numerator or denominator gets null outputs.
   *
   * @param groupBy grouping columns (empty: one row for the whole input)
   * @param numerator event-count column; negative counts fail the job
   * @param denominator population column; zero or negative values fail the job
   * @param multiplier e.g. 100000 for a rate per 100,000
   */
  public static Dataset<Row> crudeRates(
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
    Column o = col(IndicatorColumns.NUMERATOR);
    Column pop = col(IndicatorColumns.DENOMINATOR);
    List<Column> out = new ArrayList<>();
    groupBy.forEach(g -> out.add(col(g)));
    out.add(o);
    out.add(pop);
    out.add(o.divide(pop).multiply(multiplier).as(IndicatorColumns.VALUE));
    out.add(
        PoissonLimits.lower(o, c).divide(pop).multiply(multiplier).as(IndicatorColumns.LOWER_CI));
    out.add(
        PoissonLimits.upper(o, c).divide(pop).multiply(multiplier).as(IndicatorColumns.UPPER_CI));
    out.add(lit(c).as(IndicatorColumns.CONFIDENCE));
    out.add(lit("rate per " + Multipliers.label(multiplier)).as(IndicatorColumns.STATISTIC));
    out.add(PoissonLimits.method(o).as(IndicatorColumns.METHOD));
    return sums.select(out.toArray(Column[]::new));
  }
}
