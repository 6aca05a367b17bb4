package org.fairshare.inequality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.schema.Activity;
import org.fairshare.schema.Columns;
import org.fairshare.schema.Deprivation;
import org.fairshare.schema.GeographyLookup;
import org.fairshare.schema.InequalityIndicators;
import org.fairshare.schema.Mortality;
import org.fairshare.schema.Population;
import org.fairshare.schema.Spend;

/**
 * The built-in inequality indicators of a run, as pure transforms: activity rates per service
 * (crude and ESP2013 age-standardised, per 1,000), premature mortality (under-75 DSR per 100,000)
 * and spend per head, for each place, ICB and England, overall and by national IMD decile and
 * quintile. The inputs are first reduced to "cells" (place x ICB x IMD decile x age band [x
 * service]), which are small; every geography and breakdown is then summed from the cells in one
 * aggregation.
 */
public final class BuiltInIndicators {
  private BuiltInIndicators() {}

  public static final String LEVEL_PLACE = "place";
  public static final String LEVEL_ICB = "icb";
  public static final String LEVEL_ENGLAND = "england";

  /** ONS code of England, the geography_code of the national rows. */
  public static final String ENGLAND_CODE = "E92000001";

  public static final String BREAKDOWN_DECILE = "imd_decile";
  public static final String BREAKDOWN_QUINTILE = "imd_quintile";
  public static final String BREAKDOWN_ALL = "all";
  public static final String GROUP_ALL = "all";

  /** Suffix of the crude activity rate indicators, e.g. emergency_admissions_rate. */
  public static final String RATE_SUFFIX = "_rate";

  /** Suffix of the age-standardised activity rate indicators, e.g. emergency_admissions_dsr. */
  public static final String DSR_SUFFIX = "_dsr";

  public static final String PREMATURE_MORTALITY = "premature_mortality_dsr";
  public static final String SPEND_PER_HEAD = "spend_per_head";

  /** Activity rates are per 1,000 population. */
  public static final double ACTIVITY_MULTIPLIER = 1_000;

  /** Mortality rates are per 100,000 population. */
  public static final double MORTALITY_MULTIPLIER = 100_000;

  /** Deaths under this age are premature. */
  public static final int PREMATURE_BEFORE_AGE = 75;

  public static final String SPEND_METHOD =
      "ICB spend apportioned to areas by their share of the ICB's activity";

  /** Decile of areas without one (never published as a group: they count in "all" only). */
  static final int UNKNOWN_DECILE = 0;

  /** Count behind a row that disclosure control tests (events or deaths). */
  public static final String DISCLOSURE_COUNT = "disclosure_count";

  /** True when the row's numerator is that count (rates), false when it is money (spend). */
  public static final String IS_COUNT_NUMERATOR = "is_count_numerator";

  static final String BAND = Mortality.AGE_BAND_START;
  static final String EVENTS = Activity.EVENTS;
  static final String PERSONS = Population.PERSONS;
  static final String DEATHS = Mortality.DEATHS;
  static final String SPEND = "spend";
  private static final String STANDARD = "standard_population";
  private static final String ICB_EVENTS = "icb_events";

  /** Columns that place a cell: every geography and breakdown is a sum of cells. */
  static final List<String> CELL =
      List.of(Columns.PLACE_CODE, Columns.ICB_CODE, Deprivation.IMD_DECILE);

  /** Columns that name one published group. */
  public static final List<String> GROUP =
      List.of(
          InequalityIndicators.GEOGRAPHY_LEVEL,
          InequalityIndicators.GEOGRAPHY_CODE,
          InequalityIndicators.BREAKDOWN,
          InequalityIndicators.GROUP_VALUE);

