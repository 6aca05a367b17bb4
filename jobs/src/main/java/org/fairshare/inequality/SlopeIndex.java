package org.fairshare.inequality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Slope and relative index of inequality (PHEindicatormethods {@code phe_sii}): weighted least
 * squares of the quantile values on population-midpoint ranks, with Monte-Carlo confidence limits.
 * The simulation runs in Spark: every quantile row is exploded into one row per repetition, the
 * regression is refitted per group and repetition by aggregation, and the limits are order
 * statistics of the sorted simulated values. Draws are seeded functions of (seed, group, quantile,
 * repetition), so results do not depend on partitioning.
 */
public final class SlopeIndex {
  private SlopeIndex() {}

  /** How the quantile values are distributed, which sets the scale of their uncertainty. */
  public enum ValueType {
    /** Normal on the natural scale, e.g. life expectancy. */
    OTHER,
    /** A rate: uncertainty on the log scale. */
    RATE,
    /** A proportion on the 0-1 scale: uncertainty on the logit scale. */
    PROPORTION
  }

  /**
   * Input columns, one row per group and quantile (1 = most deprived).
   *
   * @param value indicator value (null column name: computed as count / population, proportions)
   * @param count numerator for proportions without a value column, or null
   * @param standardError standard error (on the log/logit scale for rates/proportions), or null to
   *     derive it from 95% limits as (g(upper) - g(lower)) / (2 x 1.959964)
   */
  public record Inputs(
      String quantile,
      String population,
      String value,
      String count,
      String standardError,
      String lowerCl,
      String upperCl) {}

  /**
   * Method options.
   *
   * @param transform regress log(rate) or logit(proportion) instead of the value
   * @param multiplier scales the SII; negative flips the polarity (RII inverted)
   * @param confidence one output row per level, each 0.9-1 or 90-100
   * @param repetitions simulated regressions per group, at least 1,000 (PHE default 100,000)
   * @param seed seed of the draws
   */
  public record Options(
      ValueType valueType,
      boolean transform,
      double multiplier,
      List<Double> confidence,
      int repetitions,
      long seed) {

    /** Returns PHE's defaults: other values, no transform, multiplier 1, 95%, 100,000 reps. */
    public static Options defaults() {
      return new Options(ValueType.OTHER, false, 1.0, List.of(0.95), 100_000, 1L);
    }
  }

  public static final String SII = "sii";
  public static final String SII_LOWER = "sii_lower_ci";
  public static final String SII_UPPER = "sii_upper_ci";
  public static final String RII = "rii";
  public static final String RII_LOWER = "rii_lower_ci";
  public static final String RII_UPPER = "rii_upper_ci";

  /** Fitted value at rank 0 (most deprived end), on the value scale. */
  public static final String INTERCEPT = "intercept";

  public static final String QUANTILE_COUNT = "quantile_count";

  public static final int MIN_QUANTILES = 5;
  public static final int MAX_QUANTILES = 100;
  public static final int MIN_REPETITIONS = 1000;

  private static final String A = "sii_a";
  private static final String B = "sii_b";
  private static final String Y_FIT = "sii_y_fit";
  private static final String G_Y = "sii_g_y";
  private static final String SE = "sii_se";
  private static final String BETA0 = "sii_beta0";
  private static final String BETA1 = "sii_beta1";

  private static final String GROUP = "sii_group";

  /** The column a fit is exploded into, one row per simulated repetition. */
  static final String REP = "sii_rep";

  private static final String SIM_SII = "sii_sim_sii";
  private static final String SIM_RII = "sii_sim_rii";
  private static final String LEVEL = "sii_level";

