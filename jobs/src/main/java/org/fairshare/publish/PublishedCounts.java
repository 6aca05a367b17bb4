package org.fairshare.publish;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.publish.ComplementarySuppression.Cell;
import org.fairshare.publish.ComplementarySuppression.Relation;
import org.fairshare.publish.HierarchyRelations.Coordinates;
import org.fairshare.schema.AgeSexWeightsTable;
import org.fairshare.schema.EquityAccess;
import org.fairshare.schema.EquityChecks;
import org.fairshare.schema.EquityShares;
import org.fairshare.schema.InequalityIndicators;

/**
 * Disclosure control of the published tables that hold counts of events: small counts withheld with
 * every value derived from them ({@link Disclosure}), then complementary suppression over the
 * table's additive structure ({@link ComplementarySuppression}) so that no withheld count can be
 * recovered by subtraction from a published total, and tables that repeat a withheld count withheld
 * in step.
 */
public final class PublishedCounts {
  private PublishedCounts() {}

  /** Sentence of an equity finding whose figures are withheld. */
  public static final String WITHHELD_SENTENCE =
      "Figures withheld to protect confidentiality (small numbers)";

  private static final String KEY = "_disclosure_key";
  private static final String SEP = "\u0001";

  /**
   * Returns inequality_indicators as published: rows already withheld stay so; rows chosen as
   * complements across deciles, quintiles and the overall row of each geography and indicator, and
   * across places within ICBs and ICBs within England, are withheld too (numerator, value and
   * limits null, is_suppressed true).
   *
   * @param parents parent geography of each geography, see {@link HierarchyRelations#of}
   */
  public static Dataset<Row> indicators(Dataset<Row> rows, Map<String, String> parents) {
    return withComplements(
        rows,
        List.of(
            InequalityIndicators.GEOGRAPHY_LEVEL,
            InequalityIndicators.GEOGRAPHY_CODE,
            InequalityIndicators.INDICATOR,
            InequalityIndicators.BREAKDOWN,
            InequalityIndicators.GROUP_VALUE),
        InequalityIndicators.NUMERATOR,
        List.of(
            InequalityIndicators.NUMERATOR,
            InequalityIndicators.VALUE,
            InequalityIndicators.LOWER_CI,
            InequalityIndicators.UPPER_CI),
        parents);
  }

  /**
   * Returns equity_access as published with is_suppressed added: observed counts in the policy's
   * range withheld with the ratio and its limits, then complements chosen as for the indicators.
   * Persons and need-expected events do not come from the observed counts and stay.
   */
  public static Dataset<Row> access(
      Dataset<Row> rows, Map<String, String> parents, Disclosure.Policy policy) {
    Dataset<Row> primary =
        Disclosure.withSmallNumberSuppression(
            rows, List.of(EquityAccess.OBSERVED), accessDerived(), policy);
    List<String> nulled = new ArrayList<>(List.of(EquityAccess.OBSERVED));
    nulled.addAll(accessDerived());
    return withComplements(
        primary,
        List.of(
            EquityAccess.GEOGRAPHY_LEVEL,
            EquityAccess.GEOGRAPHY_CODE,
            EquityAccess.SERVICE,
            EquityAccess.BREAKDOWN,
            EquityAccess.GROUP_VALUE),
        EquityAccess.OBSERVED,
        nulled,
        parents);
  }