  /** Columns of the indicator rows, before disclosure control. */
  public static final List<String> INDICATOR_COLUMNS =
      List.of(
          InequalityIndicators.GEOGRAPHY_LEVEL,
          InequalityIndicators.GEOGRAPHY_CODE,
          InequalityIndicators.INDICATOR,
          InequalityIndicators.BREAKDOWN,
          InequalityIndicators.GROUP_VALUE,
          InequalityIndicators.NUMERATOR,
          InequalityIndicators.DENOMINATOR,
          InequalityIndicators.VALUE,
          InequalityIndicators.LOWER_CI,
          InequalityIndicators.UPPER_CI,
          InequalityIndicators.METHOD,
          InequalityIndicators.CONFIDENCE,
          DISCLOSURE_COUNT,
          IS_COUNT_NUMERATOR);

  /**
   * Returns area_code, place_code, icb_code and imd_decile (0 where the area has none) of every
   * area in the geography lookup.
   */
  public static Dataset<Row> areaGroups(Dataset<Row> geography, Dataset<Row> deprivation) {
    Dataset<Row> deciles =
        deprivation.select(col(Deprivation.AREA_CODE), col(Deprivation.IMD_DECILE));
    return geography
        .select(
            col(GeographyLookup.AREA_CODE),
            col(GeographyLookup.PLACE_CODE),
            col(GeographyLookup.ICB_CODE))
        .join(deciles, new String[] {GeographyLookup.AREA_CODE}, "left")
        // 0, not null: cells are joined on the decile and null keys never match.
        .withColumn(
            Deprivation.IMD_DECILE, coalesce(col(Deprivation.IMD_DECILE), lit(UNKNOWN_DECILE)));
  }

  /**
   * Returns residents (persons) per cell and ESP2013 five-year age band (age_band_start 0, 5, ...,
   * 90) in the data year.
   */
  public static Dataset<Row> populationCells(
      Dataset<Row> population, Dataset<Row> areaGroups, int year) {
    return cells(
        population
            .filter(col(Population.YEAR).equalTo(year))
            .withColumn(BAND, Esp2013.bandStartAge(col(Population.AGE))),
        areaGroups,
        List.of(BAND),
        sum(col(PERSONS).cast("double")).as(PERSONS));
  }

  /** Returns events per cell, age band and service in the data year. */
  public static Dataset<Row> activityCells(
      Dataset<Row> activity, Dataset<Row> areaGroups, int year) {
    return cells(
        activity
            .filter(col(Activity.YEAR).equalTo(year))
            .withColumn(BAND, Esp2013.bandStartAge(col(Activity.AGE))),
        areaGroups,
        List.of(BAND, Activity.SERVICE),
        sum(col(EVENTS).cast("double")).as(EVENTS));
  }

  /** Returns deaths under 75 per cell and age band in the data year (all causes, both sexes). */
  public static Dataset<Row> prematureDeathCells(
      Dataset<Row> mortality, Dataset<Row> areaGroups, int year) {
    return cells(
        mortality.filter(
            col(Mortality.YEAR)
                .equalTo(year)
                .and(col(Mortality.AGE_BAND_START).lt(PREMATURE_BEFORE_AGE))),
        areaGroups,
        List.of(BAND),
        sum(col(DEATHS).cast("double")).as(DEATHS));
  }

  private static Dataset<Row> cells(
      Dataset<Row> rows, Dataset<Row> areaGroups, List<String> extraKeys, Column total) {
    List<Column> keys = new ArrayList<>();
    CELL.forEach(k -> keys.add(col(k)));
    extraKeys.forEach(k -> keys.add(col(k)));
    return rows.join(broadcast(areaGroups), Columns.AREA_CODE)
        .groupBy(keys.toArray(Column[]::new))
        .agg(total);
  }