  /**
   * Returns one row per group and confidence level: the grouping columns, quantile_count, sii, rii,
   * intercept, sii_lower_ci, sii_upper_ci, rii_lower_ci, rii_upper_ci, confidence and method.
   * Groups with a missing population or value in any quantile are dropped (PHE: "incomplete data");
   * a population <= 0, a missing or negative standard error, missing limits, proportions outside
   * [0, 1], a zero count for proportions from counts, a group whose values are all missing or a
   * group with fewer than 5 or more than 100 quantiles fail the job.
   */
  public static Dataset<Row> slopeIndex(
      Dataset<Row> input, List<String> groupBy, Inputs inputs, Options options) {
    validate(inputs, options);
    List<Column> keys = groupBy.stream().map(g -> col(g)).toList();
    Column[] keyArray = keys.toArray(Column[]::new);
    ValueType type = options.valueType();
    WindowSpec group = Window.partitionBy(keyArray);

    Column pop = col(inputs.population()).cast("double");
    Column y = value(inputs, type, pop);
    Column se = standardError(inputs, type);
    Dataset<Row> checked =
        input
            .filter(InputChecks.require(pop.leq(0), pop, "population must be > 0"))
            .withColumn(Y_FIT, y)
            .withColumn(SE, se)
            .withColumn(A, pop);
    Column missing = max(when(pop.isNull().or(col(Y_FIT).isNull()), 1).otherwise(0)).over(group);
    Column present = count(col(Y_FIT)).over(group);
    Column rows = count(lit(1)).over(group);
    Dataset<Row> complete =
        checked
            .withColumn("sii_missing", missing)
            .withColumn("sii_present", present)
            .withColumn(QUANTILE_COUNT, rows)
            .filter(
                InputChecks.require(
                    col("sii_present").equalTo(0),
                    col("sii_present"),
                    "value is missing for every quantile of a group"))
            .filter(
                InputChecks.require(
                    col(QUANTILE_COUNT).lt(MIN_QUANTILES).or(col(QUANTILE_COUNT).gt(MAX_QUANTILES)),
                    col(QUANTILE_COUNT),
                    "number of quantiles must be between 5 and 100"))
            .filter(col("sii_missing").equalTo(0));

    Column totalPop = sum(col(A)).over(group);
    WindowSpec cumulative =
        Window.partitionBy(keyArray)
            .orderBy(col(inputs.quantile()))
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column share = col(A).divide(totalPop);
    Column rank = sum(col(A)).over(cumulative).divide(totalPop).minus(share.divide(2));
    Column gy = transform(col(Y_FIT), type);
    Dataset<Row> ranked =
        complete
            .withColumn(B, rank)
            .withColumn(A, share)
            .withColumn(G_Y, gy)
            .withColumn(Y_FIT, options.transform() ? gy : col(Y_FIT));
    Column[] fit = wls(col(A), col(B), col(Y_FIT), group);
    Dataset<Row> fitted = ranked.withColumn(BETA0, fit[0]).withColumn(BETA1, fit[1]);

    Dataset<Row> groups = groupIds(fitted, groupBy);
    Dataset<Row> simulated = simulate(withGroupIds(fitted, groups, groupBy), keys, inputs, options);
    return limits(simulated, groups, groupBy, options);
  }

  /**
   * Returns the distinct groups, each with a dense integer id in the order of the grouping columns
   * (renamed by {@link #groupKey}). The simulation aggregates a thousand or more rows per group by
   * that id, not by the grouping columns: hashing and comparing strings for every simulated row was
   * most of the simulation's time.
   */
  private static Dataset<Row> groupIds(Dataset<Row> fitted, List<String> groupBy) {
    List<Column> renamed = new ArrayList<>();
    for (int i = 0; i < groupBy.size(); i++) {
      renamed.add(col(groupBy.get(i)).as(groupKey(i)));
    }
    Dataset<Row> groups = fitted.select(renamed.toArray(Column[]::new)).distinct();
    if (groupBy.isEmpty()) {
      return groups.withColumn(GROUP, lit(1));
    }
    return groups.withColumn(GROUP, row_number().over(Window.orderBy(cols(groups.columns()))));
  }

  private static String groupKey(int i) {
    return "sii_group_key" + i;
  }

  private static Column[] cols(String[] names) {
    return Arrays.stream(names).map(n -> col(n)).toArray(Column[]::new);
  }

  /**
   * Returns the fits with their group's id, hashed by it: the repetitions exploded from a fit are
   * then aggregated where they are made, and only the fits (a row per group and quantile) move.
   */
  private static Dataset<Row> withGroupIds(
      Dataset<Row> fitted, Dataset<Row> groups, List<String> groupBy) {
    Column on = lit(true);
    for (int i = 0; i < groupBy.size(); i++) {
      // Null-safe: a null grouping value is a group of its own, as in a group-by.
      on = on.and(col(groupBy.get(i)).eqNullSafe(col(groupKey(i))));
    }
    List<Column> out = new ArrayList<>(List.of(cols(fitted.columns())));
    out.add(col(GROUP));
    return fitted.join(groups, on).select(out.toArray(Column[]::new)).repartition(col(GROUP));
  }

  private static void validate(Inputs inputs, Options options) {
    if (options.repetitions() < MIN_REPETITIONS) {
      throw new IllegalArgumentException(
          "repetitions must be at least " + MIN_REPETITIONS + ", got " + options.repetitions());
    }
    options.confidence().forEach(Confidence::normalise);
    if (options.confidence().isEmpty()) {
      throw new IllegalArgumentException("at least one confidence level is needed");
    }
    if (inputs.value() == null
        && (inputs.count() == null || options.valueType() != ValueType.PROPORTION)) {
      throw new IllegalArgumentException(
          "SII needs a value column, or a count column for proportions");
    }
    if (inputs.standardError() == null && (inputs.lowerCl() == null || inputs.upperCl() == null)) {
      throw new IllegalArgumentException(
          "SII needs a standard error column, or lower and upper confidence limit columns");
    }
    if (options.transform() && options.valueType() == ValueType.OTHER) {
      throw new IllegalArgumentException("transform needs a rate or proportion value type");
    }
    if (options.transform() && inputs.standardError() != null) {
      throw new IllegalArgumentException(
          "transform derives standard errors from the limits: give limits, not a standard error");
    }
  }

