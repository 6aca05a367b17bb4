package org.fairshare.inequality;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.publish.Disclosure;
import org.fairshare.schema.InequalityIndicators;
import org.fairshare.schema.InequalitySummary;
import org.junit.jupiter.api.Test;

class IndicatorsStageTest extends SparkTestBase {
  private static final int YEAR = 2024;

  private static final StructType GEOGRAPHY =
      new StructType()
          .add("area_code", DataTypes.StringType)
          .add("place_code", DataTypes.StringType)
          .add("icb_code", DataTypes.StringType);
  private static final StructType DEPRIVATION =
      new StructType()
          .add("area_code", DataTypes.StringType)
          .add("imd_decile", DataTypes.IntegerType);
  private static final StructType POPULATION =
      new StructType()
          .add("area_code", DataTypes.StringType)
          .add("year", DataTypes.IntegerType)
          .add("sex", DataTypes.StringType)
          .add("age", DataTypes.IntegerType)
          .add("persons", DataTypes.DoubleType);
  private static final StructType ACTIVITY =
      new StructType()
          .add("area_code", DataTypes.StringType)
          .add("year", DataTypes.IntegerType)
          .add("sex", DataTypes.StringType)
          .add("age", DataTypes.IntegerType)
          .add("service", DataTypes.StringType)
          .add("events", DataTypes.LongType);
  private static final StructType SPEND =
      new StructType()
          .add("organisation_code", DataTypes.StringType)
          .add("service", DataTypes.StringType)
          .add("year", DataTypes.IntegerType)
          .add("spend_gbp", DataTypes.createDecimalType(18, 2));

  /** Three areas of one place and ICB: deciles 1 and 2 (quintile 1) and one without a decile. */
  private static Dataset<Row> areas() {
    return BuiltInIndicators.areaGroups(
        rows(
            GEOGRAPHY,
            new Object[] {"A", "P1", "I1"},
            new Object[] {"B", "P1", "I1"},
            new Object[] {"C", "P1", "I1"}),
        rows(DEPRIVATION, new Object[] {"A", 1}, new Object[] {"B", 2}));
  }

  private static Dataset<Row> population(Dataset<Row> areas) {
    return BuiltInIndicators.populationCells(
        rows(
            POPULATION,
            new Object[] {"A", YEAR, "F", 30, 600.0},
            new Object[] {"A", YEAR, "M", 32, 400.0},
            new Object[] {"B", YEAR, "F", 31, 3000.0},
            new Object[] {"C", YEAR, "F", 30, 1000.0},
            new Object[] {"C", YEAR - 1, "F", 30, 99999.0}),
        areas,
        YEAR);
  }

  private static Dataset<Row> activity(Dataset<Row> areas) {
    return BuiltInIndicators.activityCells(
        rows(
            ACTIVITY,
            new Object[] {"A", YEAR, "F", 30, "ae", 15L},
            new Object[] {"A", YEAR, "M", 32, "ae", 5L},
            new Object[] {"B", YEAR, "F", 31, "ae", 60L},
            new Object[] {"C", YEAR, "F", 30, "ae", 25L},
            new Object[] {"C", YEAR - 1, "F", 30, "ae", 5000L}),
        areas,
        YEAR);
  }

  private static Map<String, Row> byGroup(Dataset<Row> rows) {
    return rows.collectAsList().stream()
        .collect(
            Collectors.toMap(
                r ->
                    r.getAs(InequalityIndicators.GEOGRAPHY_LEVEL)
                        + "/"
                        + r.getAs(InequalityIndicators.BREAKDOWN)
                        + "/"
                        + r.getAs(InequalityIndicators.GROUP_VALUE),
                r -> r));
  }

  @Test
  void crudeRatesArePerThousandResidentsByDecileQuintileAndAll() {
    Dataset<Row> areas = areas();
    Dataset<Row> rates =
        BuiltInIndicators.activityRates(
                BuiltInIndicators.activityStrata(population(areas), activity(areas)), 0.95)
            .filter(col(InequalityIndicators.INDICATOR).equalTo("ae_rate"));

    Map<String, Row> got = byGroup(rates);

    // England, all areas: (15 + 5 + 60 + 25) / (600 + 400 + 3000 + 1000) x 1000.
    Row all = got.get("england/all/all");
    assertThat((double) all.getAs(InequalityIndicators.VALUE)).isCloseTo(21.0, within(1e-9));
    assertThat((double) got.get("place/imd_decile/1").getAs(InequalityIndicators.VALUE))
        .isCloseTo(20.0, within(1e-9));
    // Deciles 1 and 2 make quintile 1; area C has no decile and counts in "all" only.
    Row quintile = got.get("icb/imd_quintile/1");
    assertThat((double) quintile.getAs(InequalityIndicators.DENOMINATOR)).isEqualTo(4000.0);
    assertThat((double) quintile.getAs(InequalityIndicators.NUMERATOR)).isEqualTo(80.0);
    assertThat(got.keySet())
        .containsExactlyInAnyOrder(
            "place/imd_decile/1",
            "place/imd_decile/2",
            "place/imd_quintile/1",
            "place/all/all",
            "icb/imd_decile/1",
            "icb/imd_decile/2",
            "icb/imd_quintile/1",
            "icb/all/all",
            "england/imd_decile/1",
            "england/imd_decile/2",
            "england/imd_quintile/1",
            "england/all/all");
  }

