package org.fairshare.equity;

import static org.apache.spark.sql.functions.col;
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
import org.fairshare.schema.EquityAccess;
import org.fairshare.schema.EquityShares;
import org.fairshare.schema.EquitySpend;
import org.fairshare.schema.Money;
import org.fairshare.schema.Spend;

/**
 * Shares of use, need and spend: the Core20PLUS check (what share of use and of spend reaches the
 * nationally most deprived 20% of areas and the PLUS areas, against their share of need) and spend
 * per need-weighted head per ICB.
 */
public final class NeedShares {
  private NeedShares() {}

  private static final String ICB_EVENTS = "equity_icb_events";
  private static final String GROUP_EVENTS = "equity_group_events";
  private static final String GROUP_SPEND = "equity_group_spend";

  /**
   * Returns the year's spend (GBP, decimal) per ICB and service: spend rows whose organisation is
   * an ICB of the areas, summed.
   */
  public static Dataset<Row> icbSpend(Dataset<Row> spend, Dataset<Row> icbCodes, int year) {
    return spend
        .filter(col(Spend.YEAR).equalTo(year))
        .join(
            icbCodes.select(col(AreaGroups.ICB_CODE).as(Spend.ORGANISATION_CODE)).distinct(),
            NeedExpected.keys(Spend.ORGANISATION_CODE),
            "inner")
        .groupBy(col(Spend.ORGANISATION_CODE).as(EquitySpend.ICB_CODE), col(Spend.SERVICE))
        .agg(sum(col(Spend.SPEND_GBP)).cast(Money.TYPE).as(EquitySpend.SPEND_GBP));
  }

  /**
   * Returns rows of {@link EquitySpend#COLUMNS} per ICB and service: spend per head and per
   * need-weighted head (persons x the ICB's need-expected events per head over England's observed
   * events per head), and spend share over need share, shares taken over the ICBs with spend.
   */
  public static Dataset<Row> spendAgainstNeed(Dataset<Row> areaUse, Dataset<Row> icbSpend) {
    Dataset<Row> icb =
        areaUse
            .groupBy(col(AreaGroups.ICB_CODE), col(EquityAccess.SERVICE))
            .agg(
                sum(col(NeedExpected.PERSONS)).as(EquitySpend.PERSONS),
                sum(col(NeedExpected.OBSERVED)).as(NeedExpected.OBSERVED),
                sum(col(NeedExpected.EXPECTED)).as(NeedExpected.EXPECTED));
    WindowSpec service = Window.partitionBy(col(EquityAccess.SERVICE));
    Column nationalPerHead =
        sum(col(NeedExpected.OBSERVED))
            .over(service)
            .divide(sum(col(EquitySpend.PERSONS)).over(service));
    Column weighted = try_divide(col(NeedExpected.EXPECTED), nationalPerHead);
    Column spendD = col(EquitySpend.SPEND_GBP).cast("double");
    Column spendShare = try_divide(spendD, sum(spendD).over(service));
    Column needShare =
        try_divide(col(NeedExpected.EXPECTED), sum(col(NeedExpected.EXPECTED)).over(service));
    return icb.join(icbSpend, NeedExpected.keys(AreaGroups.ICB_CODE, EquityAccess.SERVICE), "inner")
        .withColumn(EquitySpend.NEED_WEIGHTED_PERSONS, weighted)
        .withColumn(
            EquitySpend.SPEND_PER_HEAD_GBP,
            try_divide(spendD, col(EquitySpend.PERSONS)).cast(Money.TYPE))
        .withColumn(
            EquitySpend.SPEND_PER_NEED_WEIGHTED_HEAD_GBP,
            try_divide(spendD, col(EquitySpend.NEED_WEIGHTED_PERSONS)).cast(Money.TYPE))
        .withColumn(EquitySpend.SPEND_SHARE, spendShare)
        .withColumn(EquitySpend.NEED_SHARE, needShare)
        .withColumn(
            EquitySpend.SPEND_TO_NEED_RATIO,
            try_divide(col(EquitySpend.SPEND_SHARE), col(EquitySpend.NEED_SHARE)))
        .drop(NeedExpected.OBSERVED, NeedExpected.EXPECTED);
  }

