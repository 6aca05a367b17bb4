package org.fairshare.equity;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.Activity;
import org.fairshare.schema.Deprivation;
import org.fairshare.schema.EquityAccess;
import org.fairshare.schema.EquityChecks;
import org.fairshare.schema.EquityInequity;
import org.fairshare.schema.EquityShares;
import org.fairshare.schema.EquitySpend;
import org.fairshare.schema.GeographyLookup;
import org.fairshare.schema.Money;
import org.fairshare.schema.Population;
import org.junit.jupiter.api.Test;

/**
 * Each equity formula on tiny hand-made data, checked against an independent plain-Java computation
 * of the same quantity.
 */
class EquityFormulasTest extends SparkTestBase {
  private static final double Z95 = 1.959963984540054;

  private static final StructType AREA_USE =
      new StructType(
          new StructField[] {
            new StructField(AreaGroups.AREA_CODE, DataTypes.StringType, false, Metadata.empty()),
            new StructField(AreaGroups.PLACE_CODE, DataTypes.StringType, false, Metadata.empty()),
            new StructField(AreaGroups.PLACE_NAME, DataTypes.StringType, true, Metadata.empty()),
            new StructField(AreaGroups.ICB_CODE, DataTypes.StringType, false, Metadata.empty()),
            new StructField(EquityAccess.SERVICE, DataTypes.StringType, false, Metadata.empty()),
            new StructField(AreaGroups.IMD_RANK, DataTypes.IntegerType, false, Metadata.empty()),
            new StructField(
                AreaGroups.IMD_QUINTILE, DataTypes.IntegerType, false, Metadata.empty()),
            new StructField(AreaGroups.IMD_DECILE, DataTypes.IntegerType, false, Metadata.empty()),
            new StructField(
                AreaGroups.LOCAL_QUINTILE, DataTypes.IntegerType, false, Metadata.empty()),
            new StructField(AreaGroups.IS_CORE20, DataTypes.BooleanType, false, Metadata.empty()),
            new StructField(AreaGroups.IS_PLUS, DataTypes.BooleanType, false, Metadata.empty()),
            new StructField(NeedExpected.PERSONS, DataTypes.DoubleType, false, Metadata.empty()),
            new StructField(NeedExpected.OBSERVED, DataTypes.LongType, false, Metadata.empty()),
            new StructField(NeedExpected.EXPECTED, DataTypes.DoubleType, false, Metadata.empty())
          });

  private static Object[] area(
      String area,
      String place,
      int rank,
      int quintile,
      double persons,
      long observed,
      double expected) {
    return new Object[] {
      area,
      place,
      "Place " + place,
      "I1",
      "elective_admissions",
      rank,
      quintile,
      2 * quintile - 1,
      quintile,
      quintile == 1,
      false,
      persons,
      observed,
      expected
    };
  }

  // --- need-expected use -------------------------------------------------------------

  private static final Object[][] POPULATION = {
    {"A", 2024, "F", 30, 100.0},
    {"A", 2024, "M", 30, 200.0},
    {"B", 2024, "F", 30, 300.0},
    {"B", 2024, "M", 30, 100.0},
    {"A", 2023, "F", 30, 5000.0}
  };
  private static final Object[][] ACTIVITY = {
    {"A", 2024, "F", 30, "s1", 10L},
    {"A", 2024, "M", 30, "s1", 30L},
    {"B", 2024, "F", 30, "s1", 20L},
    {"B", 2024, "M", 30, "s1", 10L},
    {"A", 2024, "F", 30, "s2", 5L},
    {"B", 2023, "F", 30, "s2", 900L}
  };

  /** Plain-Java indirect standardisation of the tiny data: area/service -> {observed, expected}. */
  private static Map<String, double[]> plainJavaExpected() {
    Map<String, Double> stratumPersons = new HashMap<>();
    Map<String, Double> stratumEvents = new HashMap<>();
    for (Object[] p : POPULATION) {
      if ((int) p[1] == 2024) {
        stratumPersons.merge(p[2] + "" + p[3], (double) p[4], Double::sum);
      }
    }
    for (Object[] a : ACTIVITY) {
      if ((int) a[1] == 2024) {
        stratumEvents.merge(a[4] + "/" + a[2] + a[3], (double) (long) a[5], Double::sum);
      }
    }
    Map<String, double[]> out = new HashMap<>();
    for (String service : List.of("s1", "s2")) {
      for (Object[] p : POPULATION) {
        if ((int) p[1] != 2024) {
          continue;
        }
        String stratum = p[2] + "" + p[3];
        double rate =
            stratumEvents.getOrDefault(service + "/" + stratum, 0.0) / stratumPersons.get(stratum);
        out.computeIfAbsent(p[0] + "/" + service, k -> new double[2])[1] += (double) p[4] * rate;
      }
    }
    for (Object[] a : ACTIVITY) {
      if ((int) a[1] == 2024) {
        out.get(a[0] + "/" + a[4])[0] += (long) a[5];
      }
    }
    return out;
  }