  /** Returns the quantile value: the value column, else count / population (proportions). */
  private static Column value(Inputs inputs, ValueType type, Column pop) {
    Column y;
    if (inputs.value() != null && inputs.count() != null && type == ValueType.PROPORTION) {
      y = coalesce(col(inputs.value()).cast("double"), col(inputs.count()).divide(pop));
    } else if (inputs.value() != null) {
      y = col(inputs.value()).cast("double");
    } else {
      Column x =
          InputChecks.failWhen(
              col(inputs.count()).leq(0),
              col(inputs.count()),
              "count must be > 0 for a proportion computed from counts");
      y = x.cast("double").divide(pop);
    }
    return type == ValueType.PROPORTION ? InputChecks.within(y, 0, 1, "proportion value") : y;
  }

  /** Returns the standard error of g(value), validated. */
  private static Column standardError(Inputs inputs, ValueType type) {
    if (inputs.standardError() != null) {
      Column se = col(inputs.standardError()).cast("double");
      return InputChecks.failWhen(
          se.isNull().or(se.lt(0)), se, "standard error must be present and >= 0");
    }
    Column lower = col(inputs.lowerCl()).cast("double");
    Column upper = col(inputs.upperCl()).cast("double");
    Column missing = lower.isNull().or(upper.isNull());
    lower = InputChecks.failWhen(missing, lower, "lower and upper confidence limits are required");
    if (type == ValueType.PROPORTION) {
      lower = InputChecks.within(lower, 0, 1, "lower confidence limit of a proportion");
      upper = InputChecks.within(upper, 0, 1, "upper confidence limit of a proportion");
    }
    double z95 = Confidence.z(Confidence.PHE_95);
    return transform(upper, type).minus(transform(lower, type)).divide(2 * z95);
  }

  /** Returns g(y): identity, log (rates) or logit (proportions). */
  private static Column transform(Column y, ValueType type) {
    return switch (type) {
      case OTHER -> y;
      case RATE -> log(y);
      case PROPORTION -> log(y.divide(lit(1.0).minus(y)));
    };
  }

  /** Returns h(x), the inverse of g: identity, exp or expit. */
  private static Column inverse(Column x, ValueType type) {
    return switch (type) {
      case OTHER -> x;
      case RATE -> exp(x);
      case PROPORTION -> exp(x).divide(exp(x).plus(1));
    };
  }

  /** Returns (beta0, beta1) of the weighted least squares fit of y on b with weights a. */
  private static Column[] wls(Column a, Column b, Column y, WindowSpec group) {
    return wlsOf(
        sum(a).over(group),
        sum(a.multiply(b)).over(group),
        sum(a.multiply(y)).over(group),
        sum(a.multiply(b).multiply(b)).over(group),
        sum(a.multiply(b).multiply(y)).over(group));
  }

  private static Column[] wlsOf(Column sa, Column sb, Column sy, Column sbb, Column sby) {
    Column beta1 =
        sa.multiply(sby).minus(sb.multiply(sy)).divide(sa.multiply(sbb).minus(sb.multiply(sb)));
    Column beta0 = sy.minus(beta1.multiply(sb)).divide(sa);
    return new Column[] {beta0, beta1};
  }

  /** Returns per group and repetition the simulated SII and RII (final scale). */
  private static Dataset<Row> simulate(
      Dataset<Row> fitted, List<Column> keys, Inputs inputs, Options options) {
    ValueType type = options.valueType();
    List<Column> drawKey = new ArrayList<>(keys);
    drawKey.add(col(inputs.quantile()));
    drawKey.add(col(REP));
    Column draw =
        col(G_Y).plus(col(SE).multiply(SeededNormal.standardNormal(options.seed(), 0, drawKey)));
    Column simY = options.transform() ? draw : inverse(draw, type);
    Dataset<Row> reps =
        fitted.withColumn(REP, explode(sequence(lit(1), lit(options.repetitions()))));
    Column[] repKeys = {col(GROUP), col(REP)};
    Column a = col(A);
    Column b = col(B);
    Column[] fit =
        wlsOf(
            sum(a),
            sum(a.multiply(b)),
            sum(a.multiply(simY)),
            sum(a.multiply(b).multiply(b)),
            sum(a.multiply(b).multiply(simY)));
    Dataset<Row> perRep =
        reps.groupBy(repKeys)
            .agg(
                fit[0].as("sim_beta0"),
                fit[1].as("sim_beta1"),
                first(col(BETA0)).as(BETA0),
                first(col(BETA1)).as(BETA1),
                first(col(QUANTILE_COUNT)).as(QUANTILE_COUNT));
    Column[] stats =
        statistics(col("sim_beta0"), col("sim_beta1"), col(BETA0), col(BETA1), options, true);
    return perRep.withColumn(SIM_SII, stats[0]).withColumn(SIM_RII, stats[1]);
  }

