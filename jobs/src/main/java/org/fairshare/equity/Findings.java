package org.fairshare.equity;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.schema.EquityAccess;
import org.fairshare.schema.EquityChecks;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Findings on equal access for equal need: for every place and service, whether residents of the
 * nationally most deprived IMD quintile use the service in line with their need-expected use, with
 * the rule applied and a plain-language sentence.
 */
public final class Findings {
  private Findings() {}

  /**
   * The decision rule's parameters.
   *
   * @param significanceLevel alpha: the ratio's two-sided 1 - alpha Poisson limits must exclude 1
   * @param underServedRatio O / E below this (and significant) is deprived_under_served
   * @param overServedRatio O / E above this (and significant) is deprived_over_served
   * @param minExpectedEvents fewer expected events than this is too_little_data
   * @param control how the p-values of the pairs judged are adjusted for being judged together; a
   *     flag survives when its adjusted value is below alpha
   */
  public record Rules(
      double significanceLevel,
      double underServedRatio,
      double overServedRatio,
      double minExpectedEvents,
      MultipleComparisons control) {

    /** Returns the confidence level of the limits, 1 - alpha. */
    public double confidence() {
      return 1 - significanceLevel;
    }

    String percent() {
      return asPercent(confidence());
    }

    String alphaPercent() {
      return asPercent(significanceLevel);
    }

    private static String asPercent(double fraction) {
      return String.format(Locale.ROOT, "%.4g%%", fraction * 100).replaceAll("\\.?0+%$", "%");
    }

    String underRule() {
      return String.format(
          Locale.ROOT,
          "O/E < %s and upper %s limit < 1 (alpha %s)",
          underServedRatio,
          percent(),
          significanceLevel);
    }

    String overRule() {
      return String.format(
          Locale.ROOT,
          "O/E > %s and lower %s limit > 1 (alpha %s)",
          overServedRatio,
          percent(),
          significanceLevel);
    }

    String littleDataRule() {
      return String.format(Locale.ROOT, "expected events < %s", minExpectedEvents);
    }

    String equitableRule() {
      return "neither " + underRule() + " nor " + overRule();
    }
  }

  /** The group every finding is about. */
  public static final String GROUP_PHRASE = "the most deprived fifth";

  /**
   * Returns rows of {@link EquityChecks#COLUMNS}, one per place and service in the area rows:
   * observed, expected and O / E (Poisson limits) for the place's residents in national IMD
   * quintile 1, the status by these rules (too_little_data first, then under, then over, else
   * equitable), the rule that gave it, the p-value and its adjustment for the pairs judged together
   * ({@link #withControl}) and a sentence with the numbers that says whether a flag survives the
   * adjustment. Runs one job to adjust the p-values.
   *
   * @param areaUse area-service rows with persons, observed, expected and the area groups
   */
  public static Dataset<Row> findings(Dataset<Row> areaUse, Rules rules, String needBasis) {
    Column q1 = col(AreaGroups.IMD_QUINTILE).equalTo(1);
    Dataset<Row> perPlace =
        areaUse
            .groupBy(col(AreaGroups.PLACE_CODE), col(EquityAccess.SERVICE))
            .agg(
                first(col(AreaGroups.PLACE_NAME), true).as(EquityChecks.PLACE_NAME),
                first(col(AreaGroups.ICB_CODE), true).as(EquityChecks.ICB_CODE),
                sum(when(q1, col(NeedExpected.PERSONS)).otherwise(0.0)).as(EquityAccess.PERSONS),
                sum(when(q1, col(NeedExpected.OBSERVED)).otherwise(0L)).as(EquityAccess.OBSERVED),
                sum(when(q1, col(NeedExpected.EXPECTED)).otherwise(0.0)).as(EquityAccess.EXPECTED));
    Dataset<Row> withRatio = AccessRatios.withRatio(perPlace, rules.confidence());
    Column ratio = col(EquityAccess.RATIO);
    Column lowerCi = coalesce(col(EquityAccess.LOWER_CI), lit(0.0));
    Column upperCi = col(EquityAccess.UPPER_CI);
    Column tooLittle = col(EquityAccess.EXPECTED).lt(rules.minExpectedEvents());
    Column under = ratio.lt(rules.underServedRatio()).and(upperCi.lt(1));
    Column over = ratio.gt(rules.overServedRatio()).and(lowerCi.gt(1));
    Column status =
        when(tooLittle, lit(EquityChecks.TOO_LITTLE_DATA))
            .when(under, lit(EquityChecks.DEPRIVED_UNDER_SERVED))
            .when(over, lit(EquityChecks.DEPRIVED_OVER_SERVED))
            .otherwise(lit(EquityChecks.EQUITABLE));
    Column s = col(EquityChecks.STATUS);
    Column rule =
        when(s.equalTo(EquityChecks.TOO_LITTLE_DATA), lit(rules.littleDataRule()))
            .when(s.equalTo(EquityChecks.DEPRIVED_UNDER_SERVED), lit(rules.underRule()))
            .when(s.equalTo(EquityChecks.DEPRIVED_OVER_SERVED), lit(rules.overRule()))
            .otherwise(lit(rules.equitableRule()));
    return withControl(withRatio.withColumn(EquityChecks.STATUS, status), rules)
        .withColumn(EquityChecks.RULE, rule)
        .withColumn(EquityChecks.SENTENCE, sentence(rules))
        .withColumn(EquityChecks.SIGNIFICANCE_LEVEL, lit(rules.significanceLevel()))
        .withColumn(EquityChecks.UNDER_SERVED_RATIO, lit(rules.underServedRatio()))
        .withColumn(EquityChecks.OVER_SERVED_RATIO, lit(rules.overServedRatio()))
        .withColumn(EquityChecks.MIN_EXPECTED_EVENTS, lit(rules.minExpectedEvents()))
        .withColumn(EquityChecks.NEED_BASIS, lit(needBasis));
  }

