package org.fairshare.trends;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.fairshare.inequality.Distributions;
import org.fairshare.schema.Columns;
import org.fairshare.schema.InequalityIndicators;
import org.fairshare.schema.InequalitySummary;
import org.fairshare.schema.TrendsTable;

/**
 * Series over financial years: each value with the change since the series' first year, limits of
 * the change and whether it is significant. A value's standard error is taken from its limits,
 * {@code (upper - lower) / (2 z)}, and years are treated as independent, so the change's limits are
 * {@code change +- z_alpha x sqrt(se_first^2 + se_year^2)}.
 */
public final class Trends {
  private Trends() {}

  /** Measures whose narrowing (smaller absolute value) means less inequality. */
  public static final List<String> GAP_MEASURES =
      List.of("sii", "gap_absolute", "concentration_index");

  /** Column the inputs carry with the financial year of each row. */
  private static final String YEAR = Columns.FINANCIAL_YEAR;

  /**
   * Returns the trends rows of inequality_indicators rows of several financial years (with
   * financial_year and confidence columns).
   */
  public static Dataset<Row> ofIndicators(Dataset<Row> indicators, double significanceLevel) {
    Column se = standardError(col(InequalityIndicators.CONFIDENCE));
    Dataset<Row> rows =
        indicators.select(
            lit(TrendsTable.FROM_INDICATORS).as(TrendsTable.SOURCE),
            col(InequalityIndicators.GEOGRAPHY_LEVEL),
            col(InequalityIndicators.GEOGRAPHY_CODE),
            col(InequalityIndicators.INDICATOR),
            col(InequalityIndicators.BREAKDOWN),
            col(InequalityIndicators.GROUP_VALUE),
            lit(TrendsTable.MEASURE_VALUE).as(TrendsTable.MEASURE),
            col(YEAR).as(TrendsTable.VALUE_YEAR),
            col(InequalityIndicators.VALUE),
            col(InequalityIndicators.LOWER_CI),
            col(InequalityIndicators.UPPER_CI),
            se.as("se"));
    return withChange(rows, significanceLevel);
  }

  /**
   * Returns the trends rows of inequality_summary rows of several financial years (with a
   * financial_year column); their limits are taken to be at {@code confidence}.
   */
  public static Dataset<Row> ofSummary(
      Dataset<Row> summary, double confidence, double significanceLevel) {
    Dataset<Row> rows =
        summary.select(
            lit(TrendsTable.FROM_SUMMARY).as(TrendsTable.SOURCE),
            col(InequalitySummary.GEOGRAPHY_LEVEL),
            col(InequalitySummary.GEOGRAPHY_CODE),
            col(InequalitySummary.INDICATOR),
            lit("all").as(TrendsTable.BREAKDOWN),
            lit("all").as(TrendsTable.GROUP_VALUE),
            col(InequalitySummary.MEASURE),
            col(YEAR).as(TrendsTable.VALUE_YEAR),
            col(InequalitySummary.VALUE),
            col(InequalitySummary.LOWER_CI),
            col(InequalitySummary.UPPER_CI),
            standardError(lit(confidence)).as("se"));
    return withChange(rows, significanceLevel);
  }

  /** Returns (upper - lower) / (2 z) at the limits' confidence; null without both limits. */
  private static Column standardError(Column confidence) {
    // z of a two-sided interval; a column because each indicator row carries its own level.
    Column z = normalQuantileOfTwoSided(confidence);
    return col(InequalityIndicators.UPPER_CI)
        .minus(col(InequalityIndicators.LOWER_CI))
        .divide(z.multiply(2));
  }

  private static Column normalQuantileOfTwoSided(Column confidence) {
    // The handful of levels in use are mapped exactly; others are computed from the same function.
    Column z = lit(Distributions.normalQuantile(0.975));
    for (double c : new double[] {0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.999}) {
      z =
          when(
                  abs(confidence.minus(c)).lt(1e-9),
                  lit(Distributions.normalQuantile(1 - (1 - c) / 2)))
              .otherwise(z);
    }
    return z;
  }

  private static Dataset<Row> withChange(Dataset<Row> rows, double significanceLevel) {
    List<Column> key = new ArrayList<>();
    for (String k :
        List.of(
            TrendsTable.SOURCE,
            TrendsTable.GEOGRAPHY_LEVEL,
            TrendsTable.GEOGRAPHY_CODE,
            TrendsTable.INDICATOR,
            TrendsTable.BREAKDOWN,
            TrendsTable.GROUP_VALUE,
            TrendsTable.MEASURE)) {
      key.add(col(k));
    }
    WindowSpec series =
        Window.partitionBy(key.toArray(Column[]::new))
            .orderBy(col(TrendsTable.VALUE_YEAR))
            .rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    double z = Distributions.normalQuantile(1 - significanceLevel / 2);
    Column change = col(TrendsTable.VALUE).minus(col(TrendsTable.FIRST_VALUE));
    Column seChange = sqrt(pow(col("se"), 2).plus(pow(col("first_se"), 2)));
    Column isFirst = col(TrendsTable.VALUE_YEAR).equalTo(col(TrendsTable.FIRST_YEAR));
    Column significant =
        when(isFirst, lit(false))
            .when(seChange.isNull(), lit(null).cast("boolean"))
            .otherwise(abs(change).gt(seChange.multiply(z)));
    Column narrowing =
        when(
            col(TrendsTable.MEASURE).isin(GAP_MEASURES.toArray()),
            col(TrendsTable.IS_SIGNIFICANT)
                .and(abs(col(TrendsTable.VALUE)).lt(abs(col(TrendsTable.FIRST_VALUE)))));
    return rows.withColumn(TrendsTable.FIRST_YEAR, first(col(TrendsTable.VALUE_YEAR)).over(series))
        .withColumn(TrendsTable.FIRST_VALUE, first(col(TrendsTable.VALUE)).over(series))
        .withColumn("first_se", first(col("se")).over(series))
        .withColumn(TrendsTable.CHANGE, change)
        .withColumn(
            TrendsTable.CHANGE_LOWER,
            when(isFirst, lit(0.0)).otherwise(change.minus(seChange.multiply(z))))
        .withColumn(
            TrendsTable.CHANGE_UPPER,
            when(isFirst, lit(0.0)).otherwise(change.plus(seChange.multiply(z))))
        .withColumn(TrendsTable.IS_SIGNIFICANT, significant)
        .withColumn(TrendsTable.IS_NARROWING, narrowing)
        .drop("se", "first_se");
  }
}