  private Dataset<Row> tinyAreaUse() {
    Dataset<Row> events = NeedExpected.eventsByStratum(rows(Activity.SCHEMA, ACTIVITY), 2024);
    Dataset<Row> persons = NeedExpected.personsByStratum(rows(Population.SCHEMA, POPULATION), 2024);
    return NeedExpected.areaUse(events, persons, NeedExpected.nationalRates(events, persons));
  }

  @Test
  void expectedIsPersonsTimesNationalAgeSexRatesOfTheDataYear() {
    Map<String, double[]> plain = plainJavaExpected();
    List<Row> got = tinyAreaUse().collectAsList();
    assertThat(got).hasSize(plain.size());
    for (Row r : got) {
      double[] want =
          plain.get(r.getAs(NeedExpected.AREA_CODE) + "/" + r.getAs(EquityAccess.SERVICE));
      assertThat((long) r.getAs(NeedExpected.OBSERVED)).isEqualTo((long) want[0]);
      assertThat((double) r.getAs(NeedExpected.EXPECTED)).isCloseTo(want[1], within(1e-9));
    }
    // Internal national rates: expected adds up to observed over all areas.
    double a1 = plain.get("A/s1")[1];
    assertThat(a1).isCloseTo(100 * 30.0 / 400 + 200 * 40.0 / 300, within(1e-12));
  }

  @Test
  void strataAreReadAtTheInputsOwnGrainWithoutAShuffle() {
    Dataset<Row> events = NeedExpected.eventsByStratum(rows(Activity.SCHEMA, ACTIVITY), 2024);
    Dataset<Row> persons = NeedExpected.personsByStratum(rows(Population.SCHEMA, POPULATION), 2024);
    assertThat(events.queryExecution().executedPlan().toString()).doesNotContain("Exchange");
    assertThat(persons.queryExecution().executedPlan().toString()).doesNotContain("Exchange");
    assertThat(events.count()).isEqualTo(5);
    assertThat(persons.count()).isEqualTo(4);
  }

  @Test
  void areasWithoutEventsObserveZero() {
    Row b2 =
        tinyAreaUse()
            .filter(
                col(NeedExpected.AREA_CODE)
                    .equalTo("B")
                    .and(col(EquityAccess.SERVICE).equalTo("s2")))
            .first();
    assertThat((long) b2.getAs(NeedExpected.OBSERVED)).isZero();
    assertThat((double) b2.getAs(NeedExpected.EXPECTED)).isCloseTo(300 * 5.0 / 400, within(1e-12));
  }

  @Test
  void needMultiplierMovesNeedBetweenAreasKeepingTheNationalTotal() {
    StructType schema =
        new StructType()
            .add(NeedExpected.AREA_CODE, DataTypes.StringType)
            .add(NeedExpected.SERVICE, DataTypes.StringType)
            .add(NeedExpected.NEED_MULTIPLIER, DataTypes.DoubleType);
    Dataset<Row> m = rows(schema, new Object[] {"A", "s1", 1.5});
    Map<String, double[]> plain = plainJavaExpected();
    double a = plain.get("A/s1")[1];
    double b = plain.get("B/s1")[1];
    double rescale = (a + b) / (1.5 * a + b);
    Map<String, Double> want =
        Map.of(
            "A/s1",
            1.5 * a * rescale,
            "B/s1",
            b * rescale,
            "A/s2",
            plain.get("A/s2")[1],
            "B/s2",
            plain.get("B/s2")[1]);
    for (Row r : NeedExpected.withNeedMultiplier(tinyAreaUse(), Optional.of(m)).collectAsList()) {
      String key = r.getAs(NeedExpected.AREA_CODE) + "/" + r.getAs(EquityAccess.SERVICE);
      assertThat((double) r.getAs(NeedExpected.EXPECTED))
          .as(key)
          .isCloseTo(want.get(key), within(1e-9));
    }
  }

