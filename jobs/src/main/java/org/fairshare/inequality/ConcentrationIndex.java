package org.fairshare.inequality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Concentration index of a health or health-care variable over grouped data ranked from most to
 * least disadvantaged (Kakwani, Wagstaff and van Doorslaer 1997), with its delta-method standard
 * error and the Wagstaff (2005) and Erreygers (2009) corrections for bounded variables.
 */
public final class ConcentrationIndex {
  private ConcentrationIndex() {}

  /**
   * Input columns, one row per group and ranked subgroup (e.g. IMD decile).
   *
   * @param order rank of the subgroup, 1 = most disadvantaged; ties share a mid-point rank
   * @param population subgroup population (weights)
   * @param mean subgroup mean of the variable (e.g. activity per head)
   * @param variance within-subgroup variance of the variable, or null (first SE term only)
   * @param sampleSize column of the sample size n behind the estimates, or null to use the total
   *     population (administrative whole-population data)
   */
  public record Inputs(
      String order, String population, String mean, String variance, String sampleSize) {}

  /**
   * Bounds of a bounded variable for the Wagstaff and Erreygers corrections (e.g. 0 and 1 for a
   * proportion); null bounds give null corrected indices.
   */
  public record Bounds(Double lower, Double upper) {
    public static Bounds none() {
      return new Bounds(null, null);
    }
  }

  public static final String MEAN = "mean";
  public static final String WAGSTAFF = "wagstaff_index";
  public static final String ERREYGERS = "erreygers_index";
  public static final String FRACTIONAL_RANK = "fractional_rank";
  public static final String METHOD_GROUPED = "grouped concentration index, delta-method SE";

  /**
   * Returns one row per group: the grouping columns, mean (population-weighted), value (C = 2 / mu
   * x sum f_t mu_t R_t - 1; positive = concentrated among the less disadvantaged), standard_error,
   * lower_ci and upper_ci (normal), wagstaff_index = C (b - a) mu / ((b - mu)(mu - a)) and
   * erreygers_index = 4 mu C / (b - a) with their limits scaled alike (mu taken as fixed),
   * confidence and method.
   */
  public static Dataset<Row> concentrationIndex(
      Dataset<Row> input, List<String> groupBy, Inputs inputs, Bounds bounds, double confidence) {
    double c = Confidence.normalise(confidence);
    double z = Confidence.z(c);
    Column[] keys = groupBy.stream().map(g -> col(g)).toArray(Column[]::new);
    Dataset<Row> ranked =
        withFractionalRank(
            oneRowPerRank(input, groupBy, inputs), groupBy, inputs.order(), inputs.population());
    WindowSpec group = Window.partitionBy(keys);
    WindowSpec cumulative =
        Window.partitionBy(keys)
            .orderBy(col(inputs.order()))
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column n = col(inputs.population()).cast("double");
    Column f = n.divide(sum(n).over(group));
    Column y = col(inputs.mean()).cast("double");
    Column r = col(FRACTIONAL_RANK);
    Dataset<Row> withMean =
        ranked
            .withColumn("ci_f", f)
            .withColumn("ci_y", y)
            .withColumn(MEAN, sum(f.multiply(y)).over(group));
    Column mu = col(MEAN);
    Column fy = col("ci_f").multiply(col("ci_y"));
    Dataset<Row> withC =
        withMean
            .withColumn(
                IndicatorColumns.VALUE,
                sum(fy.multiply(r)).over(group).multiply(2).divide(mu).minus(1))
            .withColumn("ci_q", sum(fy).over(cumulative).divide(mu));
    Column ci = col(IndicatorColumns.VALUE);
    Column q = col("ci_q");
    Column qPrevious = q.minus(fy.divide(mu));
    Column gap = r.multiply(2).minus(1).minus(ci);
    Column at = col("ci_y").divide(mu).multiply(gap).plus(2).minus(qPrevious).minus(q);
    Column within =
        inputs.variance() == null
            ? lit(0.0)
            : col("ci_f").multiply(col(inputs.variance()).cast("double")).multiply(pow(gap, 2));
    Column sampleSize = inputs.sampleSize() == null ? n : col(inputs.sampleSize()).cast("double");
    Dataset<Row> perGroup =
        withC
            .groupBy(keys)
            .agg(
                first(mu).as(MEAN),
                first(ci).as(IndicatorColumns.VALUE),
                sum(col("ci_f").multiply(pow(at, 2))).as("ci_sum_fa2"),
                sum(within).as("ci_within"),
                (inputs.sampleSize() == null ? sum(sampleSize) : first(sampleSize)).as("ci_n"));
    Column total = col("ci_n");
    Column variance =
        col("ci_sum_fa2")
            .minus(pow(lit(1.0).plus(ci), 2))
            .divide(total)
            .plus(col("ci_within").divide(total.multiply(pow(mu, 2))));
    Column se = sqrt(variance);
    Column wagstaffScale = wagstaffScale(mu, bounds);
    Column erreygersScale = erreygersScale(mu, bounds);
    List<Column> out = new ArrayList<>();
    groupBy.forEach(g -> out.add(col(g)));
    out.add(mu);
    out.add(ci);
    out.add(se.as(IndicatorColumns.STANDARD_ERROR));
    out.add(ci.minus(se.multiply(z)).as(IndicatorColumns.LOWER_CI));
    out.add(ci.plus(se.multiply(z)).as(IndicatorColumns.UPPER_CI));
    out.add(ci.multiply(wagstaffScale).as(WAGSTAFF));
    out.add(ci.minus(se.multiply(z)).multiply(wagstaffScale).as(WAGSTAFF + "_lower_ci"));
    out.add(ci.plus(se.multiply(z)).multiply(wagstaffScale).as(WAGSTAFF + "_upper_ci"));
    out.add(ci.multiply(erreygersScale).as(ERREYGERS));
    out.add(ci.minus(se.multiply(z)).multiply(erreygersScale).as(ERREYGERS + "_lower_ci"));
    out.add(ci.plus(se.multiply(z)).multiply(erreygersScale).as(ERREYGERS + "_upper_ci"));
    out.add(lit(c).as(IndicatorColumns.CONFIDENCE));
    out.add(lit(METHOD_GROUPED).as(IndicatorColumns.METHOD));
    return perGroup.select(out.toArray(Column[]::new));
  }

