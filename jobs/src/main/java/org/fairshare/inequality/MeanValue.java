package org.fairshare.inequality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Means per group with Student t limits (PHEindicatormethods {@code phe_mean}). */
public final class MeanValue {
  private MeanValue() {}

  public static final String STUDENT_T = "Student's t-distribution";

  /**
   * Returns one row per group: the grouping columns, value_sum, value_count, stdev (divisor k-1),
   * value (the mean), lower_ci and upper_ci = mean -/+ t(k-1) x stdev / sqrt(k), confidence and
   * method. Missing values are ignored; a group of one value has null limits.
   */
  public static Dataset<Row> means(
      Dataset<Row> input, List<String> groupBy, String valueColumn, double confidence) {
    double c = Confidence.normalise(confidence);
    Column y = col(valueColumn).cast("double");
    Column[] keys = groupBy.stream().map(g -> col(g)).toArray(Column[]::new);
    Dataset<Row> stats =
        input
            .groupBy(keys)
            .agg(
                sum(y).as(IndicatorColumns.VALUE_SUM),
                count(y).as(IndicatorColumns.VALUE_COUNT),
                stddev_samp(y).as(IndicatorColumns.STANDARD_DEVIATION));
    Column k = col(IndicatorColumns.VALUE_COUNT);
    Column mean = col(IndicatorColumns.VALUE_SUM).divide(k);
    Column t = Distributions.tQuantile(lit(Confidence.upperTail(c)), k.minus(1));
    Column halfWidth = t.multiply(col(IndicatorColumns.STANDARD_DEVIATION)).divide(sqrt(k));
    return stats
        .withColumn(IndicatorColumns.VALUE, mean)
        .withColumn(IndicatorColumns.LOWER_CI, mean.minus(halfWidth))
        .withColumn(IndicatorColumns.UPPER_CI, mean.plus(halfWidth))
        .withColumn(IndicatorColumns.CONFIDENCE, lit(c))
        .withColumn(IndicatorColumns.STATISTIC, lit("mean"))
        .withColumn(IndicatorColumns.METHOD, lit(STUDENT_T));
  }
}