  /**
   * Returns (sii, rii, intercept) on the output scale from fitted coefficients; for simulated
   * transformed fits the slope is mapped through the point fit's mid-point as PHE does.
   */
  private static Column[] statistics(
      Column beta0,
      Column beta1,
      Column pointBeta0,
      Column pointBeta1,
      Options options,
      boolean simulated) {
    double m = options.multiplier();
    ValueType type = options.valueType();
    Column sii;
    Column rii;
    if (!options.transform()) {
      sii = beta1.multiply(m);
      rii = beta0.plus(beta1).divide(beta0);
    } else if (simulated) {
      Column mid = pointBeta0.plus(pointBeta1.divide(2));
      Column high = inverse(mid.plus(beta1.divide(2)), type);
      Column low = inverse(mid.minus(beta1.divide(2)), type);
      sii = high.minus(low).multiply(m);
      rii = high.divide(low);
    } else {
      Column high = inverse(beta0.plus(beta1), type);
      Column low = inverse(beta0, type);
      sii = high.minus(low).multiply(m);
      rii = high.divide(low);
    }
    if (m < 0) {
      rii = lit(1.0).divide(rii);
    }
    Column intercept = options.transform() ? inverse(beta0, type).multiply(Math.abs(m)) : beta0;
    return new Column[] {sii, rii, intercept};
  }

  /** Returns one row per group and confidence level with point estimates and limits. */
  private static Dataset<Row> limits(
      Dataset<Row> perRep, Dataset<Row> groups, List<String> groupBy, Options options) {
    Dataset<Row> sorted =
        perRep
            .groupBy(col(GROUP))
            .agg(
                first(col(BETA0)).as(BETA0),
                first(col(BETA1)).as(BETA1),
                first(col(QUANTILE_COUNT)).as(QUANTILE_COUNT),
                sort_array(collect_list(col(SIM_SII))).as(SIM_SII),
                sort_array(collect_list(col(SIM_RII))).as(SIM_RII));
    int reps = options.repetitions();
    List<Column> levels = new ArrayList<>();
    for (double level : options.confidence()) {
      double upperTail = Confidence.upperTail(level);
      // PHE picks sorted[round(R (1 - c'))] and sorted[round(R c')], 1-based, R rounding half even.
      int low = (int) Math.max(1, Math.min(reps, Math.rint(reps * (1 - upperTail))));
      int high = (int) Math.max(1, Math.min(reps, Math.rint(reps * upperTail)));
      levels.add(
          struct(
              lit(Confidence.normalise(level)).as(IndicatorColumns.CONFIDENCE),
              lit(low).as("low"),
              lit(high).as("high")));
    }
    Column[] point = statistics(col(BETA0), col(BETA1), col(BETA0), col(BETA1), options, false);
    Column level = col(LEVEL);
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < groupBy.size(); i++) {
      out.add(col(groupKey(i)).as(groupBy.get(i)));
    }
    out.add(col(QUANTILE_COUNT));
    out.add(point[0].as(SII));
    out.add(point[1].as(RII));
    out.add(point[2].as(INTERCEPT));
    out.add(element_at(col(SIM_SII), level.getField("low")).as(SII_LOWER));
    out.add(element_at(col(SIM_SII), level.getField("high")).as(SII_UPPER));
    out.add(element_at(col(SIM_RII), level.getField("low")).as(RII_LOWER));
    out.add(element_at(col(SIM_RII), level.getField("high")).as(RII_UPPER));
    out.add(level.getField(IndicatorColumns.CONFIDENCE).as(IndicatorColumns.CONFIDENCE));
    out.add(
        lit("simulation " + reps + " reps" + (options.transform() ? ", transformed" : ""))
            .as(IndicatorColumns.METHOD));
    return sorted
        .join(groups, GROUP)
        .withColumn(
            LEVEL, explode(org.apache.spark.sql.functions.array(levels.toArray(Column[]::new))))
        .select(out.toArray(Column[]::new));
  }
}
