package org.fairshare.equity;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.fairshare.schema.Deprivation;
import org.fairshare.schema.EquityAccess;
import org.fairshare.schema.GeographyLookup;

/**
 * The groups each small area belongs to: place, ICB, national IMD quintile and decile, quintile of
 * national IMD rank within its place, Core20 and PLUS membership.
 */
public final class AreaGroups {
  private AreaGroups() {}

  public static final String AREA_CODE = GeographyLookup.AREA_CODE;
  public static final String PLACE_CODE = GeographyLookup.PLACE_CODE;
  public static final String PLACE_NAME = GeographyLookup.PLACE_NAME;
  public static final String ICB_CODE = GeographyLookup.ICB_CODE;
  public static final String IMD_RANK = Deprivation.IMD_RANK;
  public static final String IMD_DECILE = Deprivation.IMD_DECILE;
  public static final String IMD_QUINTILE = EquityAccess.IMD_QUINTILE;
  public static final String LOCAL_QUINTILE = EquityAccess.LOCAL_QUINTILE;
  public static final String IS_CORE20 = "is_core20";
  public static final String IS_PLUS = "is_plus";

  /**
   * Returns one row per area with place_code, place_name, icb_code, imd_rank, imd_decile,
   * imd_quintile (national, from the decile: 1 = deciles 1-2), local_quintile (1-5 by the
   * population mid-point of the area in its place's ranking by national IMD rank), is_core20
   * (national deciles 1-2) and is_plus (area listed in plusAreas).
   *
   * @param residents one row per area with persons (its residents)
   */
  public static Dataset<Row> areaGroups(
      Dataset<Row> geography,
      Dataset<Row> deprivation,
      Dataset<Row> residents,
      List<String> plusAreas) {
    WindowSpec place = Window.partitionBy(col(PLACE_CODE));
    WindowSpec upTo =
        Window.partitionBy(col(PLACE_CODE))
            .orderBy(col(IMD_RANK), col(AREA_CODE))
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column n = col(NeedExpected.PERSONS);
    Column midpoint = sum(n).over(upTo).minus(n.divide(2)).divide(sum(n).over(place));
    Column plus =
        plusAreas.isEmpty() ? lit(false) : col(AREA_CODE).isin(plusAreas.toArray(Object[]::new));
    return geography
        .select(col(AREA_CODE), col(PLACE_CODE), col(PLACE_NAME), col(ICB_CODE))
        .join(
            deprivation.select(col(AREA_CODE), col(IMD_RANK), col(IMD_DECILE)),
            NeedExpected.keys(AREA_CODE),
            "inner")
        .join(residents, NeedExpected.keys(AREA_CODE), "inner")
        .withColumn(IMD_QUINTILE, floor(col(IMD_DECILE).plus(1).divide(2)).cast("int"))
        .withColumn(LOCAL_QUINTILE, least(lit(5), floor(midpoint.multiply(5)).plus(1)).cast("int"))
        .withColumn(IS_CORE20, col(IMD_DECILE).leq(2))
        .withColumn(IS_PLUS, plus)
        .drop(NeedExpected.PERSONS);
  }

  /** Returns the area-service rows with the area's groups joined on (areas without groups drop). */
  public static Dataset<Row> withAreaGroups(Dataset<Row> areaUse, Dataset<Row> areaGroups) {
    return areaUse.join(broadcast(areaGroups), NeedExpected.keys(AREA_CODE), "inner");
  }
}