  /**
   * Returns each cell row once per geography and breakdown it belongs to (place, ICB, England x IMD
   * decile, IMD quintile = (decile + 1) / 2, all), with the cell columns replaced by
   * geography_level, geography_code, breakdown and group_value. Areas without a decile count in
   * "all" only.
   */
  public static Dataset<Row> withGroups(Dataset<Row> cells) {
    Column decile = col(Deprivation.IMD_DECILE);
    Column known = decile.notEqual(UNKNOWN_DECILE);
    Column[][] geographies = {
      {lit(LEVEL_PLACE), col(Columns.PLACE_CODE)},
      {lit(LEVEL_ICB), col(Columns.ICB_CODE)},
      {lit(LEVEL_ENGLAND), lit(ENGLAND_CODE)}
    };
    Column[][] breakdowns = {
      {lit(BREAKDOWN_DECILE), when(known, decile.cast("string"))},
      {lit(BREAKDOWN_QUINTILE), when(known, decile.plus(1).divide(2).cast("int").cast("string"))},
      {lit(BREAKDOWN_ALL), lit(GROUP_ALL)}
    };
    List<Column> memberships = new ArrayList<>();
    for (Column[] g : geographies) {
      for (Column[] b : breakdowns) {
        memberships.add(
            struct(
                g[0].as(InequalityIndicators.GEOGRAPHY_LEVEL),
                g[1].as(InequalityIndicators.GEOGRAPHY_CODE),
                b[0].as(InequalityIndicators.BREAKDOWN),
                b[1].as(InequalityIndicators.GROUP_VALUE)));
      }
    }
    List<Column> out = new ArrayList<>();
    for (String c : cells.columns()) {
      if (!CELL.contains(c)) {
        out.add(col(c));
      }
    }
    GROUP.forEach(g -> out.add(col("membership." + g).as(g)));
    return cells
        .withColumn("membership", explode(array(memberships.toArray(Column[]::new))))
        .select(out.toArray(Column[]::new))
        .filter(
            col(InequalityIndicators.GROUP_VALUE)
                .isNotNull()
                .and(col(InequalityIndicators.GEOGRAPHY_CODE).isNotNull()));
  }

  /**
   * Returns events and persons per group, service and age band; bands with no residents are left
   * out (a rate needs a population). Services are those with any activity in the data year; a group
   * and band with residents but no events of a service count 0 events.
   */
  public static Dataset<Row> activityStrata(
      Dataset<Row> populationCells, Dataset<Row> activityCells) {
    List<String> cellBandService = new ArrayList<>(CELL);
    cellBandService.add(BAND);
    cellBandService.add(Activity.SERVICE);
    Dataset<Row> services = activityCells.select(Activity.SERVICE).distinct();
    Dataset<Row> joined =
        populationCells
            .crossJoin(broadcast(services))
            .join(activityCells, cellBandService.toArray(String[]::new), "left")
            .withColumn(EVENTS, coalesce(col(EVENTS), lit(0.0)));
    List<Column> keys = new ArrayList<>();
    GROUP.forEach(g -> keys.add(col(g)));
    keys.add(col(Activity.SERVICE));
    keys.add(col(BAND));
    return withGroups(joined)
        .groupBy(keys.toArray(Column[]::new))
        .agg(sum(col(EVENTS)).as(EVENTS), sum(col(PERSONS)).as(PERSONS))
        .filter(col(PERSONS).gt(0));
  }

  /**
   * Returns indicator rows of the activity strata: per service, the crude rate per 1,000 (exact
   * Poisson / Byar limits) as {@code <service>_rate} and the ESP2013 directly standardised rate per
   * 1,000 (Dobson limits; null below 10 events) as {@code <service>_dsr}.
   */
  public static Dataset<Row> activityRates(Dataset<Row> strata, double confidence) {
    List<String> keys = new ArrayList<>(GROUP);
    keys.add(Activity.SERVICE);
    Dataset<Row> crude =
        CrudeRate.crudeRates(strata, keys, EVENTS, PERSONS, ACTIVITY_MULTIPLIER, confidence);
    Dataset<Row> dsr =
        DirectStandardisation.directlyStandardisedRates(
            strata.withColumn(STANDARD, Esp2013.weight(col(BAND))),
            keys,
            new DirectStandardisation.Inputs(EVENTS, PERSONS, STANDARD, BAND, null),
            ACTIVITY_MULTIPLIER,
            confidence);
    return asIndicator(crude, concat(col(Activity.SERVICE), lit(RATE_SUFFIX)))
        .unionByName(asIndicator(dsr, concat(col(Activity.SERVICE), lit(DSR_SUFFIX))));
  }

