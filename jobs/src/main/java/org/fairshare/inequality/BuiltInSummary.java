package org.fairshare.inequality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.fairshare.publish.Disclosure;
import org.fairshare.schema.InequalityIndicators;
import org.fairshare.schema.InequalitySummary;

/**
 * Summary measures of the built-in indicators across IMD deciles (SII, RII, concentration index,
 * most vs least deprived gaps), and the published form of the indicator rows.
 */
public final class BuiltInSummary {
  private BuiltInSummary() {}

  public static final int MOST_DEPRIVED = 1;
  public static final int LEAST_DEPRIVED = 10;

  public static final String GAP_ABSOLUTE_METHOD =
      "decile 1 minus decile 10, normal approximation from the decile limits";
  public static final String GAP_RELATIVE_METHOD =
      "decile 1 / decile 10, log-normal approximation from the decile limits";

  private static final String DECILE = "summary_decile";
  private static final String LOG_SE = "summary_log_se";
  private static final String SE = "summary_se";

  /** Columns that name one summary: geography and indicator. */
  private static final List<String> KEYS =
      List.of(
          InequalityIndicators.GEOGRAPHY_LEVEL,
          InequalityIndicators.GEOGRAPHY_CODE,
          InequalityIndicators.INDICATOR);

  /**
   * Returns inequality_summary rows per geography and indicator from the (unsuppressed) decile
   * rows: SII and RII (PHE, rates on the log scale, simulated limits), the concentration index
   * (grouped, delta-method limits) and gap_absolute (decile 1 - decile 10) and gap_relative (decile
   * 1 / decile 10). SII, RII and the concentration index need a positive value and limits in every
   * decile present and at least 5 deciles; other geographies and indicators get no such rows. The
   * SII is least minus most deprived end (positive: higher in less deprived areas). Indicators
   * without limits (spend per head) get values without limits.
   *
   * @param indicators rows in {@link BuiltInIndicators#INDICATOR_COLUMNS}
   * @param repetitions SII simulation repetitions (at least 1,000)
   */
  public static Dataset<Row> summary(
      Dataset<Row> indicators, double confidence, int repetitions, long seed) {
    double c = Confidence.normalise(confidence);
    double z = Confidence.z(c);
    Column value = col(InequalityIndicators.VALUE);
    Column lower = col(InequalityIndicators.LOWER_CI);
    Column upper = col(InequalityIndicators.UPPER_CI);
    Column hasLimits =
        col(InequalityIndicators.INDICATOR).notEqual(BuiltInIndicators.SPEND_PER_HEAD);
    // The rates' uncertainty is on the log scale, as PHE's SII for rates: the standard error of
    // log(value) is read off the limits at the configured level. Spend has no limits: SE 0.
    Column logSe =
        when(
                hasLimits,
                when(lower.gt(0).and(upper.gt(0)), log(upper).minus(log(lower)).divide(2 * z)))
            .otherwise(lit(0.0));
    Dataset<Row> deciles =
        indicators
            .filter(col(InequalityIndicators.BREAKDOWN).equalTo(BuiltInIndicators.BREAKDOWN_DECILE))
            .withColumn(DECILE, col(InequalityIndicators.GROUP_VALUE).cast("int"))
            .withColumn(LOG_SE, logSe)
            .withColumn(SE, when(hasLimits, upper.minus(lower).divide(2 * z)).otherwise(lit(0.0)));

    Column[] keyCols = KEYS.stream().map(k -> col(k)).toArray(Column[]::new);
    WindowSpec group = Window.partitionBy(keyCols);
    Column usable = value.gt(0).and(col(LOG_SE).isNotNull());
    Dataset<Row> complete =
        deciles
            .withColumn("summary_usable", sum(when(usable, 1).otherwise(0)).over(group))
            .withColumn("summary_deciles", count(lit(1)).over(group))
            .filter(
                col("summary_usable")
                    .equalTo(col("summary_deciles"))
                    .and(col("summary_deciles").geq(SlopeIndex.MIN_QUANTILES)));

    Dataset<Row> sii =
        SlopeIndex.slopeIndex(
            complete,
            KEYS,
            new SlopeIndex.Inputs(
                DECILE,
                InequalityIndicators.DENOMINATOR,
                InequalityIndicators.VALUE,
                null,
                LOG_SE,
                null,
                null),
            new SlopeIndex.Options(
                SlopeIndex.ValueType.RATE, false, 1.0, List.of(c), repetitions, seed));
    Column siiLimits =
        col(InequalityIndicators.INDICATOR).notEqual(BuiltInIndicators.SPEND_PER_HEAD);
    // Both measures from one pass: a union of two selects would run the simulation twice.
    Dataset<Row> siiRows =
        measures(
            sii,
            new Measure(
                InequalitySummary.MEASURES.get(0),
                col(SlopeIndex.SII),
                when(siiLimits, col(SlopeIndex.SII_LOWER)),
                when(siiLimits, col(SlopeIndex.SII_UPPER)),
                col(IndicatorColumns.METHOD)),
            new Measure(
                InequalitySummary.MEASURES.get(1),
                col(SlopeIndex.RII),
                when(siiLimits, col(SlopeIndex.RII_LOWER)),
                when(siiLimits, col(SlopeIndex.RII_UPPER)),
                col(IndicatorColumns.METHOD)));

    Dataset<Row> ci =
        ConcentrationIndex.concentrationIndex(
            complete,
            KEYS,
            new ConcentrationIndex.Inputs(
                DECILE, InequalityIndicators.DENOMINATOR, InequalityIndicators.VALUE, null, null),
            ConcentrationIndex.Bounds.none(),
            c);
    Dataset<Row> ciRows =
        measures(
            ci,
            new Measure(
                InequalitySummary.MEASURES.get(2),
                col(IndicatorColumns.VALUE),
                col(IndicatorColumns.LOWER_CI),
                col(IndicatorColumns.UPPER_CI),
                col(IndicatorColumns.METHOD)));
    return siiRows.unionByName(ciRows).unionByName(gaps(deciles, z));
  }

