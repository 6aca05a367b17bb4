package org.fairshare.geography;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.bround;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
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
import org.fairshare.schema.Money;

/**
 * NHS organisation boundary changes between two vintages (ICBs 2022 to 2026, sub-ICB locations,
 * places): a mapping table from_code, to_code, share, where share is the part of the old
 * organisation that goes to the new one (1 for a rename or a merger; population shares for a
 * split). Baselines, envelopes and indicator counts of one vintage are restated on the other.
 */
public final class BoundaryMapping {
  private BoundaryMapping() {}

  public static final String FROM_CODE = LsoaBridge.FROM_CODE;
  public static final String TO_CODE = LsoaBridge.TO_CODE;
  public static final String SHARE = "share";

  /** Columns of a mapping file (CSV with a header): from_code, to_code, share. */
  public static final StructType SCHEMA =
      new StructType()
          .add(FROM_CODE, DataTypes.StringType, false)
          .add(TO_CODE, DataTypes.StringType, false)
          .add(SHARE, DataTypes.DoubleType, false);

  /**
   * Returns the mapping implied by two area lookups of the same small areas: share = the population
   * of the old organisation's areas that the new lookup puts in each new organisation, over the old
   * organisation's population (best fit by population).
   *
   * @param oldLookup area_code, org_code of the old vintage
   * @param newLookup area_code, org_code of the new vintage (same area vintage; bridge first)
   * @param population area_code, population (persons)
   */
  public static Dataset<Row> fromAreaLookups(
      Dataset<Row> oldLookup, Dataset<Row> newLookup, Dataset<Row> population, String areaCode) {
    WindowSpec from = Window.partitionBy(FROM_CODE);
    return oldLookup
        .select(col(areaCode), col(oldLookup.columns()[1]).as(FROM_CODE))
        .join(newLookup.select(col(areaCode), col(newLookup.columns()[1]).as(TO_CODE)), areaCode)
        .join(population.select(col(areaCode), col(population.columns()[1]).as("p")), areaCode)
        .groupBy(FROM_CODE, TO_CODE)
        .agg(sum(col("p").cast("double")).as("p"))
        .withColumn(SHARE, try_divide(col("p"), sum("p").over(from)))
        .select(FROM_CODE, TO_CODE, SHARE);
  }

  /** Returns from_code, total_share of the old organisations whose shares do not add up to 1. */
  public static Dataset<Row> shareErrors(Dataset<Row> mapping) {
    return mapping
        .groupBy(FROM_CODE)
        .agg(sum(SHARE).as("total_share"))
        .where(abs(col("total_share").minus(1.0)).gt(1e-6));
  }

  /**
   * Returns the amounts restated on the new organisations: per new code (column {@code codeColumn})
   * and other key, the sum of amount x share (not rounded).
   */
  public static Dataset<Row> restate(
      Dataset<Row> data,
      Dataset<Row> mapping,
      String codeColumn,
      List<String> otherKeys,
      List<String> amounts) {
    return LsoaBridge.restateCounts(
        data, mapping.withColumnRenamed(SHARE, LsoaBridge.WEIGHT), codeColumn, otherKeys, amounts);
  }

  /**
   * Returns money (GBP, decimal(18,2)) restated on the new organisations to the penny: each old
   * amount x share is rounded half-even to the penny and the pennies the rounding lost or gained go
   * to the part with the largest share (ties to the smaller code), so that every old amount is
   * conserved exactly.
   */
  public static Dataset<Row> restateMoney(
      Dataset<Row> data,
      Dataset<Row> mapping,
      String codeColumn,
      List<String> otherKeys,
      String moneyColumn) {
    List<Column> oldKey = new ArrayList<>();
    oldKey.add(col(FROM_CODE));
    otherKeys.forEach(k -> oldKey.add(col(k)));
    WindowSpec parts = Window.partitionBy(oldKey.toArray(Column[]::new));
    WindowSpec ranked = parts.orderBy(col(SHARE).desc(), col(TO_CODE).asc());
    Column part = bround(col(moneyColumn).multiply(col(SHARE)), 2).cast(Money.TYPE);
    Dataset<Row> split =
        data.join(mapping, data.col(codeColumn).equalTo(mapping.col(FROM_CODE)))
            .drop(codeColumn)
            .withColumn("part", part)
            .withColumn(
                "part",
                when(
                        row_number().over(ranked).equalTo(1),
                        col("part").plus(col(moneyColumn).minus(sum("part").over(parts))))
                    .otherwise(col("part"))
                    .cast(Money.TYPE));
    List<Column> keys = new ArrayList<>();
    keys.add(col(TO_CODE).as(codeColumn));
    otherKeys.forEach(k -> keys.add(col(k)));
    return split
        .groupBy(keys.toArray(Column[]::new))
        .agg(sum("part").cast(Money.TYPE).as(moneyColumn));
  }
}