  @Test
  void spendIsApportionedToGroupsByTheirShareOfTheIcbsActivity() {
    Dataset<Row> areas = areas();
    Dataset<Row> spend =
        rows(
            SPEND,
            new Object[] {"I1", "ae", YEAR, new java.math.BigDecimal("2100.00")},
            new Object[] {"I1", "ae", YEAR - 1, new java.math.BigDecimal("99.00")});

    Map<String, Row> got =
        byGroup(
            BuiltInIndicators.spendPerHead(population(areas), activity(areas), spend, YEAR, 0.95));

    // Decile 2 has 60 of the ICB's 105 events: 1200 GBP over 3000 residents.
    Row decile2 = got.get("icb/imd_decile/2");
    assertThat((double) decile2.getAs(InequalityIndicators.NUMERATOR))
        .isCloseTo(1200.0, within(1e-6));
    assertThat((double) decile2.getAs(InequalityIndicators.VALUE)).isCloseTo(0.4, within(1e-9));
    assertThat((double) got.get("england/all/all").getAs(InequalityIndicators.VALUE))
        .isCloseTo(2100.0 / 5000.0, within(1e-9));
  }

  /** Decile rows of one geography where the rate falls from 100 (decile 1) by 5 a decile. */
  private static Dataset<Row> gradient() {
    StructType schema = new StructType();
    for (String c : BuiltInIndicators.INDICATOR_COLUMNS) {
      schema =
          switch (c) {
            case InequalityIndicators.NUMERATOR,
                InequalityIndicators.DENOMINATOR,
                InequalityIndicators.VALUE,
                InequalityIndicators.LOWER_CI,
                InequalityIndicators.UPPER_CI,
                InequalityIndicators.CONFIDENCE,
                BuiltInIndicators.DISCLOSURE_COUNT ->
                schema.add(c, DataTypes.DoubleType);
            case BuiltInIndicators.IS_COUNT_NUMERATOR -> schema.add(c, DataTypes.BooleanType);
            default -> schema.add(c, DataTypes.StringType);
          };
    }
    List<Object[]> values = new ArrayList<>();
    for (int d = 1; d <= 10; d++) {
      double rate = 105.0 - 5 * d;
      double events = rate * 10;
      values.add(
          new Object[] {
            "icb",
            "I1",
            "ae_rate",
            "imd_decile",
            Integer.toString(d),
            events,
            10_000.0,
            rate,
            rate * 0.9,
            rate * 1.1,
            "Byars",
            0.95,
            events,
            true
          });
    }
    return rows(schema, values.toArray(Object[][]::new));
  }

  @Test
  void summaryMeasuresAreNegativeWhenRatesFallWithDeprivation() {
    Map<String, Row> got =
        BuiltInSummary.summary(gradient(), 0.95, 1000, 7).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getAs(InequalitySummary.MEASURE), r -> r));

    Row sii = got.get("sii");
    assertThat((double) sii.getAs(InequalitySummary.VALUE)).isNegative();
    assertThat((double) sii.getAs(InequalitySummary.UPPER_CI)).isNegative();
    assertThat((double) got.get("rii").getAs(InequalitySummary.VALUE)).isLessThan(1.0);
    assertThat((double) got.get("concentration_index").getAs(InequalitySummary.VALUE)).isNegative();
    // Decile 1 (100) minus decile 10 (55), and their ratio.
    assertThat((double) got.get("gap_absolute").getAs(InequalitySummary.VALUE))
        .isCloseTo(45.0, within(1e-9));
    assertThat((double) got.get("gap_relative").getAs(InequalitySummary.VALUE))
        .isCloseTo(100.0 / 55.0, within(1e-9));
  }

  @Test
  void theSimulationBehindSiiAndRiiRunsOnce() {
    String plan =
        BuiltInSummary.summary(gradient(), 0.95, 1000, 7)
            .queryExecution()
            .executedPlan()
            .toString();
    // One explosion of the fits into repetitions: SII and RII come from the same simulated fits.
    assertThat(plan.split("\\[" + SlopeIndex.REP + "#", -1)).hasSize(2);
  }

  @Test
  void publishingSuppressesSmallCountsAndTheirValuesButKeepsZero() {
    Dataset<Row> rows =
        gradient()
            .limit(3)
            .withColumn(
                BuiltInIndicators.DISCLOSURE_COUNT,
                org.apache
                    .spark
                    .sql
                    .functions
                    .when(col(InequalityIndicators.GROUP_VALUE).equalTo("1"), 5.0)
                    .when(col(InequalityIndicators.GROUP_VALUE).equalTo("2"), 0.0)
                    .otherwise(col(BuiltInIndicators.DISCLOSURE_COUNT)));

    Map<String, Row> got = byGroup(BuiltInSummary.published(rows, Disclosure.Policy.defaults()));

    Row small = got.get("icb/imd_decile/1");
    assertThat((boolean) small.getAs(InequalityIndicators.IS_SUPPRESSED)).isTrue();
    assertThat((Object) small.getAs(InequalityIndicators.NUMERATOR)).isNull();
    assertThat((Object) small.getAs(InequalityIndicators.VALUE)).isNull();
    assertThat((Object) small.getAs(InequalityIndicators.UPPER_CI)).isNull();
    Row zero = got.get("icb/imd_decile/2");
    assertThat((boolean) zero.getAs(InequalityIndicators.IS_SUPPRESSED)).isFalse();
    assertThat((double) zero.getAs(InequalityIndicators.NUMERATOR)).isEqualTo(0.0);
    Row large = got.get("icb/imd_decile/3");
    assertThat((boolean) large.getAs(InequalityIndicators.IS_SUPPRESSED)).isFalse();
    assertThat((double) large.getAs(InequalityIndicators.VALUE)).isEqualTo(90.0);
    assertThat(got.get("icb/imd_decile/3").schema().fieldNames())
        .containsExactly(InequalityIndicators.COLUMNS.fieldNames());
  }
}
