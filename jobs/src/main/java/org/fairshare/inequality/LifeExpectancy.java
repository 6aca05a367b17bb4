package org.fairshare.inequality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.product;
import static org.apache.spark.sql.functions.sqrt;
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
 * Life expectancy from an abridged life table (PHEindicatormethods {@code phe_life_expectancy}):
 * Chiang's method II with Silcocks' variance for the open final interval, computed with window
 * functions over the age bands of each group.
 */
public final class LifeExpectancy {
  private LifeExpectancy() {}

  /** The 20 band start ages PHE requires: 0, 1, 5, 10, ..., 90 (90 and over). */
  public static final int BANDS = 20;

  /** Groups with this total population or less get null outputs. */
  public static final double MIN_TOTAL_POPULATION = 5000;

  /** Values whose 95% interval is wider than twice this (years) are suppressed. */
  public static final double MAX_HALF_WIDTH = 10;

  public static final String START_AGE = "start_age";
  public static final String POPULATIONS_USED = "pops_used";
  public static final String DEATHS_USED = "dths_used";
  public static final String CHIANG = "Chiang, using Silcocks et al for confidence limits";

  private static final double RADIX = 100_000;

  /**
   * Returns one row per group and band: the grouping columns, start_age, value (life expectancy at
   * that age, years), lower_ci, upper_ci, pops_used and dths_used (population and deaths from that
   * age up), confidence and method. A whole group is null when it does not have exactly 20 bands,
   * any deaths are negative or exceed the population, any population is 0 or less, the total
   * population is 5,000 or less, or there are no deaths in the last band. A value is null (limits
   * kept) when its 95% interval is wider than 20 years.
   *
   * @param startAge band start age column (0, 1, 5, ..., 90)
   * @param population person-years at risk per band
   * @param deaths deaths per band
   */
  public static Dataset<Row> lifeExpectancy(
      Dataset<Row> input,
      List<String> groupBy,
      String startAge,
      String population,
      String deaths,
      double confidence) {
    double c = Confidence.normalise(confidence);
    double z = Confidence.z(c);
    double z95 = Confidence.z(Confidence.PHE_95);
    Column[] keys = groupBy.stream().map(g -> col(g)).toArray(Column[]::new);
    WindowSpec group = Window.partitionBy(keys);
    WindowSpec byAge = Window.partitionBy(keys).orderBy(col(startAge));
    WindowSpec before = byAge.rowsBetween(Window.unboundedPreceding(), -1);
    WindowSpec fromHere = byAge.rowsBetween(Window.currentRow(), Window.unboundedFollowing());

    Column age = col(startAge).cast("double");
    Column p = col(population).cast("double");
    Column d = col(deaths).cast("double");
    Column bad = max(when(d.lt(0).or(p.leq(0)).or(d.gt(p)), 1).otherwise(0)).over(group);
    Column valid =
        bad.equalTo(0)
            .and(count(lit(1)).over(group).equalTo(BANDS))
            .and(sum(p).over(group).gt(MIN_TOTAL_POPULATION))
            .and(
                last(d)
                    .over(
                        byAge.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing()))
                    .geq(1));

    Column isLast = col("le_next_age").isNull();
    Column width = col("le_next_age").minus(age);
    Column m = try_divide(d, p);
    Column a = when(age.equalTo(0), 0.1).otherwise(0.5);
    Column nm = width.multiply(m);
    Column q =
        when(isLast, 1.0)
            .when(
                d.leq(try_divide(p, width.multiply(a))),
                nm.divide(lit(1.0).plus(nm.multiply(lit(1.0).minus(a)))))
            .otherwise(1.0);

    Dataset<Row> table =
        input
            .withColumn("le_next_age", lead(age, 1).over(byAge))
            .withColumn("le_valid", valid)
            .withColumn("le_m", m)
            .withColumn("le_a", a)
            .withColumn("le_n", width)
            .withColumn("le_q", q)
            .withColumn("le_l", product(lit(1.0).minus(col("le_q"))).over(before));
    Column l = org.apache.spark.sql.functions.coalesce(col("le_l"), lit(1.0)).multiply(RADIX);
    Column lNext = l.multiply(lit(1.0).minus(col("le_q")));
    Column dx = when(isLast, l).otherwise(l.minus(lNext));
    Column bigL =
        when(isLast, try_divide(l, col("le_m")))
            .otherwise(col("le_n").multiply(lNext.plus(col("le_a").multiply(dx))));
    table = table.withColumn("le_lx", l).withColumn("le_dx", dx).withColumn("le_big_l", bigL);
    Column e = try_divide(sum(col("le_big_l")).over(fromHere), col("le_lx"));
    table = table.withColumn("le_e", e);
    Column qq = col("le_q");
    Column s2 =
        when(isLast, try_divide(lit(4.0), d.multiply(pow(col("le_m"), 2))))
            .when(d.equalTo(0).or(col("le_dx").equalTo(0)), 0.0)
            .otherwise(qq.multiply(qq).multiply(lit(1.0).minus(qq)).divide(d));
    Column eNext = lead(col("le_e"), 1).over(byAge);
    Column w =
        when(isLast, pow(col("le_lx").divide(2), 2).multiply(s2))
            .otherwise(
                s2.multiply(pow(col("le_lx"), 2))
                    .multiply(
                        pow(lit(1.0).minus(col("le_a")).multiply(col("le_n")).plus(eNext), 2)));
    table = table.withColumn("le_w", w);
    Column se = sqrt(try_divide(sum(col("le_w")).over(fromHere), pow(col("le_lx"), 2)));
    table = table.withColumn("le_se", se);

    Column ok = col("le_valid");
    Column seCol = col("le_se");
    List<Column> out = new ArrayList<>();
    groupBy.forEach(g -> out.add(col(g)));
    out.add(col(startAge).as(START_AGE));
    out.add(
        when(ok.and(seCol.multiply(z95).leq(MAX_HALF_WIDTH)), col("le_e"))
            .as(IndicatorColumns.VALUE));
    out.add(when(ok, col("le_e").minus(seCol.multiply(z))).as(IndicatorColumns.LOWER_CI));
    out.add(when(ok, col("le_e").plus(seCol.multiply(z))).as(IndicatorColumns.UPPER_CI));
    out.add(when(ok, sum(p).over(fromHere)).as(POPULATIONS_USED));
    out.add(when(ok, sum(d).over(fromHere)).as(DEATHS_USED));
    out.add(lit(c).as(IndicatorColumns.CONFIDENCE));
    out.add(lit(CHIANG).as(IndicatorColumns.METHOD));
    return table.select(out.toArray(Column[]::new));
  }
}
