package org.fairshare.inequality;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * WHO HEAT / healthequal summary measures of inequality across the subgroups of a setting: D, R,
 * ACI, RCI, BGV, BGSD, COV, MDMU, MDMW, MDBU, MDBW, MDRU, MDRW, IDISU, IDISW, TI, MLD, PAR, PAF.
 * Analytic limits where HEAT gives them; the others come from {@link HeatSimulation}.
 *
 * <p>Deviations from healthequal, on purpose: the Theil index and mean log deviation are reported x
 * 1000 with their standard errors scaled alike (healthequal scales only the value); the PAF
 * standard error is put on the percentage scale before it is added to the percentage PAF
 * (healthequal adds the fraction-scale SE, which gives near-zero intervals); a PAR/PAF truncated to
 * 0 has null limits.
 */
public final class HeatMeasures {
  private HeatMeasures() {}

  public static final String D = "d";
  public static final String R = "r";
  public static final String ACI = "aci";
  public static final String RCI = "rci";
  public static final String BGV = "bgv";
  public static final String TI = "ti";
  public static final String MLD = "mld";
  public static final String PAR = "par";
  public static final String PAF = "paf";

  /** All measures, in HEAT's order. */
  public static final List<String> ALL =
      List.of(
          D,
          R,
          ACI,
          RCI,
          BGV,
          HeatSimulation.BGSD,
          HeatSimulation.COV,
          HeatSimulation.MDMU,
          HeatSimulation.MDMW,
          HeatSimulation.MDBU,
          HeatSimulation.MDBW,
          HeatSimulation.MDRU,
          HeatSimulation.MDRW,
          HeatSimulation.IDISU,
          HeatSimulation.IDISW,
          TI,
          MLD,
          PAR,
          PAF);

  public static final String ANALYTIC = "analytic";

  /** Estimates at or below this are replaced by it in TI and MLD, as HEAT does. */
  static final double TINY = 1e-6;

  static final String P = "heat_p";
  static final String Y = "heat_y";
  static final String SE = "heat_se";
  static final String N = "heat_n";
  static final String MU = "heat_mu";
  static final String J = "heat_j";
  static final String ORDERED = "heat_is_ordered";
  static final String IS_REF = "heat_is_reference";
  static final String HAS_REF = "heat_has_reference";
  private static final String RANK = "heat_rank";
  private static final String SIGMA2 = "heat_sigma2";
  private static final String K = "heat_theil_k";

