package org.fairshare.inequality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Horizontal inequity of use over ranked groups (Wagstaff and van Doorslaer 2000; O'Donnell et al.
 * 2008, ch. 15): need-expected use by indirect standardisation (reference rates x local population,
 * summed over the rows of a rank) or as supplied, the concentration indices of use and of need, HI
 * = CI(use) - CI(need), and the concentration index of need-standardised use (use - need + mean
 * use, per head). Standard errors by the grouped delta method of Kakwani, Wagstaff and van
 * Doorslaer (1997) with n the total population, over one row per rank: rows that share a rank
 * (cells of a quintile) are summed first, so how a rank is split does not change any result.
 */
public final class HorizontalInequity {
  private HorizontalInequity() {}

  public static final String CI_USE = "ci_use";
  public static final String CI_NEED = "ci_need";
  public static final String HI = "horizontal_inequity";
  public static final String CI_STANDARDISED = "ci_need_standardised_use";
  public static final String MEAN_USE = "mean_use";
  public static final String MEAN_NEED = "mean_need";
  public static final String METHOD =
      "grouped concentration indices (Kakwani, Wagstaff and van Doorslaer 1997), delta-method SE";

  /**
   * Input columns, one row per group, rank and cell (e.g. age band).
   *
   * @param order rank, 1 = most disadvantaged
   * @param population residents of the cell
   * @param use observed use (events) of the cell; missing counts are 0
   * @param expected need-expected use of the cell, or null to standardise indirectly
   * @param referenceUse reference (e.g. national) events of the cell's band
   * @param referencePopulation reference population of the cell's band
   */
  public record Inputs(
      String order,
      String population,
      String use,
      String expected,
      String referenceUse,
      String referencePopulation) {}

  /**
   * Returns four long rows per group (ci_use, ci_need, horizontal_inequity,
   * ci_need_standardised_use): the grouping columns, measure, value, standard_error, lower_ci,
   * upper_ci (normal), mean_use and mean_need (per head), confidence and method.
   */
  public static Dataset<Row> horizontalInequity(
      Dataset<Row> input, List<String> groupBy, Inputs inputs, double confidence) {
    double c = Confidence.normalise(confidence);
    double z = Confidence.z(c);
    Column[] keys = groupBy.stream().map(g -> col(g)).toArray(Column[]::new);
    List<Column> rankKeys = new ArrayList<>(List.of(keys));
    rankKeys.add(col(inputs.order()));
    Column pop =
        InputChecks.presentNonNegative(col(inputs.population()).cast("double"), "population");
    Column use =
        InputChecks.nonNegative(coalesce(col(inputs.use()).cast("double"), lit(0.0)), "use");
    Column need =
        inputs.expected() != null
            ? InputChecks.presentNonNegative(col(inputs.expected()).cast("double"), "expected use")
            : InputChecks.presentNonNegative(
                    col(inputs.referenceUse()).cast("double"), "reference use")
                .divide(
                    InputChecks.positive(
                        col(inputs.referencePopulation()).cast("double"), "reference population"))
                .multiply(pop);
    Dataset<Row> ranks =
        input
            .filter(
                InputChecks.require(
                    col(inputs.order()).isNull(),
                    col(inputs.order()),
                    "every row needs a rank ('" + inputs.order() + "')"))
            .groupBy(rankKeys.toArray(Column[]::new))
            .agg(sum(pop).as("hi_n"), sum(use).as("hi_use"), sum(need).as("hi_need"))
            .filter(
                InputChecks.require(
                    col("hi_n").leq(0), col("hi_n"), "a rank's population must be > 0"));
    WindowSpec group = Window.partitionBy(keys);
    Dataset<Row> perHead =
        ConcentrationIndex.withFractionalRank(ranks, groupBy, inputs.order(), "hi_n")
            .withColumn("hi_f", col("hi_n").divide(sum(col("hi_n")).over(group)))
            .withColumn("hi_u", col("hi_use").divide(col("hi_n")))
            .withColumn("hi_e", col("hi_need").divide(col("hi_n")))
            .withColumn("hi_mu_u", sum(col("hi_f").multiply(col("hi_u"))).over(group))
            .withColumn("hi_s", col("hi_u").minus(col("hi_e")).plus(col("hi_mu_u")));
    Dataset<Row> withA = perHead;
    for (String v : List.of("u", "e", "s")) {
      withA = withScores(withA, groupBy, inputs.order(), v);
    }
    Column f = col("hi_f");
    Column diff = col("hi_a_u").minus(col("hi_a_e"));
    Dataset<Row> perGroup =
        withA
            .groupBy(keys)
            .agg(
                sum(col("hi_n")).as("hi_total"),
                first(col("hi_mu_u")).as(MEAN_USE),
                first(col("hi_mu_e")).as(MEAN_NEED),
                first(col("hi_c_u")).as("hi_c_u"),
                first(col("hi_c_e")).as("hi_c_e"),
                first(col("hi_c_s")).as("hi_c_s"),
                sum(f.multiply(pow(col("hi_a_u"), 2))).as("hi_faa_u"),
                sum(f.multiply(pow(col("hi_a_e"), 2))).as("hi_faa_e"),
                sum(f.multiply(pow(col("hi_a_s"), 2))).as("hi_faa_s"),
                sum(f.multiply(pow(diff, 2))).as("hi_fdd"));
    Column n = col("hi_total");
    Column hi = col("hi_c_u").minus(col("hi_c_e"));
    List<Column> rows =
        List.of(
            row(CI_USE, col("hi_c_u"), variance(col("hi_faa_u"), col("hi_c_u").plus(1), n), z),
            row(CI_NEED, col("hi_c_e"), variance(col("hi_faa_e"), col("hi_c_e").plus(1), n), z),
            row(HI, hi, variance(col("hi_fdd"), hi, n), z),
            row(
                CI_STANDARDISED,
                col("hi_c_s"),
                variance(col("hi_faa_s"), col("hi_c_s").plus(1), n),
                z));
    List<Column> out = new ArrayList<>();
    groupBy.forEach(g -> out.add(col(g)));
    out.add(col("hi_m.measure").as(IndicatorColumns.MEASURE));
    out.add(col("hi_m.value").as(IndicatorColumns.VALUE));
    out.add(col("hi_m.se").as(IndicatorColumns.STANDARD_ERROR));
    out.add(col("hi_m.lower").as(IndicatorColumns.LOWER_CI));
    out.add(col("hi_m.upper").as(IndicatorColumns.UPPER_CI));
    out.add(col(MEAN_USE));
    out.add(col(MEAN_NEED));
    out.add(lit(c).as(IndicatorColumns.CONFIDENCE));
    out.add(lit(METHOD).as(IndicatorColumns.METHOD));
    return perGroup
        .withColumn(
            "hi_m",
            org.apache.spark.sql.functions.explode(
                org.apache.spark.sql.functions.array(rows.toArray(Column[]::new))))
        .select(out.toArray(Column[]::new));
  }

