package org.fairshare.inequality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * WHO HEAT's slope index (sii_heat) and relative index (rii_heat) of inequality per group, by the
 * logistic model of {@link LogisticSlopeFit}: not PHE's SII and RII ({@link SlopeIndex}), which fit
 * a straight line by weighted least squares and simulate the limits.
 */
public final class HeatSlopeIndex {
  private HeatSlopeIndex() {}

  public static final String SII_HEAT = "sii_heat";
  public static final String RII_HEAT = "rii_heat";
  public static final String METHOD =
      "HEAT logistic model on mid-point ranks, HC1 delta-method limits";

  private static final String FIT = "heat_fit";
  private static final StructType FIT_TYPE =
      new StructType()
          .add("sii", DataTypes.DoubleType)
          .add("sii_se", DataTypes.DoubleType)
          .add("rii", DataTypes.DoubleType)
          .add("log_rii_se", DataTypes.DoubleType);

  /**
   * Returns one row per group with a fit: the grouping columns, measure (sii_heat or rii_heat),
   * value, standard_error (SII on the indicator scale; ln RII for the RII), lower_ci, upper_ci
   * (normal on the difference and on ln RII), confidence and method. Groups where HEAT gives no
   * value (see {@link LogisticSlopeFit#fit}), or where a row has no order, have no row.
   *
   * @param order subgroup order column, 1 = most disadvantaged
   * @param population subgroup population column
   * @param estimate subgroup estimate column, on the indicator scale
   * @param scale indicator scale (100 for percentages)
   */
  public static Dataset<Row> slopeIndex(
      Dataset<Row> input,
      List<String> groupBy,
      String order,
      String population,
      String estimate,
      double scale,
      String measure,
      double confidence) {
    double c = Confidence.normalise(confidence);
    double z = Confidence.z(c);
    Column[] keys = groupBy.stream().map(g -> col(g)).toArray(Column[]::new);
    Column subgroup =
        struct(
            col(order).cast("double").as("o"),
            InputChecks.nonNegative(col(population).cast("double"), "population").as("n"),
            col(estimate).cast("double").as("y"));
    Dataset<Row> fitted =
        input
            .groupBy(keys)
            .agg(collect_list(subgroup).as("heat_subgroups"))
            .withColumn(FIT, fitter(scale).apply(col("heat_subgroups")))
            .filter(col(FIT).isNotNull());
    boolean sii = measure.equals(SII_HEAT);
    Column value = col(FIT + (sii ? ".sii" : ".rii"));
    Column se = col(FIT + (sii ? ".sii_se" : ".log_rii_se"));
    Column lower = sii ? value.minus(se.multiply(z)) : exp(log(value).minus(se.multiply(z)));
    Column upper = sii ? value.plus(se.multiply(z)) : exp(log(value).plus(se.multiply(z)));
    List<Column> out = new ArrayList<>();
    groupBy.forEach(g -> out.add(col(g)));
    out.add(lit(measure).as(IndicatorColumns.MEASURE));
    out.add(value.as(IndicatorColumns.VALUE));
    out.add(se.as(IndicatorColumns.STANDARD_ERROR));
    out.add(lower.as(IndicatorColumns.LOWER_CI));
    out.add(upper.as(IndicatorColumns.UPPER_CI));
    out.add(lit(c).as(IndicatorColumns.CONFIDENCE));
    out.add(lit(METHOD).as(IndicatorColumns.METHOD));
    return fitted.select(out.toArray(Column[]::new));
  }

  private static UserDefinedFunction fitter(double scale) {
    UDF1<Seq<Row>, Row> fit =
        rows -> {
          List<Row> list = CollectionConverters.asJava(rows);
          int k = list.size();
          double[] o = new double[k];
          double[] n = new double[k];
          double[] y = new double[k];
          for (int j = 0; j < k; j++) {
            Row r = list.get(j);
            // A group is ordered only when every row has an order.
            if (r.isNullAt(0) || r.isNullAt(1) || r.isNullAt(2)) {
              return null;
            }
            o[j] = r.getDouble(0);
            n[j] = r.getDouble(1);
            y[j] = r.getDouble(2);
          }
          LogisticSlopeFit.Result f = LogisticSlopeFit.fit(o, n, y, scale);
          return f == null ? null : RowFactory.create(f.sii(), f.siiSe(), f.rii(), f.logRiiSe());
        };
    return udf(fit, FIT_TYPE);
  }
}