  /**
   * Returns one row per group and rank: the population summed, the mean population-weighted, the
   * variance pooled (within cells plus between them) and the sample size kept, under the input's
   * column names. The delta-method standard error sums over ranks in cumulative order; over cells
   * that share a rank that order is arbitrary and the sum changed with how a rank was split (a
   * quintile split into cells even gave a negative variance).
   */
  private static Dataset<Row> oneRowPerRank(
      Dataset<Row> input, List<String> groupBy, Inputs inputs) {
    List<Column> rankKeys = new ArrayList<>();
    groupBy.forEach(g -> rankKeys.add(col(g)));
    rankKeys.add(col(inputs.order()));
    Column n = col(inputs.population()).cast("double");
    Column y = col(inputs.mean()).cast("double");
    Dataset<Row> cells =
        input.withColumn(
            "ci_cell_mean",
            sum(n.multiply(y))
                .over(Window.partitionBy(rankKeys.toArray(Column[]::new)))
                .divide(sum(n).over(Window.partitionBy(rankKeys.toArray(Column[]::new)))));
    List<Column> aggs = new ArrayList<>();
    aggs.add(sum(n).as(inputs.population()));
    aggs.add(first(col("ci_cell_mean")).as(inputs.mean()));
    if (inputs.variance() != null) {
      Column spread = pow(y.minus(col("ci_cell_mean")), 2);
      aggs.add(
          sum(n.multiply(col(inputs.variance()).cast("double").plus(spread)))
              .divide(sum(n))
              .as(inputs.variance()));
    }
    if (inputs.sampleSize() != null) {
      aggs.add(first(col(inputs.sampleSize())).as(inputs.sampleSize()));
    }
    return cells
        .groupBy(rankKeys.toArray(Column[]::new))
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
  }

  /**
   * Adds fractional_rank: the population mid-point of each subgroup's rank block, (population
   * before the block + half the block) / total, in [0, 1] from most to least disadvantaged.
   */
  public static Dataset<Row> withFractionalRank(
      Dataset<Row> input, List<String> groupBy, String order, String population) {
    Column[] keys = groupBy.stream().map(g -> col(g)).toArray(Column[]::new);
    List<Column> blockKeys = new ArrayList<>(List.of(keys));
    blockKeys.add(col(order));
    Column n = col(population).cast("double");
    Column upToBlock =
        sum(n)
            .over(
                Window.partitionBy(keys)
                    .orderBy(col(order))
                    .rangeBetween(Window.unboundedPreceding(), Window.currentRow()));
    Column block = sum(n).over(Window.partitionBy(blockKeys.toArray(Column[]::new)));
    Column total = sum(n).over(Window.partitionBy(keys));
    return input.withColumn(FRACTIONAL_RANK, upToBlock.minus(block.divide(2)).divide(total));
  }

  private static Column wagstaffScale(Column mu, Bounds bounds) {
    if (bounds.lower() == null || bounds.upper() == null) {
      return lit(null).cast("double");
    }
    double a = bounds.lower();
    double b = bounds.upper();
    return lit(b - a).multiply(mu).divide(lit(b).minus(mu).multiply(mu.minus(a)));
  }

  private static Column erreygersScale(Column mu, Bounds bounds) {
    if (bounds.lower() == null || bounds.upper() == null) {
      return lit(null).cast("double");
    }
    return mu.multiply(4).divide(bounds.upper() - bounds.lower());
  }
}