  /**
   * Returns equity_checks as published with is_suppressed added: a place's finding repeats the
   * equity_access row of its residents in national IMD quintile 1, so it is withheld exactly when
   * that row is (observed, ratio, limits, p- and q-value null; the sentence says why).
   */
  public static Dataset<Row> checks(Dataset<Row> checks, Dataset<Row> publishedAccess) {
    Dataset<Row> withheld =
        publishedAccess
            .where(
                col(EquityAccess.GEOGRAPHY_LEVEL)
                    .equalTo(EquityAccess.PLACE)
                    .and(col(EquityAccess.BREAKDOWN).equalTo(EquityAccess.IMD_QUINTILE))
                    .and(col(EquityAccess.GROUP_VALUE).equalTo("1"))
                    .and(col(Disclosure.IS_SUPPRESSED)))
            .select(
                col(EquityAccess.GEOGRAPHY_CODE).as(EquityChecks.PLACE_CODE),
                col(EquityAccess.SERVICE).as(EquityChecks.SERVICE),
                lit(true).as("_withheld"));
    Dataset<Row> joined =
        checks.join(
            broadcast(withheld),
            new String[] {EquityChecks.PLACE_CODE, EquityChecks.SERVICE},
            "left");
    Column small = coalesce(col("_withheld"), lit(false));
    Dataset<Row> out = joined.withColumn(Disclosure.IS_SUPPRESSED, small);
    for (String c :
        List.of(
            EquityChecks.OBSERVED,
            EquityChecks.RATIO,
            EquityChecks.LOWER_CI,
            EquityChecks.UPPER_CI,
            // With the expected events published, a p-value would give the count back.
            EquityChecks.P_VALUE,
            EquityChecks.Q_VALUE)) {
      out = out.withColumn(c, when(small.equalTo(false), col(c)));
    }
    out =
        out.withColumn(
            EquityChecks.SENTENCE,
            when(small, lit(WITHHELD_SENTENCE)).otherwise(col(EquityChecks.SENTENCE)));
    return out.select(columnsOf(checks, Disclosure.IS_SUPPRESSED));
  }

  /**
   * Returns equity_shares as published with is_suppressed added: a group's share of use (and the
   * spend estimated from it) times the geography's published total gives its count, so a row is
   * withheld when the group's equity_access row (breakdown core20 or plus, group true) is.
   */
  public static Dataset<Row> shares(Dataset<Row> shares, Dataset<Row> publishedAccess) {
    Dataset<Row> withheld =
        publishedAccess
            .where(
                col(EquityAccess.GROUP_VALUE)
                    .equalTo("true")
                    .and(col(Disclosure.IS_SUPPRESSED))
                    .and(col(EquityAccess.BREAKDOWN).isin(EquityAccess.CORE20, EquityAccess.PLUS)))
            .select(
                col(EquityAccess.GEOGRAPHY_LEVEL).as(EquityShares.GEOGRAPHY_LEVEL),
                col(EquityAccess.GEOGRAPHY_CODE).as(EquityShares.GEOGRAPHY_CODE),
                col(EquityAccess.BREAKDOWN).as(EquityShares.POPULATION_GROUP),
                col(EquityAccess.SERVICE).as(EquityShares.SERVICE),
                lit(true).as("_withheld"));
    Dataset<Row> joined =
        shares.join(
            broadcast(withheld),
            new String[] {
              EquityShares.GEOGRAPHY_LEVEL,
              EquityShares.GEOGRAPHY_CODE,
              EquityShares.POPULATION_GROUP,
              EquityShares.SERVICE
            },
            "left");
    Column small = coalesce(col("_withheld"), lit(false));
    Dataset<Row> out = joined.withColumn(Disclosure.IS_SUPPRESSED, small);
    for (String c :
        List.of(
            EquityShares.USE_SHARE,
            EquityShares.USE_TO_NEED_RATIO,
            EquityShares.SPEND_GBP,
            EquityShares.SPEND_SHARE,
            EquityShares.SPEND_TO_NEED_RATIO)) {
      out = out.withColumn(c, when(small.equalTo(false), col(c)));
    }
    return out.select(columnsOf(shares, Disclosure.IS_SUPPRESSED));
  }