  /**
   * Returns indicator rows of premature mortality: deaths under 75 per 100,000, directly
   * standardised to the ESP2013 bands 0-4 ... 70-74, Dobson limits (null below 10 deaths).
   */
  public static Dataset<Row> prematureMortality(
      Dataset<Row> populationCells, Dataset<Row> deathCells, double confidence) {
    List<String> cellBand = new ArrayList<>(CELL);
    cellBand.add(BAND);
    Dataset<Row> joined =
        populationCells
            .filter(col(BAND).lt(PREMATURE_BEFORE_AGE))
            .join(deathCells, cellBand.toArray(String[]::new), "left")
            .withColumn(DEATHS, coalesce(col(DEATHS), lit(0.0)));
    List<Column> keys = new ArrayList<>();
    GROUP.forEach(g -> keys.add(col(g)));
    keys.add(col(BAND));
    Dataset<Row> strata =
        withGroups(joined)
            .groupBy(keys.toArray(Column[]::new))
            .agg(sum(col(DEATHS)).as(DEATHS), sum(col(PERSONS)).as(PERSONS))
            .filter(col(PERSONS).gt(0))
            .withColumn(STANDARD, Esp2013.weight(col(BAND)));
    Dataset<Row> dsr =
        DirectStandardisation.directlyStandardisedRates(
            strata,
            GROUP,
            new DirectStandardisation.Inputs(DEATHS, PERSONS, STANDARD, BAND, null),
            MORTALITY_MULTIPLIER,
            confidence);
    return asIndicator(dsr, lit(PREMATURE_MORTALITY));
  }

