package org.fairshare.placetool;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.fairshare.schema.PlaceNeedIndicesTable;
import org.fairshare.schema.PublishedWeightedPopulations;

/**
 * NHS England's place-based allocation tool: a place's need index for a component is its weighted
 * population per head against its ICB's, (WP_place / Pop_place) / (WP_ICB / Pop_ICB), from the
 * practice weighted populations NHS England publishes. Sums are exact (decimal), the ratio is taken
 * in double from them, and results are rounded as NHS England publishes: populations to whole
 * persons, indices to 0.001, half-up. A blank weighted population is zero for its component, the
 * practice's population still counted, as the tool sums each column with blanks as zero.
 */
public final class PlaceNeedIndices {
  private PlaceNeedIndices() {}

  /** Exact sums of the published values (up to ten decimals, tens of millions of persons). */
  private static final DecimalType EXACT = DataTypes.createDecimalType(30, 10);

  private static final String WP = "_wp";
  private static final String POP = "_pop";

  /**
   * Returns place_need_indices' columns (without the slice) per allocation year, ICB, place and
   * component.
   *
   * @param practiceRows the published rows (practice x year x component) with a place_code column
   *     naming each practice's place; a row without a place is in no place's sums, but in its ICB's
   *     and England's
   * @param placeLevel recorded in the output (icb, sub_icb, pcn, la, custom)
   */
  public static Dataset<Row> needIndices(Dataset<Row> practiceRows, String placeLevel) {
    Dataset<Row> rows =
        practiceRows
            .withColumn(
                WP,
                functions.coalesce(
                    col(PublishedWeightedPopulations.WEIGHTED_POPULATION).cast(EXACT),
                    lit(0).cast(EXACT)))
            .withColumn(POP, col(PublishedWeightedPopulations.POPULATION).cast(EXACT));
    Column[] yearComponent = {
      col(PublishedWeightedPopulations.ALLOCATION_YEAR), col(PublishedWeightedPopulations.COMPONENT)
    };
    Dataset<Row> england =
        rows.groupBy(yearComponent)
            .agg(functions.sum(WP).as("_wp_eng"), functions.sum(POP).as("_pop_eng"));
    Dataset<Row> icb =
        rows.groupBy(
                col(PublishedWeightedPopulations.ALLOCATION_YEAR),
                col(PublishedWeightedPopulations.COMPONENT),
                col(PublishedWeightedPopulations.ICB_CODE))
            .agg(functions.sum(WP).as("_wp_icb"), functions.sum(POP).as("_pop_icb"));
    // A practice without a place still counts in its ICB's and England's sums, as in the tool,
    // whose ICB is every practice in it whichever places the user draws.
    Dataset<Row> place =
        rows.where(col(PlaceNeedIndicesTable.PLACE_CODE).isNotNull())
            .groupBy(
                col(PublishedWeightedPopulations.ALLOCATION_YEAR),
                col(PublishedWeightedPopulations.COMPONENT),
                col(PublishedWeightedPopulations.ICB_CODE),
                col(PlaceNeedIndicesTable.PLACE_CODE))
            .agg(
                functions
                    .countDistinct(col(PublishedWeightedPopulations.PRACTICE_CODE))
                    .cast(DataTypes.LongType)
                    .as(PlaceNeedIndicesTable.PRACTICES),
                functions.sum(WP).as(WP),
                functions.sum(POP).as(POP));
    Column placeRate = perHead(col(WP), col(POP));
    Column icbRate = perHead(col("_wp_icb"), col("_pop_icb"));
    Column englandRate = perHead(col("_wp_eng"), col("_pop_eng"));
    return place
        .join(
            icb,
            new String[] {
              PublishedWeightedPopulations.ALLOCATION_YEAR,
              PublishedWeightedPopulations.COMPONENT,
              PublishedWeightedPopulations.ICB_CODE
            })
        .join(
            england,
            new String[] {
              PublishedWeightedPopulations.ALLOCATION_YEAR, PublishedWeightedPopulations.COMPONENT
            })
        .select(
            col(PlaceNeedIndicesTable.ALLOCATION_YEAR),
            lit(placeLevel).as(PlaceNeedIndicesTable.PLACE_LEVEL),
            col(PlaceNeedIndicesTable.ICB_CODE),
            col(PlaceNeedIndicesTable.PLACE_CODE),
            col(PlaceNeedIndicesTable.COMPONENT),
            col(PlaceNeedIndicesTable.PRACTICES),
            wholePersons(col(POP)).as(PlaceNeedIndicesTable.POPULATION),
            wholePersons(col(WP)).as(PlaceNeedIndicesTable.WEIGHTED_POPULATION),
            index(functions.try_divide(placeRate, icbRate)).as(PlaceNeedIndicesTable.NEED_INDEX),
            index(functions.try_divide(icbRate, englandRate))
                .as(PlaceNeedIndicesTable.ICB_NEED_INDEX));
  }

  private static Column perHead(Column wp, Column pop) {
    return functions.try_divide(wp.cast(DataTypes.DoubleType), pop.cast(DataTypes.DoubleType));
  }

  /** Returns the value rounded half-up to whole persons. */
  static Column wholePersons(Column exact) {
    return functions.round(exact, 0).cast(DataTypes.LongType);
  }

  /** Returns the ratio rounded half-up to 0.001 (Spark's round is half-up). */
  static Column index(Column ratio) {
    return functions.round(ratio, 3).cast(PlaceNeedIndicesTable.INDEX_TYPE);
  }
}
