package org.fairshare.inequality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Directly standardised rates with Dobson limits (PHEindicatormethods {@code calculate_dsr}), on
 * ESP2013 ({@link Esp2013#weight}) or any standard population supplied as a column.
 */
public final class DirectStandardisation {
  private DirectStandardisation() {}

  public static final String DOBSON = "Dobson";
  public static final String DOBSON_NON_INDEPENDENT =
      "Dobson, with confidence adjusted for non-independent events";

  /** Total counts below this suppress the value and limits, as PHE does. */
  public static final int MIN_TOTAL_COUNT = 10;

  /**
   * Input columns.
   *
   * @param count events in the stratum (independent events), or individuals with {@code
   *     eventFrequency} events each; null counts are 0
   * @param population stratum population, present and > 0
   * @param standardPopulation standard population weight, present and >= 0
   * @param ageBand stratum (age band) column; required with {@code eventFrequency}, else optional
   *     (without it every row is its own stratum)
   * @param eventFrequency events per individual (non-independent events), or null for independent
   *     events
   */
  public record Inputs(
      String count,
      String population,
      String standardPopulation,
      String ageBand,
      String eventFrequency) {

    /** Returns inputs for independent events, one row per stratum. */
    public static Inputs independent(String count, String population, String standardPopulation) {
      return new Inputs(count, population, standardPopulation, null, null);
    }
  }

  private static final String EVENTS = "dsr_events";
  private static final String VARIANCE_TERM = "dsr_variance_term";
  private static final String POP = "dsr_population";
  private static final String STD = "dsr_standard_population";

  /**
   * Returns one row per group: the grouping columns, numerator (total events), denominator (total
   * population), value = sum(w x / n) / sum(w) x multiplier, Dobson lower_ci and upper_ci,
   * confidence, statistic and method. Groups with fewer than 10 events get null value and limits
   * and statistic "dsr NA for total count < 10". With an event frequency the variance is Dobson's
   * with sum over f of f^2 x the variance of the frequency-f individuals.
   */
  public static Dataset<Row> directlyStandardisedRates(
      Dataset<Row> input,
      List<String> groupBy,
      Inputs inputs,
      double multiplier,
      double confidence) {
    double c = Confidence.normalise(confidence);
    if (inputs.eventFrequency() != null && inputs.ageBand() == null) {
      throw new IllegalArgumentException(
          "non-independent events need the age band column to find each band's population");
    }
    Column x =
        InputChecks.nonNegative(
            coalesce(col(inputs.count()).cast("double"), lit(0.0)), "count " + inputs.count());
    Column n = InputChecks.positive(col(inputs.population()).cast("double"), "population");
    Column w =
        InputChecks.presentNonNegative(
            col(inputs.standardPopulation()).cast("double"), "standard population");
    Column f =
        inputs.eventFrequency() == null
            ? lit(1.0)
            : InputChecks.positive(col(inputs.eventFrequency()).cast("double"), "event frequency");
    Dataset<Row> bands = strata(input, groupBy, inputs, x, n, w, f);

    Column[] keys = groupBy.stream().map(g -> col(g)).toArray(Column[]::new);
    Dataset<Row> totals =
        bands
            .groupBy(keys)
            .agg(
                sum(col(EVENTS)).as(IndicatorColumns.NUMERATOR),
                sum(col(POP)).as(IndicatorColumns.DENOMINATOR),
                sum(col(STD)).as(STD),
                sum(col(STD).multiply(col(EVENTS)).divide(col(POP))).as(EVENTS),
                sum(col(VARIANCE_TERM).multiply(pow(col(STD).divide(col(POP)), 2)))
                    .as(VARIANCE_TERM));

    Column o = col(IndicatorColumns.NUMERATOR);
    Column dsr = col(EVENTS).divide(col(STD)).multiply(multiplier);
    Column variance = col(VARIANCE_TERM).divide(pow(col(STD), 2));
    Column scale = sqrt(variance.divide(o)).multiply(multiplier);
    Column shown = o.geq(MIN_TOTAL_COUNT);
    List<Column> out = new ArrayList<>();
    groupBy.forEach(g -> out.add(col(g)));
    out.add(o);
    out.add(col(IndicatorColumns.DENOMINATOR));
    out.add(when(shown, dsr).as(IndicatorColumns.VALUE));
    out.add(
        when(shown, dsr.plus(scale.multiply(PoissonLimits.byarLower(o, c).minus(o))))
            .as(IndicatorColumns.LOWER_CI));
    out.add(
        when(shown, dsr.plus(scale.multiply(PoissonLimits.byarUpper(o, c).minus(o))))
            .as(IndicatorColumns.UPPER_CI));
    out.add(lit(c).as(IndicatorColumns.CONFIDENCE));
    out.add(
        when(shown, lit("dsr per " + Multipliers.label(multiplier)))
            .otherwise(lit("dsr NA for total count < " + MIN_TOTAL_COUNT))
            .as(IndicatorColumns.STATISTIC));
    out.add(
        lit(inputs.eventFrequency() == null ? DOBSON : DOBSON_NON_INDEPENDENT)
            .as(IndicatorColumns.METHOD));
    return totals.select(out.toArray(Column[]::new));
  }

  /** Returns one row per group and stratum: events, variance term, population and standard. */
  private static Dataset<Row> strata(
      Dataset<Row> input,
      List<String> groupBy,
      Inputs inputs,
      Column x,
      Column n,
      Column w,
      Column f) {
    if (inputs.ageBand() == null) {
      List<Column> cols = new ArrayList<>();
      groupBy.forEach(g -> cols.add(col(g)));
      cols.add(f.multiply(x).as(EVENTS));
      cols.add(f.multiply(f).multiply(x).as(VARIANCE_TERM));
      cols.add(n.as(POP));
      cols.add(w.as(STD));
      return input.select(cols.toArray(Column[]::new));
    }
    List<Column> keys = new ArrayList<>();
    groupBy.forEach(g -> keys.add(col(g)));
    keys.add(col(inputs.ageBand()));
    Dataset<Row> perBand =
        input
            .groupBy(keys.toArray(Column[]::new))
            .agg(
                sum(f.multiply(x)).as(EVENTS),
                sum(f.multiply(f).multiply(x)).as(VARIANCE_TERM),
                min(n).as(POP),
                max(n).as("dsr_max_population"),
                min(w).as(STD),
                max(w).as("dsr_max_standard"));
    Column pop =
        InputChecks.failWhen(
            col(POP).notEqual(col("dsr_max_population")),
            col(POP),
            "each group and age band must have a single population");
    Column std =
        InputChecks.failWhen(
            col(STD).notEqual(col("dsr_max_standard")),
            col(STD),
            "each group and age band must have a single standard population");
    return perBand
        .withColumn(POP, pop)
        .withColumn(STD, std)
        .drop("dsr_max_population", "dsr_max_standard");
  }
}
