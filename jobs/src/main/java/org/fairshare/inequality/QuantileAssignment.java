package org.fairshare.inequality;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Assignment of areas to quantiles within groups, by OHID's method for deprivation categories
 * (PHEindicatormethods {@code phe_quantile}).
 */
public final class QuantileAssignment {
  private QuantileAssignment() {}

  /**
   * Adds an integer quantile column: within each group, values are ranked (ties share the lowest
   * rank; descending when invert is true, so the highest value gets quantile 1), and quantile =
   * floor((Q + 1) - ceil(((k + 1) - rank) / (k / Q))), 0 becoming 1, where k is the number of
   * non-missing values in the group. Null for a missing value, and for every row of a group with
   * fewer than Q values.
   *
   * @param partitionBy grouping columns (empty: one national group)
   * @param nQuantiles number of quantiles Q per row, constant within a group (e.g. lit(10))
   * @param invert whether the highest value gets quantile 1; must be constant within a group
   */
  public static Dataset<Row> withQuantile(
      Dataset<Row> input,
      List<String> partitionBy,
      String valueColumn,
      Column nQuantiles,
      Column invert,
      String outputColumn) {
    Column[] keys = partitionBy.stream().map(g -> col(g)).toArray(Column[]::new);
    Column value = col(valueColumn).cast("double");
    Column sortKey = when(invert, org.apache.spark.sql.functions.negate(value)).otherwise(value);
    WindowSpec group = Window.partitionBy(keys);
    WindowSpec ordered = Window.partitionBy(keys).orderBy(sortKey.asc_nulls_last());
    Column checkedInvert =
        InputChecks.failWhen(
            min(invert).over(group).notEqual(max(invert).over(group)).or(invert.isNull()),
            invert,
            "invert must be present and constant within each quantile group");
    Column k = count(value).over(group).cast("double");
    Column q = nQuantiles.cast("double");
    Column raw =
        floor(q.plus(1).minus(ceil(k.plus(1).minus(rank().over(ordered)).divide(k.divide(q)))));
    Column assigned = when(raw.equalTo(0), lit(1L)).otherwise(raw);
    Column quantile =
        when(value.isNotNull().and(k.geq(q)).and(checkedInvert.isNotNull()), assigned).cast("int");
    return input.withColumn(outputColumn, quantile);
  }
}
