package org.fairshare.inequality;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The HEAT summary measures whose limits HEAT simulates: BGSD, COV, MDMU, MDMW, MDBU, MDBW, MDRU,
 * MDRW, IDISU, IDISW. As in HEAT, each subgroup estimate is drawn from Normal(y, se) truncated to
 * [0, 100] for percentages (scale 100), or to >= 0 otherwise, by rejection; the measure is
 * recomputed per draw (the best subgroup re-selected) and the limits are the (1-c)/2 and (1+c)/2
 * percentiles with linear interpolation (R type 7). The draws are seeded functions of (seed, group,
 * subgroup, repetition, try) computed in Spark, so the limits are reproducible here but match
 * HEAT's only in distribution. Rejection tries up to 16 candidates, then clamps to the bounds.
 */
final class HeatSimulation {
  private HeatSimulation() {}

  static final String BGSD = "bgsd";
  static final String COV = "cov";
  static final String MDMU = "mdmu";
  static final String MDMW = "mdmw";
  static final String MDBU = "mdbu";
  static final String MDBW = "mdbw";
  static final String MDRU = "mdru";
  static final String MDRW = "mdrw";
  static final String IDISU = "idisu";
  static final String IDISW = "idisw";

  static final List<String> MEASURES =
      List.of(BGSD, COV, MDMU, MDMW, MDBU, MDBW, MDRU, MDRW, IDISU, IDISW);

  private static final int TRIES = 16;
  private static final String REP = "heat_rep";
  private static final String DRAW = "heat_draw";

  /**
   * Returns one row per group: the point value and simulated limits of each measure, in columns
   * {@code <measure>}, {@code <measure>_lower}, {@code <measure>_upper}.
   */
  static Dataset<Row> simulated(
      Dataset<Row> prepared, List<String> groupBy, HeatInputs inputs, double confidence) {
    List<Column> keys = groupBy.stream().map(g -> col(g)).toList();
    Dataset<Row> point = measures(prepared, keys, col(HeatMeasures.Y), inputs.favourable());

    List<Column> drawKey = new ArrayList<>(keys);
    drawKey.add(col(inputs.subgroup()));
    drawKey.add(col(REP));
    Dataset<Row> reps =
        prepared
            .withColumn(REP, explode(sequence(lit(1), lit(inputs.repetitions()))))
            .withColumn(DRAW, truncatedDraw(inputs, drawKey));
    List<Column> repKeys = new ArrayList<>(keys);
    repKeys.add(col(REP));
    Dataset<Row> perRep = measures(reps, repKeys, col(DRAW), inputs.favourable());
    double low = (1 - confidence) / 2;
    double high = 1 - low;
    List<Column> aggs = new ArrayList<>();
    for (String m : MEASURES) {
      aggs.add(percentile(col(m), lit(low)).as(m + "_lower"));
      aggs.add(percentile(col(m), lit(high)).as(m + "_upper"));
    }
    Dataset<Row> limits =
        perRep
            .groupBy(keys.toArray(Column[]::new))
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    return point.join(limits, groupBy.toArray(String[]::new));
  }

  /** Returns the long-format row structs of the simulated measures (see HeatMeasures#row). */
  static List<Column> rows() {
    Column ordered = col(HeatMeasures.ORDERED);
    Column unorderedMany = ordered.equalTo(false).and(col(HeatMeasures.J).gt(2));
    Column withReference = unorderedMany.and(col(HeatMeasures.HAS_REF));
    List<Column> rows = new ArrayList<>();
    for (String m : MEASURES) {
      Column applies = m.equals(MDRU) || m.equals(MDRW) ? withReference : unorderedMany;
      rows.add(
          HeatMeasures.row(
              m,
              applies,
              col(m),
              lit(null),
              col(m + "_lower"),
              col(m + "_upper"),
              "simulation (truncated normal draws)"));
    }
    return rows;
  }

  /** Returns one draw of the estimate, truncated to the indicator's range by rejection. */
  private static Column truncatedDraw(HeatInputs inputs, List<Column> key) {
    double lower = 0;
    double upper = inputs.scale() == 100 ? 100 : Double.POSITIVE_INFINITY;
    Column y = col(HeatMeasures.Y);
    Column se = col(HeatMeasures.SE);
    Column[] candidates = new Column[TRIES + 1];
    for (int t = 0; t < TRIES; t++) {
      Column draw = y.plus(se.multiply(SeededNormal.standardNormal(inputs.seed(), t, key)));
      candidates[t] = when(draw.geq(lower).and(draw.leq(upper)), draw);
    }
    candidates[TRIES] = least(greatest(y, lit(lower)), lit(upper));
    return coalesce(candidates);
  }

  /** Returns one row per key with the ten measures computed from the value column. */
  private static Dataset<Row> measures(
      Dataset<Row> rows, List<Column> keys, Column value, boolean favourable) {
    WindowSpec w = Window.partitionBy(keys.toArray(Column[]::new));
    Column p = col(HeatMeasures.P);
    Dataset<Row> framed =
        rows.withColumn("heat_v", value)
            .withColumn("heat_v_mu", sum(p.multiply(col("heat_v"))).over(w))
            .withColumn(
                "heat_v_best", (favourable ? max(col("heat_v")) : min(col("heat_v"))).over(w))
            .withColumn("heat_v_ref", max(when(col(HeatMeasures.IS_REF), col("heat_v"))).over(w));
    Column v = col("heat_v");
    Column mu = col("heat_v_mu");
    Column fromMean = HeatMeasures.distance(v, mu);
    Column fromBest = HeatMeasures.distance(v, col("heat_v_best"));
    Column fromRef = HeatMeasures.distance(v, col("heat_v_ref"));
    Dataset<Row> sums =
        framed
            .groupBy(keys.toArray(Column[]::new))
            .agg(
                first(mu).as("heat_v_mu"),
                sqrt(sum(p.multiply(v.minus(mu)).multiply(v.minus(mu)))).as(BGSD),
                avg(fromMean).as(MDMU),
                sum(p.multiply(fromMean)).as(MDMW),
                avg(fromBest).as(MDBU),
                sum(p.multiply(fromBest)).as(MDBW),
                avg(fromRef).as(MDRU),
                sum(p.multiply(fromRef)).as(MDRW));
    Column m = col("heat_v_mu");
    return sums.withColumn(COV, HeatMeasures.quotient(col(BGSD), m).multiply(100))
        .withColumn(IDISU, HeatMeasures.quotient(col(MDMU), m).multiply(100))
        .withColumn(IDISW, HeatMeasures.quotient(col(MDMW), m).multiply(100))
        .drop("heat_v_mu");
  }
}