  /** Returns gap_absolute and gap_relative rows where deciles 1 and 10 both have a value. */
  private static Dataset<Row> gaps(Dataset<Row> deciles, double z) {
    List<Column> side = new ArrayList<>();
    KEYS.forEach(k -> side.add(col(k)));
    Dataset<Row> most =
        deciles
            .filter(
                col(DECILE).equalTo(MOST_DEPRIVED).and(col(InequalityIndicators.VALUE).isNotNull()))
            .select(
                side.get(0),
                side.get(1),
                side.get(2),
                col(InequalityIndicators.VALUE).as("most_value"),
                col(SE).as("most_se"),
                col(LOG_SE).as("most_log_se"));
    Dataset<Row> least =
        deciles
            .filter(
                col(DECILE)
                    .equalTo(LEAST_DEPRIVED)
                    .and(col(InequalityIndicators.VALUE).isNotNull()))
            .select(
                side.get(0),
                side.get(1),
                side.get(2),
                col(InequalityIndicators.VALUE).as("least_value"),
                col(SE).as("least_se"),
                col(LOG_SE).as("least_log_se"));
    Dataset<Row> pairs = most.join(least, KEYS.toArray(String[]::new));
    Column hasLimits =
        col(InequalityIndicators.INDICATOR).notEqual(BuiltInIndicators.SPEND_PER_HEAD);
    Column gap = col("most_value").minus(col("least_value"));
    Column gapSe =
        sqrt(
            col("most_se")
                .multiply(col("most_se"))
                .plus(col("least_se").multiply(col("least_se"))));
    Column positive = col("most_value").gt(0).and(col("least_value").gt(0));
    Column logRatio = log(col("most_value")).minus(log(col("least_value")));
    Column logSe =
        sqrt(
            col("most_log_se")
                .multiply(col("most_log_se"))
                .plus(col("least_log_se").multiply(col("least_log_se"))));
    return measures(
        pairs,
        new Measure(
            InequalitySummary.MEASURES.get(3),
            gap,
            when(hasLimits, gap.minus(gapSe.multiply(z))),
            when(hasLimits, gap.plus(gapSe.multiply(z))),
            lit(GAP_ABSOLUTE_METHOD)),
        new Measure(
            InequalitySummary.MEASURES.get(4),
            when(col("least_value").notEqual(0), col("most_value").divide(col("least_value"))),
            when(hasLimits.and(positive), exp(logRatio.minus(logSe.multiply(z)))),
            when(hasLimits.and(positive), exp(logRatio.plus(logSe.multiply(z)))),
            lit(GAP_RELATIVE_METHOD)));
  }