  /**
   * Returns rows of {@link EquityShares#COLUMNS} for England and each ICB, for core20 and (when any
   * area is flagged) plus: the group's shares of residents, events and need-expected events, and of
   * spend estimated by giving each ICB's spend on a service to its groups in proportion to their
   * events (i.e. at the ICB's average unit cost). Spend columns are null without ICB spend.
   *
   * @param icbSpend per ICB and service, spend_gbp (from {@link #icbSpend})
   */
  public static Dataset<Row> core20Plus(Dataset<Row> areaUse, Dataset<Row> icbSpend) {
    List<String[]> groups = new ArrayList<>();
    groups.add(new String[] {EquityShares.CORE20, AreaGroups.IS_CORE20});
    groups.add(new String[] {EquityShares.PLUS, AreaGroups.IS_PLUS});
    Dataset<Row> perIcb = null;
    for (String[] g : groups) {
      Column in = col(g[1]);
      Dataset<Row> one =
          areaUse
              .groupBy(
                  lit(g[0]).as(EquityShares.POPULATION_GROUP),
                  col(AreaGroups.ICB_CODE),
                  col(EquityAccess.SERVICE))
              .agg(
                  sum(when(in, col(NeedExpected.PERSONS)).otherwise(0.0)).as("g_persons"),
                  sum(col(NeedExpected.PERSONS)).as("t_persons"),
                  sum(when(in, col(NeedExpected.OBSERVED)).otherwise(0L)).as(GROUP_EVENTS),
                  sum(col(NeedExpected.OBSERVED)).as(ICB_EVENTS),
                  sum(when(in, col(NeedExpected.EXPECTED)).otherwise(0.0)).as("g_expected"),
                  sum(col(NeedExpected.EXPECTED)).as("t_expected"),
                  sum(when(in, lit(1)).otherwise(0)).as("g_flagged"));
      perIcb = perIcb == null ? one : perIcb.unionByName(one);
    }
    Column spendD = col(EquitySpend.SPEND_GBP).cast("double");
    Dataset<Row> withSpend =
        perIcb
            .join(icbSpend, NeedExpected.keys(AreaGroups.ICB_CODE, EquityAccess.SERVICE), "left")
            .withColumn("t_spend", spendD)
            .withColumn(
                GROUP_SPEND,
                try_divide(spendD.multiply(col(GROUP_EVENTS)), col(ICB_EVENTS).cast("double")));
    Dataset<Row> england =
        withSpend
            .groupBy(col(EquityShares.POPULATION_GROUP), col(EquityAccess.SERVICE))
            .agg(
                sum(col("g_persons")).as("g_persons"),
                sum(col("t_persons")).as("t_persons"),
                sum(col(GROUP_EVENTS)).as(GROUP_EVENTS),
                sum(col(ICB_EVENTS)).as(ICB_EVENTS),
                sum(col("g_expected")).as("g_expected"),
                sum(col("t_expected")).as("t_expected"),
                sum(col("g_flagged")).as("g_flagged"),
                sum(col(GROUP_SPEND)).as(GROUP_SPEND),
                sum(col("t_spend")).as("t_spend"))
            .withColumn(EquityShares.GEOGRAPHY_LEVEL, lit(EquityAccess.ENGLAND))
            .withColumn(EquityShares.GEOGRAPHY_CODE, lit(AccessRatios.ENGLAND_CODE));
    Dataset<Row> icb =
        withSpend
            .withColumn(EquityShares.GEOGRAPHY_LEVEL, lit(EquityAccess.ICB))
            .withColumnRenamed(AreaGroups.ICB_CODE, EquityShares.GEOGRAPHY_CODE);
    Dataset<Row> both = england.unionByName(icb, true);
    Column needShare = try_divide(col("g_expected"), col("t_expected"));
    Column useShare = try_divide(col(GROUP_EVENTS).cast("double"), col(ICB_EVENTS).cast("double"));
    Column spendShare = try_divide(col(GROUP_SPEND), col("t_spend"));
    return both.filter(
            col(EquityShares.POPULATION_GROUP)
                .equalTo(EquityShares.CORE20)
                .or(col("g_flagged").gt(0)))
        .select(
            col(EquityShares.GEOGRAPHY_LEVEL),
            col(EquityShares.GEOGRAPHY_CODE),
            col(EquityShares.POPULATION_GROUP),
            col(EquityAccess.SERVICE),
            try_divide(col("g_persons"), col("t_persons")).as(EquityShares.POPULATION_SHARE),
            useShare.as(EquityShares.USE_SHARE),
            needShare.as(EquityShares.NEED_SHARE),
            try_divide(useShare, needShare).as(EquityShares.USE_TO_NEED_RATIO),
            col(GROUP_SPEND).cast(Money.TYPE).as(EquityShares.SPEND_GBP),
            spendShare.as(EquityShares.SPEND_SHARE),
            try_divide(spendShare, needShare).as(EquityShares.SPEND_TO_NEED_RATIO));
  }
}
