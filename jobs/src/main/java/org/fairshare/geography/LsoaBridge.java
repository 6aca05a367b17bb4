package org.fairshare.geography;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Best-fit bridge between two small-area vintages (LSOA 2011 and 2021, either way): each source
 * area's figures go to the target areas it overlaps, shared by the targets' populations. Unchanged
 * and merged areas have one target (weight 1); a split area's figures are shared among its parts by
 * their populations; a complex change is shared among every target it maps to the same way. Counts
 * are conserved exactly (weights of each source add up to 1); means are restated as
 * population-weighted means.
 */
public final class LsoaBridge {
  private LsoaBridge() {}

  public static final String FROM_CODE = "from_code";
  public static final String TO_CODE = "to_code";
  public static final String WEIGHT = "weight";
  public static final String POPULATION = "population";

  /** The bridge's columns: from_code, to_code, weight (share of the source, 0 to 1). */
  public static final StructType SCHEMA =
      new StructType()
          .add(FROM_CODE, DataTypes.StringType, false)
          .add(TO_CODE, DataTypes.StringType, false)
          .add(WEIGHT, DataTypes.DoubleType, false);

  /**
   * Returns the bridge (from_code, to_code, weight): for each source area, each target's population
   * over the population of all its targets; equal shares where none of its targets has a
   * population.
   *
   * @param pairs from_code, to_code: one row per overlapping pair (e.g. the ONS LSOA11 to LSOA21
   *     lookup, or it with the columns swapped for the other direction)
   * @param targetPopulation to_code, population (persons) of the target vintage
   */
  public static Dataset<Row> weights(Dataset<Row> pairs, Dataset<Row> targetPopulation) {
    WindowSpec source = Window.partitionBy(FROM_CODE);
    Column pop = coalesce(col(POPULATION), lit(0.0));
    return pairs
        .select(FROM_CODE, TO_CODE)
        .distinct()
        .join(
            targetPopulation.select(col(TO_CODE), col(POPULATION).cast("double").as(POPULATION)),
            new String[] {TO_CODE},
            "left")
        .withColumn(
            WEIGHT,
            when(sum(pop).over(source).gt(0), try_divide(pop, sum(pop).over(source)))
                .otherwise(lit(1.0).divide(count(lit(1)).over(source))))
        .select(FROM_CODE, TO_CODE, WEIGHT);
  }

  /**
   * Returns the counts restated on the target areas: per target (column {@code codeColumn}) and
   * other key, the sum of count x weight (counts in their own units, not rounded). Source areas the
   * bridge does not know are dropped; check with {@link #unbridged} first.
   *
   * @param data codeColumn, the other key columns and the counts
   * @param bridge rows of {@link #weights}
   */
  public static Dataset<Row> restateCounts(
      Dataset<Row> data,
      Dataset<Row> bridge,
      String codeColumn,
      List<String> otherKeys,
      List<String> counts) {
    List<Column> keys = new ArrayList<>();
    keys.add(col(TO_CODE).as(codeColumn));
    otherKeys.forEach(k -> keys.add(col(k)));
    List<Column> aggs = new ArrayList<>();
    for (String c : counts) {
      aggs.add(sum(col(c).cast("double").multiply(col(WEIGHT))).as(c));
    }
    return bridged(data, bridge, codeColumn)
        .groupBy(keys.toArray(Column[]::new))
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
  }

  /**
   * Returns the values restated on the target areas as population-weighted means: per target,
   * sum(value x population x weight) / sum(population x weight), and the restated population.
   *
   * @param data codeColumn, the other key columns, the population column and the values
   */
  public static Dataset<Row> restateMeans(
      Dataset<Row> data,
      Dataset<Row> bridge,
      String codeColumn,
      List<String> otherKeys,
      String populationColumn,
      List<String> values) {
    List<Column> keys = new ArrayList<>();
    keys.add(col(TO_CODE).as(codeColumn));
    otherKeys.forEach(k -> keys.add(col(k)));
    Column people = col(populationColumn).cast("double").multiply(col(WEIGHT));
    List<Column> aggs = new ArrayList<>();
    aggs.add(sum(people).as(populationColumn));
    for (String v : values) {
      aggs.add(
          try_divide(
                  sum(col(v).cast("double").multiply(people)),
                  sum(when(col(v).isNotNull(), people)))
              .as(v));
    }
    return bridged(data, bridge, codeColumn)
        .groupBy(keys.toArray(Column[]::new))
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
  }

  /** Returns the distinct codes of the data that the bridge has no source row for. */
  public static Dataset<Row> unbridged(Dataset<Row> data, Dataset<Row> bridge, String codeColumn) {
    return data.select(col(codeColumn))
        .distinct()
        .join(
            bridge.select(col(FROM_CODE).as(codeColumn)).distinct(),
            new String[] {codeColumn},
            "left_anti");
  }

  private static Dataset<Row> bridged(Dataset<Row> data, Dataset<Row> bridge, String codeColumn) {
    return data.join(bridge, data.col(codeColumn).equalTo(bridge.col(FROM_CODE))).drop(codeColumn);
  }
}