  /** One measure of a summary row: its name, value, limits and method. */
  private record Measure(String name, Column value, Column lower, Column upper, Column method) {}

  /** Returns one inequality_summary row per measure of each row, from one pass over the rows. */
  private static Dataset<Row> measures(Dataset<Row> rows, Measure... measures) {
    Column[] each = new Column[measures.length];
    for (int i = 0; i < measures.length; i++) {
      Measure m = measures[i];
      each[i] =
          struct(
              lit(m.name()).as(InequalitySummary.MEASURE),
              m.value().cast("double").as(InequalitySummary.VALUE),
              m.lower().cast("double").as(InequalitySummary.LOWER_CI),
              m.upper().cast("double").as(InequalitySummary.UPPER_CI),
              m.method().as(InequalitySummary.METHOD));
    }
    String measure = "summary_measure";
    return rows.select(
            col(InequalitySummary.GEOGRAPHY_LEVEL),
            col(InequalitySummary.GEOGRAPHY_CODE),
            col(InequalitySummary.INDICATOR),
            explode(array(each)).as(measure))
        .select(
            col(InequalitySummary.GEOGRAPHY_LEVEL),
            col(InequalitySummary.GEOGRAPHY_CODE),
            col(InequalitySummary.INDICATOR),
            col(measure + "." + InequalitySummary.MEASURE).as(InequalitySummary.MEASURE),
            col(measure + "." + InequalitySummary.VALUE).as(InequalitySummary.VALUE),
            col(measure + "." + InequalitySummary.LOWER_CI).as(InequalitySummary.LOWER_CI),
            col(measure + "." + InequalitySummary.UPPER_CI).as(InequalitySummary.UPPER_CI),
            col(measure + "." + InequalitySummary.METHOD).as(InequalitySummary.METHOD));
  }

  /**
   * Returns the inequality_indicators rows as published: counts (events, deaths) from the policy's
   * range suppressed with every value derived from them (is_suppressed true), other counts rounded
   * as the policy says. Spend rows are suppressed on the events behind them; their numerator is
   * money and is never rounded.
   */
  public static Dataset<Row> published(Dataset<Row> indicators, Disclosure.Policy policy) {
    Dataset<Row> suppressed =
        Disclosure.withSmallNumberSuppression(
            indicators,
            List.of(BuiltInIndicators.DISCLOSURE_COUNT),
            List.of(
                InequalityIndicators.NUMERATOR,
                InequalityIndicators.VALUE,
                InequalityIndicators.LOWER_CI,
                InequalityIndicators.UPPER_CI),
            policy);
    Column numerator =
        when(col(BuiltInIndicators.IS_COUNT_NUMERATOR), col(BuiltInIndicators.DISCLOSURE_COUNT))
            .otherwise(col(InequalityIndicators.NUMERATOR));
    return suppressed
        .withColumn(InequalityIndicators.NUMERATOR, numerator)
        .select(
            List.of(InequalityIndicators.COLUMNS.fieldNames()).stream()
                .map(f -> col(f))
                .toArray(Column[]::new));
  }
}