  /**
   * Returns age_sex_weights as published with is_suppressed added: national events per service, age
   * band and sex in the policy's range withheld with the cost per event, and a complement in the
   * same service, because the service's national total is published (England's overall activity in
   * inequality_indicators). The weights themselves come from spend and stay.
   */
  public static Dataset<Row> ageSexWeights(Dataset<Row> rows, Disclosure.Policy policy) {
    Dataset<Row> primary =
        Disclosure.withSmallNumberSuppression(
            rows,
            List.of(AgeSexWeightsTable.EVENTS),
            List.of(AgeSexWeightsTable.COST_PER_EVENT_GBP),
            policy);
    List<String> keyColumns =
        List.of(
            AgeSexWeightsTable.SERVICE, AgeSexWeightsTable.AGE_BAND_START, AgeSexWeightsTable.SEX);
    List<Row> cellRows =
        primary
            .select(
                keyOf(keyColumns),
                col(AgeSexWeightsTable.SERVICE),
                coalesce(col(AgeSexWeightsTable.EVENTS).cast("double"), lit(0.0)),
                col(Disclosure.IS_SUPPRESSED))
            .collectAsList();
    List<Cell> cells = new ArrayList<>();
    Map<String, List<String>> partsByService = new LinkedHashMap<>();
    Map<String, Double> totals = new LinkedHashMap<>();
    for (Row r : cellRows) {
      cells.add(new Cell(r.getString(0), r.getDouble(2), r.getBoolean(3)));
      partsByService.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(0));
      totals.merge(r.getString(1), r.getDouble(2), Double::sum);
    }
    List<Relation> relations = new ArrayList<>();
    partsByService.forEach(
        (service, parts) -> {
          String total = "total" + SEP + service;
          cells.add(new Cell(total, totals.get(service), false));
          relations.add(new Relation(total, parts));
        });
    Set<String> withheld = ComplementarySuppression.withheld(cells, relations);
    return markWithheld(
        primary,
        keyColumns,
        withheld,
        List.of(AgeSexWeightsTable.EVENTS, AgeSexWeightsTable.COST_PER_EVENT_GBP));
  }

  /**
   * Returns the rows with complements withheld: collects each row's key, count and flag (a
   * published table's rows: geographies x measures x groups), chooses the complements over the
   * hierarchy's relations and nulls the given columns of every withheld row.
   */
  private static Dataset<Row> withComplements(
      Dataset<Row> rows,
      List<String> keyColumns,
      String countColumn,
      List<String> nulled,
      Map<String, String> parents) {
    List<Row> collected =
        rows.select(
                col(keyColumns.get(0)),
                col(keyColumns.get(1)),
                col(keyColumns.get(2)),
                col(keyColumns.get(3)),
                col(keyColumns.get(4)),
                coalesce(col(countColumn).cast("double"), lit(0.0)),
                coalesce(col(Disclosure.IS_SUPPRESSED), lit(false)))
            .collectAsList();
    List<Cell> cells = new ArrayList<>();
    List<Coordinates> coordinates = new ArrayList<>();
    for (Row r : collected) {
      Coordinates c =
          new Coordinates(
              r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4));
      coordinates.add(c);
      cells.add(new Cell(c.key(), r.getDouble(5), r.getBoolean(6)));
    }
    Set<String> withheld =
        ComplementarySuppression.withheld(cells, HierarchyRelations.of(coordinates, parents));
    return markWithheld(rows, keyColumns, withheld, nulled);
  }

  private static Dataset<Row> markWithheld(
      Dataset<Row> rows, List<String> keyColumns, Set<String> withheld, List<String> nulled) {
    SparkSession spark = rows.sparkSession();
    StructType keySchema = new StructType().add(KEY, DataTypes.StringType, false);
    List<Row> keyRows = withheld.stream().map(k -> RowFactory.create(k)).toList();
    Dataset<Row> keys =
        spark.createDataFrame(keyRows, keySchema).withColumn("_withheld", lit(true));
    Dataset<Row> joined =
        rows.withColumn(KEY, keyOf(keyColumns)).join(broadcast(keys), new String[] {KEY}, "left");
    Column small = coalesce(col("_withheld"), lit(false));
    Dataset<Row> out = joined.withColumn(Disclosure.IS_SUPPRESSED, small);
    for (String c : nulled) {
      out = out.withColumn(c, when(small.equalTo(false), col(c)));
    }
    return out.select(columnsOf(rows, Disclosure.IS_SUPPRESSED));
  }

  private static Column keyOf(List<String> keyColumns) {
    return concat_ws(
        SEP, keyColumns.stream().map(c -> col(c).cast("string")).toArray(Column[]::new));
  }

  /** Returns the rows' columns in order, with {@code extra} last unless already there. */
  private static Column[] columnsOf(Dataset<Row> rows, String extra) {
    List<Column> cols = new ArrayList<>();
    List<String> names = List.of(rows.columns());
    names.forEach(n -> cols.add(col(n)));
    if (!names.contains(extra)) {
      cols.add(col(extra));
    }
    return cols.toArray(Column[]::new);
  }

  private static List<String> accessDerived() {
    return List.of(
        EquityAccess.RATIO, EquityAccess.LOWER_CI, EquityAccess.UPPER_CI, EquityAccess.CI_METHOD);
  }
}