  /**
   * Adds p_value (two-sided, {@link PoissonPValue}; null where expected is 0), q_value (the
   * p-values of the pairs judged, i.e. not too_little_data, adjusted together by the rules' method;
   * null for the others), comparisons (how many were judged), multiple_comparisons (the method) and
   * is_flagged_after_control (under- or over-served with q_value below alpha).
   *
   * @param statused one row per place and service with observed, expected and status
   */
  static Dataset<Row> withControl(Dataset<Row> statused, Rules rules) {
    // One row per place and service (under 3,000 at England scale): the adjustment needs every
    // p-value of the run at once, so it runs on the driver.
    List<Row> pairs =
        statused
            .select(
                EquityChecks.PLACE_CODE,
                EquityChecks.SERVICE,
                EquityChecks.OBSERVED,
                EquityChecks.EXPECTED,
                EquityChecks.STATUS)
            .collectAsList();
    List<Double> pValues = new ArrayList<>();
    List<Integer> judged = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      Row r = pairs.get(i);
      double p = PoissonPValue.twoSided(r.getLong(2), r.getDouble(3));
      pValues.add(Double.isNaN(p) ? null : p);
      if (pValues.get(i) != null && !EquityChecks.TOO_LITTLE_DATA.equals(r.getString(4))) {
        judged.add(i);
      }
    }
    double[] q = rules.control().adjust(judged.stream().mapToDouble(pValues::get).toArray());
    Double[] qValues = new Double[pairs.size()];
    for (int k = 0; k < q.length; k++) {
      qValues[judged.get(k)] = q[k];
    }
    List<Row> adjusted = new ArrayList<>(pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      adjusted.add(
          RowFactory.create(
              pairs.get(i).getString(0), pairs.get(i).getString(1), pValues.get(i), qValues[i]));
    }
    Dataset<Row> adjustedFrame = statused.sparkSession().createDataFrame(adjusted, ADJUSTED);
    Column flagged =
        col(EquityChecks.STATUS)
            .isin(EquityChecks.DEPRIVED_UNDER_SERVED, EquityChecks.DEPRIVED_OVER_SERVED);
    return statused
        .join(
            broadcast(adjustedFrame),
            CollectionConverters.asScala(EquityChecks.KEY).toSeq(),
            "left")
        .withColumn(EquityChecks.COMPARISONS, lit((long) judged.size()))
        .withColumn(EquityChecks.MULTIPLE_COMPARISONS, lit(rules.control().key()))
        .withColumn(
            EquityChecks.IS_FLAGGED_AFTER_CONTROL,
            coalesce(
                flagged.and(col(EquityChecks.Q_VALUE).lt(rules.significanceLevel())), lit(false)));
  }

  private static final StructType ADJUSTED =
      new StructType()
          .add(EquityChecks.PLACE_CODE, DataTypes.StringType, false)
          .add(EquityChecks.SERVICE, DataTypes.StringType, false)
          .add(EquityChecks.P_VALUE, DataTypes.DoubleType, true)
          .add(EquityChecks.Q_VALUE, DataTypes.DoubleType, true);

  /** Returns "Elective admissions" for elective_admissions. */
  static Column serviceLabel(Column service) {
    Column spaced = regexp_replace(service, "_", " ");
    return concat(upper(substring(spaced, 1, 1)), lower(substring(spaced, 2, 1_000)));
  }

  private static Column sentence(Rules rules) {
    Column who =
        concat(
            serviceLabel(col(EquityAccess.SERVICE)),
            lit(" for " + GROUP_PHRASE + " in "),
            coalesce(col(EquityChecks.PLACE_NAME), col(EquityChecks.PLACE_CODE)));
    Column r = col(EquityAccess.RATIO);
    Column lo = coalesce(col(EquityAccess.LOWER_CI), lit(0.0));
    Column hi = col(EquityAccess.UPPER_CI);
    Column o = col(EquityAccess.OBSERVED);
    Column e = col(EquityAccess.EXPECTED);
    Column counts = format_string(" (%,d events against %,.1f expected)", o, e);
    Column s = col(EquityChecks.STATUS);
    Column under =
        concat(
            who,
            format_string(
                " were %.0f%% (%.0f%% to %.0f%%) below need-expected",
                pct(lit(1.0).minus(r)), pct(lit(1.0).minus(hi)), pct(lit(1.0).minus(lo))),
            counts,
            control(rules));
    Column over =
        concat(
            who,
            format_string(
                " were %.0f%% (%.0f%% to %.0f%%) above need-expected",
                pct(r.minus(1)), pct(lo.minus(1)), pct(hi.minus(1))),
            counts,
            control(rules));
    Column equitable =
        concat(
            who,
            lit(" were "),
            relative(r),
            lit(" need-expected (" + rules.percent() + " CI "),
            relative(lo),
            lit(" to "),
            relative(hi),
            lit("): within the equitable range"),
            counts);
    Column little =
        concat(
            who,
            format_string(
                ": too little data to judge (%,.1f expected events, fewer than %s)",
                e, lit(String.valueOf(rules.minExpectedEvents()))));
    return when(s.equalTo(EquityChecks.TOO_LITTLE_DATA), little)
        .when(s.equalTo(EquityChecks.DEPRIVED_UNDER_SERVED), under)
        .when(s.equalTo(EquityChecks.DEPRIVED_OVER_SERVED), over)
        .otherwise(equitable);
  }

  /**
   * Returns "; survives Benjamini-Hochberg control of the false discovery rate at 5% over the 212
   * place x service pairs judged (q = 0.004)", or "; may be chance: does not survive ...", or for
   * no control "; not controlled for the 212 place x service pairs judged (p = 0.031)".
   */
  private static Column control(Rules rules) {
    MultipleComparisons method = rules.control();
    Column q = col(EquityChecks.Q_VALUE);
    Column value =
        when(q.lt(0.001), lit(method.symbol() + " < 0.001"))
            .otherwise(format_string(method.symbol() + " = %.3f", q));
    Column judged =
        concat(
            format_string(" %,d place x service ", col(EquityChecks.COMPARISONS)),
            when(col(EquityChecks.COMPARISONS).equalTo(1), lit("pair")).otherwise(lit("pairs")),
            lit(" judged ("),
            value,
            lit(")"));
    if (method == MultipleComparisons.NONE) {
      return concat(lit("; not controlled for the"), judged);
    }
    return concat(
        when(col(EquityChecks.IS_FLAGGED_AFTER_CONTROL), lit("; survives "))
            .otherwise(lit("; may be chance: does not survive ")),
        lit(method.description() + " at " + rules.alphaPercent() + " over the"),
        judged);
  }

  private static Column pct(Column fraction) {
    return fraction.multiply(100);
  }

  /** Returns "3% below", "5% above" or "in line with" for a ratio. */
  private static Column relative(Column ratio) {
    Column points = abs(ratio.minus(1)).multiply(100);
    return when(points.lt(0.5), lit("in line with"))
        .when(ratio.lt(1), format_string("%.0f%% below", points))
        .otherwise(format_string("%.0f%% above", points));
  }
}