  /**
   * Adds, for the per-head variable hi_v, its group mean hi_mu_v, concentration index hi_c_v = 2 /
   * mu x sum f_t v_t R_t - 1 and each rank's score hi_a_v = (v_t / mu)(2 R_t - 1 - C) + 2 - q_{t-1}
   * - q_t, q_t the cumulative share of the variable; sum f a = 1 + C, and KWvD's variance is (sum f
   * a^2 - (1 + C)^2) / n.
   */
  private static Dataset<Row> withScores(
      Dataset<Row> ranks, List<String> groupBy, String order, String v) {
    Column[] keys = groupBy.stream().map(g -> col(g)).toArray(Column[]::new);
    WindowSpec group = Window.partitionBy(keys);
    WindowSpec upTo =
        Window.partitionBy(keys)
            .orderBy(col(order))
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column f = col("hi_f");
    Column y = col("hi_" + v);
    Column r = col(ConcentrationIndex.FRACTIONAL_RANK);
    String mu = "hi_mu_" + v;
    String ci = "hi_c_" + v;
    Dataset<Row> withMean = ranks.withColumn(mu, sum(f.multiply(y)).over(group));
    Column m = col(mu);
    Dataset<Row> withC =
        withMean
            .withColumn(
                ci, sum(f.multiply(y).multiply(r)).over(group).multiply(2).divide(m).minus(1))
            .withColumn("hi_q_" + v, sum(f.multiply(y)).over(upTo).divide(m));
    Column q = col("hi_q_" + v);
    Column qBefore = q.minus(f.multiply(y).divide(m));
    return withC.withColumn(
        "hi_a_" + v,
        y.divide(m)
            .multiply(r.multiply(2).minus(1).minus(col(ci)))
            .plus(2)
            .minus(qBefore)
            .minus(q));
  }

  /** Returns KWvD's grouped variance (sum f a^2 - (sum f a)^2) / n. */
  private static Column variance(Column sumFaa, Column sumFa, Column n) {
    return sumFaa.minus(pow(sumFa, 2)).divide(n);
  }

  private static Column row(String measure, Column value, Column variance, double z) {
    Column se = sqrt(variance);
    return struct(
        lit(measure).as("measure"),
        value.as("value"),
        se.as("se"),
        value.minus(se.multiply(z)).as("lower"),
        value.plus(se.multiply(z)).as("upper"));
  }
}
