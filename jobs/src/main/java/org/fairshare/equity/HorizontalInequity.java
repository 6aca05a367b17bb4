package org.fairshare.equity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.inequality.ConcentrationIndex;
import org.fairshare.inequality.Confidence;
import org.fairshare.inequality.IndicatorColumns;
import org.fairshare.schema.EquityAccess;
import org.fairshare.schema.EquityInequity;

/**
 * Concentration indices of use and of need-expected use per head over small areas ranked by
 * national IMD rank (grouped-data formula, delta-method SE), and the horizontal inequity index HI =
 * CI(use) - CI(need-expected), per geography (England, ICB, place) and service.
 */
public final class HorizontalInequity {
  private HorizontalInequity() {}

  public static final String METHOD =
      "grouped concentration index over small areas ranked by national IMD rank (1 = most"
          + " deprived), delta-method SE with n = residents; HI = CI(use) - CI(need-expected),"
          + " SE sqrt(se_use^2 + se_need^2); use per head is unbounded, so no Wagstaff or"
          + " Erreygers correction";

  private static final String MEAN_COLUMN = "equity_per_head";
  private static final List<String> KEYS =
      List.of(EquityInequity.GEOGRAPHY_LEVEL, EquityInequity.GEOGRAPHY_CODE, EquityAccess.SERVICE);

  /**
   * Returns rows of {@link EquityInequity#COLUMNS}. Areas without residents are left out (they
   * carry no weight).
   *
   * @param areaUse area-service rows with persons, observed, expected, imd_rank, icb_code and
   *     place_code
   */
  public static Dataset<Row> horizontalInequity(Dataset<Row> areaUse, double confidence) {
    double z = Confidence.z(confidence);
    Dataset<Row> byGeography = byGeography(areaUse.filter(col(NeedExpected.PERSONS).gt(0)));
    ConcentrationIndex.Inputs inputs =
        new ConcentrationIndex.Inputs(
            AreaGroups.IMD_RANK, NeedExpected.PERSONS, MEAN_COLUMN, null, null);
    Dataset<Row> use =
        concentrationOfPerHead(byGeography, NeedExpected.OBSERVED, inputs, confidence)
            .select(
                col(KEYS.get(0)),
                col(KEYS.get(1)),
                col(KEYS.get(2)),
                col(ConcentrationIndex.MEAN).as(EquityInequity.USE_PER_HEAD),
                col(IndicatorColumns.VALUE).as(EquityInequity.CI_USE),
                col(IndicatorColumns.STANDARD_ERROR).as(EquityInequity.CI_USE_SE));
    Dataset<Row> need =
        concentrationOfPerHead(byGeography, NeedExpected.EXPECTED, inputs, confidence)
            .select(
                col(KEYS.get(0)),
                col(KEYS.get(1)),
                col(KEYS.get(2)),
                col(IndicatorColumns.VALUE).as(EquityInequity.CI_NEED),
                col(IndicatorColumns.STANDARD_ERROR).as(EquityInequity.CI_NEED_SE));
    Dataset<Row> areas =
        byGeography
            .groupBy(col(KEYS.get(0)), col(KEYS.get(1)), col(KEYS.get(2)))
            .agg(count(lit(1)).as(EquityInequity.AREAS));
    String[] keys = KEYS.toArray(String[]::new);
    Column hi = col(EquityInequity.CI_USE).minus(col(EquityInequity.CI_NEED));
    Column se =
        sqrt(pow(col(EquityInequity.CI_USE_SE), 2).plus(pow(col(EquityInequity.CI_NEED_SE), 2)));
    return areas
        .join(use, keys, "inner")
        .join(need, keys, "inner")
        .withColumn(EquityInequity.HI, hi)
        .withColumn(EquityInequity.HI_SE, se)
        .withColumn(EquityInequity.HI_LOWER_CI, hi.minus(se.multiply(z)))
        .withColumn(EquityInequity.HI_UPPER_CI, hi.plus(se.multiply(z)))
        .withColumn(EquityInequity.CONFIDENCE, lit(confidence))
        .withColumn(EquityInequity.METHOD, lit(METHOD));
  }

  /** Returns the area rows once per geography they belong to (England, their ICB, their place). */
  private static Dataset<Row> byGeography(Dataset<Row> areaUse) {
    List<Column[]> levels = new ArrayList<>();
    levels.add(new Column[] {lit(EquityAccess.ENGLAND), lit(AccessRatios.ENGLAND_CODE)});
    levels.add(new Column[] {lit(EquityAccess.ICB), col(AreaGroups.ICB_CODE)});
    levels.add(new Column[] {lit(EquityAccess.PLACE), col(AreaGroups.PLACE_CODE)});
    Dataset<Row> all = null;
    for (Column[] level : levels) {
      Dataset<Row> one =
          areaUse.select(
              level[0].as(EquityInequity.GEOGRAPHY_LEVEL),
              level[1].as(EquityInequity.GEOGRAPHY_CODE),
              col(EquityAccess.SERVICE),
              col(AreaGroups.IMD_RANK),
              col(NeedExpected.PERSONS),
              col(NeedExpected.OBSERVED),
              col(NeedExpected.EXPECTED));
      all = all == null ? one : all.unionByName(one);
    }
    return all;
  }

  /** Returns the concentration index of {@code column} per head over deprivation rank. */
  private static Dataset<Row> concentrationOfPerHead(
      Dataset<Row> byGeography,
      String column,
      ConcentrationIndex.Inputs inputs,
      double confidence) {
    return ConcentrationIndex.concentrationIndex(
        byGeography.withColumn(MEAN_COLUMN, col(column).divide(col(NeedExpected.PERSONS))),
        KEYS,
        inputs,
        ConcentrationIndex.Bounds.none(),
        confidence);
  }
}