  /**
   * Returns one row per group and applicable measure: the grouping columns, measure, value,
   * standard_error (analytic measures), lower_ci, upper_ci, confidence and method. Ordered
   * dimensions (every subgroup has an order) with more than 2 subgroups get ACI and RCI;
   * non-ordered ones with more than 2 subgroups get BGV, BGSD, COV, MDM*, MDB*, IDIS*, TI, MLD, and
   * MDR* when exactly one subgroup is the reference; every group with at least 2 subgroups gets D,
   * R, PAR and PAF.
   */
  public static Dataset<Row> summaryMeasures(
      Dataset<Row> input, List<String> groupBy, HeatInputs inputs, double confidence) {
    double c = Confidence.normalise(confidence);
    double z = Confidence.z(c);
    Dataset<Row> prepared = prepare(input, groupBy, inputs);
    Column[] keys = groupBy.stream().map(g -> col(g)).toArray(Column[]::new);
    List<Column> aggs = aggregates(inputs);
    Dataset<Row> analytic =
        prepared
            .groupBy(keys)
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    Dataset<Row> simulated = HeatSimulation.simulated(prepared, groupBy, inputs, c);
    Dataset<Row> both = analytic.join(simulated, groupBy.toArray(String[]::new));
    List<Column> rows = new ArrayList<>();
    rows.addAll(analyticRows(inputs, z));
    rows.addAll(HeatSimulation.rows());
    List<Column> out = new ArrayList<>();
    groupBy.forEach(g -> out.add(col(g)));
    out.add(col("heat_m.measure").as(IndicatorColumns.MEASURE));
    out.add(col("heat_m.value").as(IndicatorColumns.VALUE));
    out.add(col("heat_m.se").as(IndicatorColumns.STANDARD_ERROR));
    out.add(col("heat_m.lower").as(IndicatorColumns.LOWER_CI));
    out.add(col("heat_m.upper").as(IndicatorColumns.UPPER_CI));
    out.add(lit(c).as(IndicatorColumns.CONFIDENCE));
    out.add(col("heat_m.method").as(IndicatorColumns.METHOD));
    // Each measure's row is a column of its own before the rows are exploded: an explode of the
    // structs themselves generates one Java method holding every measure's arithmetic, which
    // outgrows the JVM's 64 KB and makes Spark log a compile failure before it falls back.
    List<Column> perMeasure = new ArrayList<>();
    groupBy.forEach(g -> perMeasure.add(col(g)));
    List<Column> refs = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      perMeasure.add(rows.get(i).as("heat_m" + i));
      refs.add(col("heat_m" + i));
    }
    return both.select(perMeasure.toArray(Column[]::new))
        .withColumn("heat_m", explode(array(refs.toArray(Column[]::new))))
        .filter(col("heat_m.applies"))
        .select(out.toArray(Column[]::new));
  }

  /** Returns the input with shares, mean, rank, reference flags and group facts per row. */
  static Dataset<Row> prepare(Dataset<Row> input, List<String> groupBy, HeatInputs inputs) {
    Column[] keys = groupBy.stream().map(g -> col(g)).toArray(Column[]::new);
    WindowSpec group = Window.partitionBy(keys);
    Column n = InputChecks.nonNegative(col(inputs.population()).cast("double"), "population");
    Column y = InputChecks.nonNegative(col(inputs.estimate()).cast("double"), "estimate");
    Column se =
        InputChecks.nonNegative(col(inputs.standardError()).cast("double"), "standard error");
    Column isRef =
        inputs.reference() == null
            ? lit(false)
            : coalesce(col(inputs.reference()).cast("boolean"), lit(false));
    Dataset<Row> base =
        input
            .withColumn(N, n)
            .withColumn(Y, y)
            .withColumn(SE, se)
            .withColumn(IS_REF, isRef)
            .withColumn(P, quotient(col(N), sum(col(N)).over(group)))
            .withColumn(J, count(lit(1)).over(group))
            .withColumn(
                ORDERED,
                inputs.order() == null
                    ? lit(false)
                    : count(col(inputs.order())).over(group).equalTo(count(lit(1)).over(group)))
            .withColumn(HAS_REF, sum(when(col(IS_REF), 1).otherwise(0)).over(group).equalTo(1));
    base = base.withColumn(MU, sum(col(P).multiply(col(Y))).over(group));
    if (inputs.order() != null) {
      base =
          ConcentrationIndex.withFractionalRank(base, groupBy, inputs.order(), inputs.population())
              .withColumnRenamed(ConcentrationIndex.FRACTIONAL_RANK, RANK);
    } else {
      base = base.withColumn(RANK, lit(null).cast("double"));
    }
    // A group is ordered only when every row has an order; the others get no rank at all.
    base = base.withColumn(RANK, when(col(ORDERED), col(RANK)));
    Column centred = col(RANK).minus(0.5);
    Column r = quotient(greatest(col(Y), lit(TINY)), col(MU));
    return base.withColumn(SIGMA2, sum(col(P).multiply(pow(centred, 2))).over(group))
        .withColumn(K, sum(col(P).multiply(r).multiply(lit(1.0).plus(log(r)))).over(group));
  }

  private static List<Column> aggregates(HeatInputs inputs) {
    Column y = col(Y);
    Column se = col(SE);
    Column p = col(P);
    Column n = col(N);
    Column mu = col(MU);
    Column pair = struct(y.as("y"), se.as("se"), n.as("n"));
    Column order = inputs.order() == null ? lit(null).cast("double") : col(inputs.order());
    Column notRef = col(IS_REF).equalTo(false);
    List<Column> aggs = new ArrayList<>();
    aggs.add(first(mu).as(MU));
    aggs.add(first(col(J)).as(J));
    aggs.add(first(col(ORDERED)).as(ORDERED));
    aggs.add(first(col(HAS_REF)).as(HAS_REF));
    aggs.add(sum(n).as(N));
    aggs.add(max_by(pair, order).as("heat_top"));
    aggs.add(min_by(pair, order).as("heat_bottom"));
    aggs.add(max_by(pair, y).as("heat_highest"));
    aggs.add(min_by(pair, y).as("heat_lowest"));
    aggs.add(max_by(pair, when(col(IS_REF), lit(1))).as("heat_ref"));
    aggs.add(max_by(pair, when(notRef, y)).as("heat_other_highest"));
    aggs.add(min_by(pair, when(notRef, y)).as("heat_other_lowest"));
    // Convenient regression of 2 sigma^2 y / mu on the rank, weights N (HEAT's ACI/RCI).
    Column dep = quotient(col(SIGMA2).multiply(2).multiply(y), mu);
    Column rank = col(RANK);
    aggs.add(sum(n.multiply(rank)).as("heat_snr"));
    aggs.add(sum(n.multiply(rank).multiply(rank)).as("heat_snrr"));
    aggs.add(sum(n.multiply(dep)).as("heat_sy0"));
    aggs.add(sum(n.multiply(rank).multiply(dep)).as("heat_sy1"));
    aggs.add(sum(n.multiply(dep).multiply(dep)).as("heat_syy"));
    Column dev = y.minus(mu);
    Column p2se2 = pow(p, 2).multiply(pow(se, 2));
    aggs.add(sum(p.multiply(pow(dev, 2))).as(BGV));
    aggs.add(sum(p2se2.multiply(pow(dev, 2))).as("heat_bgv_a"));
    aggs.add(sum(p2se2).as("heat_bgv_b"));
    aggs.add(sum(pow(p2se2, 2)).as("heat_bgv_c"));
    aggs.add(
        sum(pow(p, 2).multiply(pow(lit(1.0).minus(p), 2)).multiply(pow(se, 4))).as("heat_bgv_d"));
    Column r = quotient(greatest(y, lit(TINY)), mu);
    aggs.add(sum(p.multiply(r).multiply(log(r))).multiply(1000).as(TI));
    aggs.add(
        sqrt(sum(quotient(p2se2, pow(mu, 2)).multiply(pow(lit(1.0).plus(log(r)).minus(col(K)), 2))))
            .multiply(1000)
            .as("heat_ti_se"));
    aggs.add(sum(p.multiply(log(r)).multiply(-1)).multiply(1000).as(MLD));
    aggs.add(
        sqrt(sum(
                quotient(p2se2, pow(mu, 2))
                    .multiply(pow(lit(1.0).minus(quotient(lit(1.0), r)), 2))))
            .multiply(1000)
            .as("heat_mld_se"));
    return aggs;
  }

  private static List<Column> analyticRows(HeatInputs inputs, double z) {
    boolean fav = inputs.favourable();
    Column ordered = col(ORDERED);
    Column hasRef = col(HAS_REF);
    Column j = col(J);
    Column mu = col(MU);
    Column nonOrdered = ordered.equalTo(false);
    Column one =
        when(ordered, col(fav ? "heat_top" : "heat_bottom"))
            .when(hasRef, col(fav ? "heat_ref" : "heat_other_highest"))
            .otherwise(col("heat_highest"));
    Column two =
        when(ordered, col(fav ? "heat_bottom" : "heat_top"))
            .when(hasRef, col(fav ? "heat_other_lowest" : "heat_ref"))
            .otherwise(col("heat_lowest"));
    Column y1 = one.getField("y");
    Column y2 = two.getField("y");
    Column se1 = one.getField("se");
    Column se2 = two.getField("se");
    Column dValue = y1.minus(y2);
    Column dSe = sqrt(pow(se1, 2).plus(pow(se2, 2)));
    Column rValue = quotient(y1, y2);
    Column rSe =
        quotient(sqrt(pow(se1, 2).plus(pow(rValue, 2).multiply(pow(se2, 2)))), y2.multiply(rValue));

    Column snn = col(N);
    Column det = snn.multiply(col("heat_snrr")).minus(pow(col("heat_snr"), 2));
    Column beta1 =
        quotient(
            snn.multiply(col("heat_sy1")).minus(col("heat_snr").multiply(col("heat_sy0"))), det);
    Column beta0 =
        quotient(
            col("heat_snrr")
                .multiply(col("heat_sy0"))
                .minus(col("heat_snr").multiply(col("heat_sy1"))),
            det);
    Column rss =
        col("heat_syy")
            .minus(beta0.multiply(col("heat_sy0")))
            .minus(beta1.multiply(col("heat_sy1")));
    Column rciSe = sqrt(quotient(quotient(greatest(rss, lit(0.0)), j.minus(2)).multiply(snn), det));

    Column bgvSe =
        sqrt(
            col("heat_bgv_a")
                .multiply(4)
                .plus(
                    pow(col("heat_bgv_b"), 2)
                        .minus(col("heat_bgv_c"))
                        .plus(col("heat_bgv_d"))
                        .multiply(2)));

    Column ref =
        when(ordered, col("heat_top"))
            .when(hasRef, col("heat_ref"))
            .otherwise(col(fav ? "heat_highest" : "heat_lowest"));
    Column yRef = ref.getField("y");
    Column nRef = ref.getField("n");
    Column worse = fav ? yRef.lt(mu) : yRef.gt(mu);
    Column par = when(worse, lit(0.0)).otherwise(yRef.minus(mu));
    double s = inputs.scale();
    Column cc = yRef.divide(s).multiply(nRef);
    Column dd = nRef.minus(cc);
    Column aa = mu.divide(s).multiply(col(N)).minus(cc);
    Column bb = col(N).minus(aa).minus(nRef);
    Column total = aa.plus(bb).plus(cc).plus(dd);
    Column pafFractionSe =
        sqrt(
            quotient(
                cc.multiply(total)
                    .multiply(
                        aa.multiply(dd).multiply(total.minus(cc)).plus(bb.multiply(pow(cc, 2)))),
                pow(aa.plus(cc), 3).multiply(pow(cc.plus(dd), 3))));
    Column paf = quotient(par, mu).multiply(100);

    Column any = j.geq(2);
    Column orderedMany = ordered.and(j.gt(2));
    Column unorderedMany = nonOrdered.and(j.gt(2));
    List<Column> rows = new ArrayList<>();
    rows.add(normalRow(D, any, dValue, dSe, z));
    rows.add(
        row(
            R,
            any,
            rValue,
            rSe,
            exp(log(rValue).minus(rSe.multiply(z))),
            exp(log(rValue).plus(rSe.multiply(z))),
            ANALYTIC));
    rows.add(normalRow(RCI, orderedMany, beta1, rciSe, z));
    rows.add(normalRow(ACI, orderedMany, beta1.multiply(mu), rciSe.multiply(mu), z));
    rows.add(normalRow(BGV, unorderedMany, col(BGV), bgvSe, z));
    rows.add(normalRow(TI, unorderedMany, col(TI), col("heat_ti_se"), z));
    rows.add(normalRow(MLD, unorderedMany, col(MLD), col("heat_mld_se"), z));
    Column truncated = worse;
    Column parSe = pafFractionSe.multiply(mu);
    Column pafSe = pafFractionSe.multiply(100);
    rows.add(
        row(
            PAR,
            any,
            par,
            parSe,
            when(truncated.equalTo(false), par.minus(parSe.multiply(z))),
            when(truncated.equalTo(false), par.plus(parSe.multiply(z))),
            ANALYTIC));
    rows.add(
        row(
            PAF,
            any,
            paf,
            pafSe,
            when(truncated.equalTo(false), paf.minus(pafSe.multiply(z))),
            when(truncated.equalTo(false), paf.plus(pafSe.multiply(z))),
            ANALYTIC));
    return rows;
  }

  private static Column normalRow(
      String measure, Column applies, Column value, Column se, double z) {
    return row(
        measure,
        applies,
        value,
        se,
        value.minus(se.multiply(z)),
        value.plus(se.multiply(z)),
        ANALYTIC);
  }

  /** Returns the struct of one long-format measure row. */
  static Column row(
      String measure,
      Column applies,
      Column value,
      Column se,
      Column lower,
      Column upper,
      String method) {
    return struct(
        lit(measure).as("measure"),
        coalesce(applies, lit(false)).as("applies"),
        value.cast("double").as("value"),
        se.cast("double").as("se"),
        lower.cast("double").as("lower"),
        upper.cast("double").as("upper"),
        lit(method).as("method"));
  }

  /**
   * Returns a / b, or null when b is 0: every measure is computed for every group before the rows
   * that do not apply are dropped, so a divisor that is 0 where a measure does not apply (a rank
   * regression over a non-ordered group, j - 2 for two subgroups, a mean of 0) must not fail the
   * job under ANSI arithmetic; where the measure applies, HEAT reports no value either.
   */
  static Column quotient(Column a, Column b) {
    return try_divide(a, b);
  }

  /** Returns |a - b|; kept next to the measures that use it. */
  static Column distance(Column a, Column b) {
    return abs(a.minus(b));
  }
}
