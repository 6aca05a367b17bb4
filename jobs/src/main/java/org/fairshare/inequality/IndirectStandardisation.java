package org.fairshare.inequality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Indirectly standardised ratios and rates (PHEindicatormethods {@code calculate_ISRatio}, {@code
 * calculate_ISRate}): observed over expected events, expected from reference rates per stratum.
 */
public final class IndirectStandardisation {
  private IndirectStandardisation() {}

  /** Which statistic to return. */
  public enum Statistic {
    /** O / E x reference value (1, or 100 for the "SMR x 100" convention). */
    RATIO,
    /** O / E x reference rate (sum of reference counts / sum of reference populations). */
    RATE
  }

  /**
   * Input columns, one row per group and stratum (age band); the caller joins the reference counts
   * and populations onto the local rows.
   *
   * @param count observed events (null is 0; negative fails the job)
   * @param population local population (null is 0; zero allowed)
   * @param referenceCount reference (e.g. national) events in the stratum
   * @param referencePopulation reference population in the stratum
   */
  public record Inputs(
      String count, String population, String referenceCount, String referencePopulation) {}

  private static final String RATE_PART = "isr_reference_rate_part";
  private static final String REF_COUNT = "isr_reference_count";
  private static final String REF_POP = "isr_reference_population";

  /**
   * Returns one row per group: the grouping columns, observed, expected = sum(X / N x n), ref_rate
   * (RATE only: sum X / sum N x multiplier), value, lower_ci, upper_ci (exact Poisson limits of O
   * below 10 events, Byar's otherwise, divided by E and scaled like the value), confidence,
   * statistic and method. No small-number suppression, as PHE.
   *
   * @param multiplier the reference value for RATIO (1 or 100), the rate multiplier for RATE
   */
  public static Dataset<Row> indirectlyStandardised(
      Dataset<Row> input,
      List<String> groupBy,
      Inputs inputs,
      Statistic statistic,
      double multiplier,
      double confidence) {
    double c = Confidence.normalise(confidence);
    Column x =
        InputChecks.nonNegative(
            coalesce(col(inputs.count()).cast("double"), lit(0.0)), "count " + inputs.count());
    Column n =
        InputChecks.nonNegative(
            coalesce(col(inputs.population()).cast("double"), lit(0.0)), "population");
    Column refX =
        InputChecks.nonNegative(
            coalesce(col(inputs.referenceCount()).cast("double"), lit(0.0)), "reference count");
    Column refN =
        InputChecks.nonNegative(
            coalesce(col(inputs.referencePopulation()).cast("double"), lit(0.0)),
            "reference population");
    Column[] keys = groupBy.stream().map(g -> col(g)).toArray(Column[]::new);
    Dataset<Row> totals =
        input
            .groupBy(keys)
            .agg(
                sum(x).as(IndicatorColumns.OBSERVED),
                sum(coalesce(try_divide(refX, refN), lit(0.0)).multiply(n))
                    .as(IndicatorColumns.EXPECTED),
                sum(refX).as(REF_COUNT),
                sum(refN).as(REF_POP));
    Column o = col(IndicatorColumns.OBSERVED);
    Column e = col(IndicatorColumns.EXPECTED);
    Column refRate = col(REF_COUNT).divide(col(REF_POP)).multiply(multiplier);
    Column factor = statistic == Statistic.RATIO ? lit(multiplier) : refRate;
    List<Column> out = new ArrayList<>();
    groupBy.forEach(g -> out.add(col(g)));
    out.add(o);
    out.add(e);
    out.add(
        (statistic == Statistic.RATE ? refRate : lit(null).cast("double"))
            .as(IndicatorColumns.REFERENCE_RATE));
    out.add(try_divide(o, e).multiply(factor).as(IndicatorColumns.VALUE));
    out.add(
        try_divide(PoissonLimits.lower(o, c), e).multiply(factor).as(IndicatorColumns.LOWER_CI));
    out.add(
        try_divide(PoissonLimits.upper(o, c), e).multiply(factor).as(IndicatorColumns.UPPER_CI));
    out.add(lit(c).as(IndicatorColumns.CONFIDENCE));
    out.add(
        lit(statistic == Statistic.RATIO
                ? "indirectly standardised ratio x " + Multipliers.label(multiplier)
                : "indirectly standardised rate per " + Multipliers.label(multiplier))
            .as(IndicatorColumns.STATISTIC));
    out.add(PoissonLimits.method(o).as(IndicatorColumns.METHOD));
    return totals.select(out.toArray(Column[]::new));
  }
}
