package org.fairshare.publish;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.try_divide;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.schema.InequalityIndicators;
import org.fairshare.schema.Money;
import org.fairshare.schema.PlaceAllocationsTable;

/**
 * What changed between two runs: allocation changes per place and stream in GBP and percent, and
 * indicators whose new value lies outside the earlier run's confidence interval.
 */
public final class RunDiff {
  private RunDiff() {}

  public static final String FROM_GBP = "from_gbp";
  public static final String TO_GBP = "to_gbp";
  public static final String CHANGE_GBP = "change_gbp";
  public static final String CHANGE_PCT = "change_pct";

  public static final String FROM_VALUE = "from_value";
  public static final String FROM_LOWER_CI = "from_lower_ci";
  public static final String FROM_UPPER_CI = "from_upper_ci";
  public static final String TO_VALUE = "to_value";
  public static final String TO_LOWER_CI = "to_lower_ci";
  public static final String TO_UPPER_CI = "to_upper_ci";
  public static final String CHANGE = "change";
  public static final String IS_OUTSIDE_BOTH_CIS = "is_outside_both_cis";

  /**
   * Returns one row per ICB, place and stream of either run's first-year allocations: icb_code,
   * place_code, stream, from_gbp, to_gbp, change_gbp (to - from, GBP to the penny; a place in one
   * run only counts as 0 in the other) and change_pct (percent of from to two decimal places, half
   * up; null when from is 0).
   */
  public static Dataset<Row> allocationChanges(Dataset<Row> from, Dataset<Row> to) {
    List<String> key =
        List.of(
            PlaceAllocationsTable.ICB_CODE,
            PlaceAllocationsTable.PLACE_CODE,
            PlaceAllocationsTable.STREAM);
    Dataset<Row> joined =
        firstYear(from, FROM_GBP)
            .join(firstYear(to, TO_GBP), key.toArray(String[]::new), "full_outer");
    Column f = coalesce(col(FROM_GBP), lit(0).cast(Money.TYPE));
    Column t = coalesce(col(TO_GBP), lit(0).cast(Money.TYPE));
    Column change = t.minus(f);
    return joined.select(
        col(PlaceAllocationsTable.ICB_CODE),
        col(PlaceAllocationsTable.PLACE_CODE),
        col(PlaceAllocationsTable.STREAM),
        col(FROM_GBP),
        col(TO_GBP),
        change.as(CHANGE_GBP),
        // Rounded in decimal: a percent to 17 digits reads as noise, and a double's 10.049999...
        // would round the wrong way.
        round(try_divide(change.multiply(lit(100)), f), 2).cast("double").as(CHANGE_PCT));
  }

  /**
   * Returns the indicators (by geography, indicator, breakdown and group, in both runs and
   * published in both) whose value in {@code to} lies outside the confidence interval of {@code
   * from}: the two values with their limits, the change, and is_outside_both_cis (the earlier value
   * is outside the later interval too).
   */
  public static Dataset<Row> indicatorMoves(Dataset<Row> from, Dataset<Row> to) {
    Dataset<Row> a =
        from.select(
            keyColumns(
                col(InequalityIndicators.VALUE).as(FROM_VALUE),
                col(InequalityIndicators.LOWER_CI).as(FROM_LOWER_CI),
                col(InequalityIndicators.UPPER_CI).as(FROM_UPPER_CI)));
    Dataset<Row> b =
        to.select(
            keyColumns(
                col(InequalityIndicators.VALUE).as(TO_VALUE),
                col(InequalityIndicators.LOWER_CI).as(TO_LOWER_CI),
                col(InequalityIndicators.UPPER_CI).as(TO_UPPER_CI)));
    Dataset<Row> joined = a.join(b, InequalityIndicators.KEY.toArray(String[]::new), "inner");
    Column outsideFrom =
        col(TO_VALUE).lt(col(FROM_LOWER_CI)).or(col(TO_VALUE).gt(col(FROM_UPPER_CI)));
    Column outsideTo =
        col(FROM_VALUE).lt(col(TO_LOWER_CI)).or(col(FROM_VALUE).gt(col(TO_UPPER_CI)));
    return joined
        .where(
            col(FROM_VALUE)
                .isNotNull()
                .and(col(TO_VALUE).isNotNull())
                .and(col(FROM_LOWER_CI).isNotNull())
                .and(col(FROM_UPPER_CI).isNotNull())
                .and(outsideFrom))
        .withColumn(CHANGE, col(TO_VALUE).minus(col(FROM_VALUE)))
        .withColumn(IS_OUTSIDE_BOTH_CIS, coalesce(outsideTo, lit(false)))
        .orderBy(abs(try_divide(col(CHANGE), col(FROM_VALUE))).desc_nulls_last());
  }

  private static Dataset<Row> firstYear(Dataset<Row> allocations, String as) {
    return allocations
        .where(col(PlaceAllocationsTable.PATH_YEAR).equalTo(1))
        .select(
            col(PlaceAllocationsTable.ICB_CODE),
            col(PlaceAllocationsTable.PLACE_CODE),
            col(PlaceAllocationsTable.STREAM),
            col(PlaceAllocationsTable.ALLOCATION_GBP).as(as));
  }

  private static Column[] keyColumns(Column... more) {
    List<Column> cols = new ArrayList<>();
    InequalityIndicators.KEY.forEach(k -> cols.add(col(k)));
    cols.addAll(List.of(more));
    return cols.toArray(Column[]::new);
  }
}