  // --- ratios and limits -------------------------------------------------------------

  @Test
  void ratioLimitsAreByarsFromTenEventsAndExactBelow() {
    StructType schema =
        new StructType()
            .add(EquityAccess.OBSERVED, DataTypes.LongType)
            .add(EquityAccess.EXPECTED, DataTypes.DoubleType);
    List<Row> got =
        AccessRatios.withRatio(rows(schema, new Object[] {25L, 20.0}, new Object[] {4L, 2.0}), 0.95)
            .orderBy(col(EquityAccess.OBSERVED).desc())
            .collectAsList();
    double o = 25;
    double byarLower = o * Math.pow(1 - 1 / (9 * o) - Z95 / (3 * Math.sqrt(o)), 3);
    double byarUpper = (o + 1) * Math.pow(1 - 1 / (9 * (o + 1)) + Z95 / (3 * Math.sqrt(o + 1)), 3);
    assertThat((double) got.get(0).getAs(EquityAccess.RATIO)).isEqualTo(1.25);
    assertThat((double) got.get(0).getAs(EquityAccess.LOWER_CI))
        .isCloseTo(byarLower / 20, within(1e-9));
    assertThat((double) got.get(0).getAs(EquityAccess.UPPER_CI))
        .isCloseTo(byarUpper / 20, within(1e-9));
    // Exact Poisson limits of 4 events (Breslow and Day tables): 1.0899 and 10.2416.
    assertThat((double) got.get(1).getAs(EquityAccess.LOWER_CI))
        .isCloseTo(1.0899 / 2, within(1e-4));
    assertThat((double) got.get(1).getAs(EquityAccess.UPPER_CI))
        .isCloseTo(10.2416 / 2, within(1e-4));
  }

  @Test
  void accessRatiosSumEachGroupThenDivide() {
    Dataset<Row> use =
        rows(
            AREA_USE,
            area("a1", "P1", 1, 1, 100.0, 30L, 20.0),
            area("a2", "P1", 2, 1, 100.0, 10L, 20.0),
            area("a3", "P2", 3, 5, 100.0, 60L, 60.0));
    Row q1 =
        AccessRatios.accessRatios(use, 0.95, "basis")
            .filter(
                col(EquityAccess.GEOGRAPHY_LEVEL)
                    .equalTo(EquityAccess.ENGLAND)
                    .and(col(EquityAccess.BREAKDOWN).equalTo(EquityAccess.IMD_QUINTILE))
                    .and(col(EquityAccess.GROUP_VALUE).equalTo("1")))
            .first();
    assertThat((long) q1.getAs(EquityAccess.OBSERVED)).isEqualTo(40L);
    assertThat((double) q1.getAs(EquityAccess.EXPECTED)).isEqualTo(40.0);
    assertThat((double) q1.getAs(EquityAccess.RATIO)).isEqualTo(1.0);
    assertThat((String) q1.getAs(EquityAccess.NEED_BASIS)).isEqualTo("basis");
  }

  // --- concentration and horizontal inequity -----------------------------------------

  /** Fuller and Lury's trapezium form over groups sorted from most to least deprived. */
  private static double trapeziumCi(double[] persons, double[] amount) {
    double totalP = 0;
    double totalA = 0;
    for (int i = 0; i < persons.length; i++) {
      totalP += persons[i];
      totalA += amount[i];
    }
    double[] p = new double[persons.length];
    double[] l = new double[persons.length];
    double cp = 0;
    double cl = 0;
    for (int i = 0; i < persons.length; i++) {
      cp += persons[i] / totalP;
      cl += amount[i] / totalA;
      p[i] = cp;
      l[i] = cl;
    }
    double c = 0;
    for (int t = 0; t < persons.length - 1; t++) {
      c += p[t] * l[t + 1] - p[t + 1] * l[t];
    }
    return c;
  }

