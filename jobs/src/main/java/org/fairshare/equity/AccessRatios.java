package org.fairshare.equity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.inequality.PoissonLimits;
import org.fairshare.schema.EquityAccess;

/**
 * Observed / need-expected ratios with Poisson confidence limits for every geography, breakdown and
 * group: England, ICB and place, each overall, by national IMD quintile and decile, Core20 and
 * PLUS; places also by within-place quintile.
 */
public final class AccessRatios {
  private AccessRatios() {}

  /** England's code in geography_code. */
  public static final String ENGLAND_CODE = "E92000001";

  private record Cut(String level, Column code, String breakdown, Column group) {}

  /**
   * Returns rows of {@link EquityAccess#COLUMNS}: observed, expected, ratio = O / E and its limits
   * (exact Poisson limits of O below 10 events, Byar's otherwise, divided by E; null when E is 0).
   *
   * @param areaUse area-service rows with persons, observed, expected and the area groups
   * @param confidence confidence level of the limits (1 - alpha)
   * @param needBasis how expected was computed, recorded on every row
   */
  public static Dataset<Row> accessRatios(
      Dataset<Row> areaUse, double confidence, String needBasis) {
    List<Cut> cuts = new ArrayList<>();
    List<String[]> levels =
        List.of(
            new String[] {EquityAccess.ENGLAND, null},
            new String[] {EquityAccess.ICB, AreaGroups.ICB_CODE},
            new String[] {EquityAccess.PLACE, AreaGroups.PLACE_CODE});
    for (String[] level : levels) {
      Column code = level[1] == null ? lit(ENGLAND_CODE) : col(level[1]);
      cuts.add(new Cut(level[0], code, EquityAccess.ALL, lit(EquityAccess.ALL)));
      cuts.add(new Cut(level[0], code, EquityAccess.IMD_QUINTILE, col(AreaGroups.IMD_QUINTILE)));
      cuts.add(new Cut(level[0], code, EquityAccess.IMD_DECILE, col(AreaGroups.IMD_DECILE)));
      cuts.add(new Cut(level[0], code, EquityAccess.CORE20, col(AreaGroups.IS_CORE20)));
      cuts.add(new Cut(level[0], code, EquityAccess.PLUS, col(AreaGroups.IS_PLUS)));
      if (level[0].equals(EquityAccess.PLACE)) {
        cuts.add(
            new Cut(level[0], code, EquityAccess.LOCAL_QUINTILE, col(AreaGroups.LOCAL_QUINTILE)));
      }
    }
    Dataset<Row> all = null;
    for (Cut cut : cuts) {
      Dataset<Row> one =
          areaUse
              .groupBy(
                  lit(cut.level()).as(EquityAccess.GEOGRAPHY_LEVEL),
                  cut.code().as(EquityAccess.GEOGRAPHY_CODE),
                  lit(cut.breakdown()).as(EquityAccess.BREAKDOWN),
                  cut.group().cast("string").as(EquityAccess.GROUP_VALUE),
                  col(EquityAccess.SERVICE))
              .agg(
                  sum(col(NeedExpected.PERSONS)).as(EquityAccess.PERSONS),
                  sum(col(NeedExpected.OBSERVED)).as(EquityAccess.OBSERVED),
                  sum(col(NeedExpected.EXPECTED)).as(EquityAccess.EXPECTED));
      all = all == null ? one : all.unionByName(one);
    }
    return withRatio(all, confidence).withColumn(EquityAccess.NEED_BASIS, lit(needBasis));
  }

  /**
   * Adds ratio = observed / expected, lower_ci and upper_ci (Poisson limits of observed over
   * expected), confidence and ci_method; ratio and limits are null where expected is 0.
   */
  public static Dataset<Row> withRatio(Dataset<Row> rows, double confidence) {
    Column o = col(EquityAccess.OBSERVED);
    Column e = col(EquityAccess.EXPECTED);
    Column positive = e.gt(0);
    return rows.withColumn(EquityAccess.RATIO, ifPositive(positive, try_divide(o, e)))
        .withColumn(
            EquityAccess.LOWER_CI,
            ifPositive(positive, try_divide(PoissonLimits.lower(o, confidence), e)))
        .withColumn(
            EquityAccess.UPPER_CI,
            ifPositive(positive, try_divide(PoissonLimits.upper(o, confidence), e)))
        .withColumn(EquityAccess.CONFIDENCE, lit(confidence))
        .withColumn(EquityAccess.CI_METHOD, PoissonLimits.method(o));
  }

  private static Column ifPositive(Column positive, Column value) {
    return org.apache.spark.sql.functions.when(positive, value);
  }
}