  /**
   * Returns indicator rows of spend per head (GBP per resident, all services with spend), for the
   * ICBs with spend in the data year. Spend is reported per ICB and service; each cell gets the
   * ICB's spend on a service in proportion to its share of the ICB's events of that service. With
   * one unit cost per ICB and service (as the spend input carries), that is the share of activity x
   * unit cost. Spend of a service without events in the ICB cannot be apportioned and is left out.
   * numerator is the spend (GBP), denominator the residents of those ICBs; no confidence limits.
   */
  public static Dataset<Row> spendPerHead(
      Dataset<Row> populationCells,
      Dataset<Row> activityCells,
      Dataset<Row> spend,
      int year,
      double confidence) {
    Dataset<Row> icbSpend =
        spend
            .filter(col(Spend.YEAR).equalTo(year))
            .groupBy(col(Spend.ORGANISATION_CODE).as(Columns.ICB_CODE), col(Spend.SERVICE))
            .agg(sum(col(Spend.SPEND_GBP)).cast("double").as(SPEND));
    List<Column> cellService = new ArrayList<>();
    CELL.forEach(c -> cellService.add(col(c)));
    cellService.add(col(Activity.SERVICE));
    Dataset<Row> cellEvents =
        activityCells.groupBy(cellService.toArray(Column[]::new)).agg(sum(EVENTS).as(EVENTS));
    Dataset<Row> icbEvents =
        cellEvents.groupBy(Columns.ICB_CODE, Activity.SERVICE).agg(sum(col(EVENTS)).as(ICB_EVENTS));
    Column share = when(col(ICB_EVENTS).gt(0), col(EVENTS).divide(col(ICB_EVENTS)));
    Dataset<Row> apportioned =
        cellEvents
            .join(icbEvents, new String[] {Columns.ICB_CODE, Activity.SERVICE})
            .join(broadcast(icbSpend), new String[] {Columns.ICB_CODE, Activity.SERVICE})
            .groupBy(CELL.stream().map(c -> col(c)).toArray(Column[]::new))
            .agg(sum(col(SPEND).multiply(share)).as(SPEND), sum(col(EVENTS)).as(DISCLOSURE_COUNT));
    Dataset<Row> spendingIcbs = icbSpend.select(Columns.ICB_CODE).distinct();
    Dataset<Row> residents =
        populationCells
            .join(broadcast(spendingIcbs), new String[] {Columns.ICB_CODE}, "left_semi")
            .groupBy(CELL.stream().map(c -> col(c)).toArray(Column[]::new))
            .agg(sum(col(PERSONS)).as(PERSONS));
    Dataset<Row> joined =
        residents
            .join(apportioned, CELL.toArray(String[]::new), "left")
            .withColumn(SPEND, coalesce(col(SPEND), lit(0.0)))
            .withColumn(DISCLOSURE_COUNT, coalesce(col(DISCLOSURE_COUNT), lit(0.0)));
    Dataset<Row> perGroup =
        withGroups(joined)
            .groupBy(GROUP.stream().map(c -> col(c)).toArray(Column[]::new))
            .agg(
                sum(col(SPEND)).as(SPEND),
                sum(col(PERSONS)).as(PERSONS),
                sum(col(DISCLOSURE_COUNT)).as(DISCLOSURE_COUNT))
            .filter(col(PERSONS).gt(0));
    List<Column> out = new ArrayList<>();
    GROUP.forEach(g -> out.add(col(g)));
    out.add(lit(SPEND_PER_HEAD).as(InequalityIndicators.INDICATOR));
    out.add(col(SPEND).as(InequalityIndicators.NUMERATOR));
    out.add(col(PERSONS).as(InequalityIndicators.DENOMINATOR));
    out.add(col(SPEND).divide(col(PERSONS)).as(InequalityIndicators.VALUE));
    out.add(lit(null).cast("double").as(InequalityIndicators.LOWER_CI));
    out.add(lit(null).cast("double").as(InequalityIndicators.UPPER_CI));
    out.add(lit(SPEND_METHOD).as(InequalityIndicators.METHOD));
    out.add(lit(Confidence.normalise(confidence)).as(InequalityIndicators.CONFIDENCE));
    out.add(col(DISCLOSURE_COUNT));
    out.add(lit(false).as(IS_COUNT_NUMERATOR));
    return perGroup.select(out.toArray(Column[]::new));
  }

  /** Returns a method's result rows in the indicator layout, named by the given column. */
  private static Dataset<Row> asIndicator(Dataset<Row> result, Column indicator) {
    List<Column> out = new ArrayList<>();
    GROUP.forEach(g -> out.add(col(g)));
    out.add(indicator.as(InequalityIndicators.INDICATOR));
    out.add(col(IndicatorColumns.NUMERATOR).as(InequalityIndicators.NUMERATOR));
    out.add(col(IndicatorColumns.DENOMINATOR).as(InequalityIndicators.DENOMINATOR));
    out.add(col(IndicatorColumns.VALUE).as(InequalityIndicators.VALUE));
    out.add(col(IndicatorColumns.LOWER_CI).as(InequalityIndicators.LOWER_CI));
    out.add(col(IndicatorColumns.UPPER_CI).as(InequalityIndicators.UPPER_CI));
    out.add(col(IndicatorColumns.METHOD).as(InequalityIndicators.METHOD));
    out.add(col(IndicatorColumns.CONFIDENCE).as(InequalityIndicators.CONFIDENCE));
    out.add(col(IndicatorColumns.NUMERATOR).as(DISCLOSURE_COUNT));
    out.add(lit(true).as(IS_COUNT_NUMERATOR));
    return result.select(out.toArray(Column[]::new));
  }
}