  @Test
  void horizontalInequityIsCiOfUseMinusCiOfNeedOverImdRank() {
    double[] persons = {100, 200, 300, 400};
    double[] observed = {40, 50, 45, 40};
    double[] expected = {30, 50, 60, 60};
    Object[][] data = new Object[4][];
    for (int i = 0; i < 4; i++) {
      // Listed out of rank order on purpose: the transform must sort by imd_rank.
      int j = 3 - i;
      data[i] = area("a" + j, "P1", j + 1, 1, persons[j], (long) observed[j], expected[j]);
    }
    Row england =
        HorizontalInequity.horizontalInequity(rows(AREA_USE, data), 0.95)
            .filter(col(EquityInequity.GEOGRAPHY_LEVEL).equalTo(EquityAccess.ENGLAND))
            .first();
    double ciUse = trapeziumCi(persons, observed);
    double ciNeed = trapeziumCi(persons, expected);
    assertThat((double) england.getAs(EquityInequity.CI_USE)).isCloseTo(ciUse, within(1e-12));
    assertThat((double) england.getAs(EquityInequity.CI_NEED)).isCloseTo(ciNeed, within(1e-12));
    assertThat((double) england.getAs(EquityInequity.HI)).isCloseTo(ciUse - ciNeed, within(1e-12));
    double se = england.getAs(EquityInequity.HI_SE);
    assertThat(se).isPositive();
    assertThat((double) england.getAs(EquityInequity.HI_LOWER_CI))
        .isCloseTo(ciUse - ciNeed - Z95 * se, within(1e-9));
    assertThat((long) england.getAs(EquityInequity.AREAS)).isEqualTo(4L);
  }

  // --- Core20PLUS ----------------------------------------------------------------------

  @Test
  void core20SharesOfUseNeedAndSpendAgainstNeedShare() {
    Object[] a1 = area("a1", "P1", 1, 1, 100.0, 30L, 20.0);
    a1[10] = true;
    Dataset<Row> use = rows(AREA_USE, a1, area("a2", "P1", 9, 5, 300.0, 70L, 80.0));
    StructType spendSchema =
        new StructType()
            .add(AreaGroups.ICB_CODE, DataTypes.StringType)
            .add(EquityAccess.SERVICE, DataTypes.StringType)
            .add(EquityShares.SPEND_GBP, Money.TYPE);
    Dataset<Row> spend =
        rows(spendSchema, new Object[] {"I1", "elective_admissions", new BigDecimal("1000.00")});
    List<Row> got =
        NeedShares.core20Plus(use, spend)
            .filter(col(EquityShares.GEOGRAPHY_LEVEL).equalTo(EquityAccess.ENGLAND))
            .orderBy(EquityShares.POPULATION_GROUP)
            .collectAsList();
    assertThat(got).hasSize(2);
    Row core20 = got.get(0);
    assertThat((String) core20.getAs(EquityShares.POPULATION_GROUP)).isEqualTo("core20");
    assertThat((double) core20.getAs(EquityShares.POPULATION_SHARE)).isCloseTo(0.25, within(1e-12));
    assertThat((double) core20.getAs(EquityShares.USE_SHARE)).isCloseTo(0.3, within(1e-12));
    assertThat((double) core20.getAs(EquityShares.NEED_SHARE)).isCloseTo(0.2, within(1e-12));
    assertThat((double) core20.getAs(EquityShares.USE_TO_NEED_RATIO)).isCloseTo(1.5, within(1e-12));
    assertThat((BigDecimal) core20.getAs(EquityShares.SPEND_GBP))
        .isEqualByComparingTo(new BigDecimal("300.00"));
    assertThat((double) core20.getAs(EquityShares.SPEND_TO_NEED_RATIO))
        .isCloseTo(1.5, within(1e-12));
    assertThat((String) got.get(1).getAs(EquityShares.POPULATION_GROUP)).isEqualTo("plus");
  }

  @Test
  void plusRowsOnlyWhenAreasAreListed() {
    Dataset<Row> use = rows(AREA_USE, area("a1", "P1", 1, 1, 100.0, 30L, 20.0));
    StructType spendSchema =
        new StructType()
            .add(AreaGroups.ICB_CODE, DataTypes.StringType)
            .add(EquityAccess.SERVICE, DataTypes.StringType)
            .add(EquityShares.SPEND_GBP, Money.TYPE);
    assertThat(
            NeedShares.core20Plus(use, rows(spendSchema))
                .filter(col(EquityShares.POPULATION_GROUP).equalTo(EquityShares.PLUS))
                .count())
        .isZero();
    assertThat(EquityStage.plusAreas(" XA1, ,XA2")).containsExactly("XA1", "XA2");
    assertThat(EquityStage.plusAreas("")).isEmpty();
  }

  @Test
  void spendPerNeedWeightedHeadAndSpendShareOverNeedShare() {
    Object[] a2 = area("a2", "P2", 9, 5, 300.0, 70L, 80.0);
    a2[3] = "I2";
    Dataset<Row> use = rows(AREA_USE, area("a1", "P1", 1, 1, 100.0, 30L, 20.0), a2);
    StructType spendSchema =
        new StructType()
            .add(AreaGroups.ICB_CODE, DataTypes.StringType)
            .add(EquityAccess.SERVICE, DataTypes.StringType)
            .add(EquitySpend.SPEND_GBP, Money.TYPE);
    Dataset<Row> spend =
        rows(
            spendSchema,
            new Object[] {"I1", "elective_admissions", new BigDecimal("1000.00")},
            new Object[] {"I2", "elective_admissions", new BigDecimal("3000.00")});
    Map<String, Row> got = new HashMap<>();
    NeedShares.spendAgainstNeed(use, spend)
        .collectAsList()
        .forEach(r -> got.put(r.getAs(EquitySpend.ICB_CODE), r));
    // England: 100 events over 400 residents; need-weighted persons = expected / 0.25.
    Row i1 = got.get("I1");
    Row i2 = got.get("I2");
    assertThat((double) i1.getAs(EquitySpend.NEED_WEIGHTED_PERSONS)).isCloseTo(80, within(1e-9));
    assertThat((BigDecimal) i1.getAs(EquitySpend.SPEND_PER_HEAD_GBP)).isEqualByComparingTo("10.00");
    assertThat((BigDecimal) i1.getAs(EquitySpend.SPEND_PER_NEED_WEIGHTED_HEAD_GBP))
        .isEqualByComparingTo("12.50");
    assertThat((BigDecimal) i2.getAs(EquitySpend.SPEND_PER_NEED_WEIGHTED_HEAD_GBP))
        .isEqualByComparingTo("9.38");
    assertThat((double) i1.getAs(EquitySpend.SPEND_TO_NEED_RATIO))
        .isCloseTo(0.25 / 0.2, within(1e-12));
    assertThat((double) i2.getAs(EquitySpend.SPEND_TO_NEED_RATIO))
        .isCloseTo(0.75 / 0.8, within(1e-12));
  }

  // --- area groups ---------------------------------------------------------------------

  @Test
  void localQuintilesFollowNationalRankWithinThePlace() {
    Object[][] geo = new Object[5][];
    Object[][] dep = new Object[5][];
    Object[][] res = new Object[5][];
    int[] ranks = {50, 10, 30, 20, 40};
    int[] deciles = {10, 1, 3, 2, 9};
    for (int i = 0; i < 5; i++) {
      String a = "a" + i;
      geo[i] =
          new Object[] {
            a, null, 2021, "M1", null, "L1", null, "P1", "Place", "S1", null, "I1", null, "R1", null
          };
      Object[] d = new Object[Deprivation.SCHEMA.size()];
      d[0] = a;
      d[1] = "SYNTHETIC";
      d[3] = ranks[i];
      d[4] = deciles[i];
      dep[i] = d;
      res[i] = new Object[] {a, 100.0};
    }
    StructType resSchema =
        new StructType()
            .add(NeedExpected.AREA_CODE, DataTypes.StringType)
            .add(NeedExpected.PERSONS, DataTypes.DoubleType);
    Map<String, Row> got = new HashMap<>();
    AreaGroups.areaGroups(
            rows(GeographyLookup.SCHEMA, geo),
            rows(Deprivation.SCHEMA, dep),
            rows(resSchema, res),
            List.of("a2"))
        .collectAsList()
        .forEach(r -> got.put(r.getAs(AreaGroups.AREA_CODE), r));
    int[] wantLocal = {5, 1, 3, 2, 4};
    int[] wantQuintile = {5, 1, 2, 1, 5};
    for (int i = 0; i < 5; i++) {
      Row r = got.get("a" + i);
      assertThat((int) r.getAs(AreaGroups.LOCAL_QUINTILE)).as("a" + i).isEqualTo(wantLocal[i]);
      assertThat((int) r.getAs(AreaGroups.IMD_QUINTILE)).as("a" + i).isEqualTo(wantQuintile[i]);
      assertThat((boolean) r.getAs(AreaGroups.IS_CORE20)).isEqualTo(deciles[i] <= 2);
      assertThat((boolean) r.getAs(AreaGroups.IS_PLUS)).isEqualTo(i == 2);
    }
  }

  // --- findings ------------------------------------------------------------------------

  private static final Findings.Rules RULES =
      new Findings.Rules(0.05, 0.9, 1.1, 20, MultipleComparisons.BH);

  private Map<String, Row> findings(Object[]... areas) {
    return findings(RULES, areas);
  }

  private Map<String, Row> findings(Findings.Rules rules, Object[]... areas) {
    Map<String, Row> out = new HashMap<>();
    Findings.findings(rows(AREA_USE, areas), rules, NeedExpected.AGE_SEX_BASIS)
        .collectAsList()
        .forEach(r -> out.put(r.getAs(EquityChecks.PLACE_CODE), r));
    return out;
  }

  @Test
  void statusFollowsTheRuleThresholdsAndSignificance() {
    Map<String, Row> got =
        findings(
            area("a1", "UNDER", 1, 1, 1000.0, 400L, 500.0),
            area("a2", "OVER", 1, 1, 1000.0, 600L, 500.0),
            area("a3", "CLOSE", 1, 1, 1000.0, 490L, 500.0),
            area("a4", "NOTSIG", 1, 1, 1000.0, 85L, 100.0),
            area("a5", "SMALL", 1, 1, 1000.0, 5L, 10.0),
            area("a6", "NOQ1", 9, 5, 1000.0, 500L, 500.0),
            area("a7", "IMMATERIAL", 1, 1, 1000.0, 9500L, 10000.0),
            area("a8", "UNDER", 9, 5, 1000.0, 900L, 500.0));
    assertThat(status(got, "UNDER")).isEqualTo(EquityChecks.DEPRIVED_UNDER_SERVED);
    assertThat(status(got, "OVER")).isEqualTo(EquityChecks.DEPRIVED_OVER_SERVED);
    assertThat(status(got, "CLOSE")).isEqualTo(EquityChecks.EQUITABLE);
    assertThat(status(got, "NOTSIG")).isEqualTo(EquityChecks.EQUITABLE);
    assertThat(status(got, "SMALL")).isEqualTo(EquityChecks.TOO_LITTLE_DATA);
    assertThat(status(got, "NOQ1")).isEqualTo(EquityChecks.TOO_LITTLE_DATA);
    assertThat(status(got, "IMMATERIAL")).isEqualTo(EquityChecks.EQUITABLE);
    // Only the quintile-1 area counts.
    assertThat((long) got.get("UNDER").getAs(EquityChecks.OBSERVED)).isEqualTo(400L);
    assertThat((String) got.get("UNDER").getAs(EquityChecks.RULE))
        .isEqualTo("O/E < 0.9 and upper 95% limit < 1 (alpha 0.05)");
  }

  private static String status(Map<String, Row> got, String place) {
    return got.get(place).getAs(EquityChecks.STATUS);
  }

  @Test
  void sentenceGivesTheShortfallAndItsLimitsInPercent() {
    Row under = findings(area("a1", "012", 1, 1, 1000.0, 400L, 500.0)).get("012");
    double o = 400;
    double lower = o * Math.pow(1 - 1 / (9 * o) - Z95 / (3 * Math.sqrt(o)), 3) / 500;
    double upper =
        (o + 1) * Math.pow(1 - 1 / (9 * (o + 1)) + Z95 / (3 * Math.sqrt(o + 1)), 3) / 500;
    String want =
        String.format(
            Locale.ROOT,
            "Elective admissions for the most deprived fifth in Place 012 were 20%% (%.0f%% to"
                + " %.0f%%) below need-expected (400 events against 500.0 expected); survives"
                + " Benjamini-Hochberg control of the false discovery rate at 5%% over the 1"
                + " place x service pair judged (q < 0.001)",
            (1 - upper) * 100,
            (1 - lower) * 100);
    assertThat((String) under.getAs(EquityChecks.SENTENCE)).isEqualTo(want);
  }

  @Test
  void flagsCarryPAndQValuesAndSayWhetherTheySurviveTheControl() {
    Object[][] areas = {
      area("a1", "STRONG", 1, 1, 1000.0, 400L, 500.0),
      area("a2", "MARGINAL", 1, 1, 1000.0, 265L, 300.0),
      area("a3", "EQ1", 1, 1, 1000.0, 500L, 500.0),
      area("a4", "EQ2", 1, 1, 1000.0, 310L, 300.0),
      area("a5", "EQ3", 1, 1, 1000.0, 95L, 100.0),
      area("a6", "SMALL", 1, 1, 1000.0, 2L, 10.0)
    };
    String[] judged = {"STRONG", "MARGINAL", "EQ1", "EQ2", "EQ3"};
    double[] p = new double[judged.length];
    for (int i = 0; i < judged.length; i++) {
      p[i] = PoissonPValue.twoSided((long) areas[i][12], (double) areas[i][13]);
    }
    // Flagged without control, but one of five comparisons at p about 0.04.
    assertThat(p[1]).isBetween(0.01, 0.05);
    for (MultipleComparisons method : MultipleComparisons.values()) {
      Map<String, Row> got = findings(new Findings.Rules(0.05, 0.9, 1.1, 20, method), areas);
      double[] q = method.adjust(p);
      for (int i = 0; i < judged.length; i++) {
        Row r = got.get(judged[i]);
        assertThat((double) r.getAs(EquityChecks.P_VALUE)).isCloseTo(p[i], within(1e-12));
        assertThat((double) r.getAs(EquityChecks.Q_VALUE)).isCloseTo(q[i], within(1e-12));
        assertThat((long) r.getAs(EquityChecks.COMPARISONS)).isEqualTo(5L);
        assertThat((String) r.getAs(EquityChecks.MULTIPLE_COMPARISONS)).isEqualTo(method.key());
      }
      Row small = got.get("SMALL");
      assertThat(status(got, "SMALL")).isEqualTo(EquityChecks.TOO_LITTLE_DATA);
      assertThat((Double) small.getAs(EquityChecks.Q_VALUE)).isNull();
      assertThat((boolean) small.getAs(EquityChecks.IS_FLAGGED_AFTER_CONTROL)).isFalse();
      // The uncorrected status stays; only the flag after control depends on the method.
      assertThat(status(got, "STRONG")).isEqualTo(EquityChecks.DEPRIVED_UNDER_SERVED);
      assertThat(status(got, "MARGINAL")).isEqualTo(EquityChecks.DEPRIVED_UNDER_SERVED);
      assertThat((boolean) got.get("STRONG").getAs(EquityChecks.IS_FLAGGED_AFTER_CONTROL)).isTrue();
      assertThat((boolean) got.get("MARGINAL").getAs(EquityChecks.IS_FLAGGED_AFTER_CONTROL))
          .as(method.key())
          .isEqualTo(method == MultipleComparisons.NONE);
      assertThat((boolean) got.get("EQ1").getAs(EquityChecks.IS_FLAGGED_AFTER_CONTROL)).isFalse();
    }
    Map<String, Row> bh = findings(areas);
    assertThat((String) bh.get("MARGINAL").getAs(EquityChecks.SENTENCE))
        .endsWith(
            String.format(
                Locale.ROOT,
                "(265 events against 300.0 expected); may be chance: does not survive"
                    + " Benjamini-Hochberg control of the false discovery rate at 5%% over the 5"
                    + " place x service pairs judged (q = %.3f)",
                MultipleComparisons.BH.adjust(p)[1]));
    assertThat((String) bh.get("STRONG").getAs(EquityChecks.SENTENCE))
        .endsWith(
            "; survives Benjamini-Hochberg control of the false discovery rate at 5% over"
                + " the 5 place x service pairs judged (q < 0.001)");
    Map<String, Row> none =
        findings(new Findings.Rules(0.05, 0.9, 1.1, 20, MultipleComparisons.NONE), areas);
    assertThat((String) none.get("MARGINAL").getAs(EquityChecks.SENTENCE))
        .endsWith(
            String.format(
                Locale.ROOT,
                "; not controlled for the 5 place x service pairs judged (p = %.3f)",
                p[1]));
  }

  @Test
  void serviceLabelIsSentenceCase() {
    StructType schema = new StructType().add(EquityAccess.SERVICE, DataTypes.StringType);
    Row r =
        rows(schema, new Object[] {"ae_attendances"})
            .select(Findings.serviceLabel(col(EquityAccess.SERVICE)))
            .first();
    assertThat(r.getString(0)).isEqualTo("Ae attendances");
  }
}
