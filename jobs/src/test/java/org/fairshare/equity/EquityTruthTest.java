package org.fairshare.equity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.fairshare.SparkTestBase;
import org.fairshare.generate.GeneratorOptions;
import org.fairshare.generate.PlantedEffects;
import org.fairshare.generate.SyntheticEngland;
import org.fairshare.generate.Truth;
import org.fairshare.schema.Activity;
import org.fairshare.schema.Deprivation;
import org.fairshare.schema.EquityAccess;
import org.fairshare.schema.EquityChecks;
import org.fairshare.schema.EquityInequity;
import org.fairshare.schema.GeographyLookup;
import org.fairshare.schema.Population;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The equity transforms against the planted truth of the synthetic generator (500 areas, seed 4,
 * one year), computed on the generated Parquet read with the contract schemas.
 *
 * <p>Design. Default rules (alpha 0.05, under-served below O/E 0.9 with the upper limit below 1, at
 * least 20 expected events). Two bases for the expectation: the default age-sex indirect
 * standardisation, and age-sex x the true multiplier exp(beta_s x deprivation_z + gamma_s x
 * supply_z) from {@code _truth}, i.e. everything the generator puts into use except the planted
 * under-use (how a need multiplier from the need model enters). Under the second basis every
 * unplanted cell has a true O/E of exactly 1, the null under which a false-alarm rate is defined.
 * (1) Against the true multiplier every planted (place, service) of {@code _truth/planted_underuse}
 * must come out deprived_under_served; against age-sex alone a planted 0.8 can be masked by the
 * extra need of very deprived residents (exp(0.1 z) for outpatients), so there it is required only
 * that most planted cells are found. (2) False alarms, for each basis: across all unplanted place x
 * service pairs that are judged (status not too_little_data), the share flagged
 * deprived_under_served must be at most alpha + 3 binomial standard errors, sqrt(alpha (1 - alpha)
 * / n). A flag needs a one-sided 2.5% Poisson test and a 10% shortfall, so the expected rate under
 * the null is far below alpha. (3) Direction: emergency admissions rise with deprivation beyond age
 * and sex (beta 0.30), so their concentration index and HI over national IMD rank in England are
 * negative, with the HI's upper limit below 0.
 */
class EquityTruthTest extends SparkTestBase {
  static final GeneratorOptions OPTIONS =
      new GeneratorOptions(500, 4L, 1, 2024, "2025-26", 1.0, "parquet");
  static final Findings.Rules RULES =
      new Findings.Rules(0.05, 0.9, 1.1, 20, MultipleComparisons.BH);

  @TempDir static Path dir;
  static Dataset<Row> areaUse;
  static List<Row> checks;
  static List<Row> checksWithNeed;

  @BeforeAll
  static void generateAndCompute() {
    SyntheticEngland.generate(spark, OPTIONS, dir);
    int year = OPTIONS.lastYear();
    Dataset<Row> events =
        NeedExpected.eventsByStratum(read(Activity.SCHEMA, Activity.DATASET), year);
    Dataset<Row> persons =
        NeedExpected.personsByStratum(read(Population.SCHEMA, Population.DATASET), year);
    Dataset<Row> rates = NeedExpected.nationalRates(events, persons);
    Dataset<Row> residents =
        persons
            .groupBy(col(NeedExpected.AREA_CODE))
            .sum(NeedExpected.PERSONS)
            .withColumnRenamed("sum(" + NeedExpected.PERSONS + ")", NeedExpected.PERSONS);
    Dataset<Row> groups =
        AreaGroups.areaGroups(
            read(GeographyLookup.SCHEMA, GeographyLookup.DATASET),
            read(Deprivation.SCHEMA, Deprivation.DATASET),
            residents,
            List.of());
    areaUse =
        AreaGroups.withAreaGroups(
                NeedExpected.withNeedMultiplier(
                    NeedExpected.areaUse(events, persons, rates), Optional.empty()),
                groups)
            .persist(StorageLevel.MEMORY_AND_DISK());
    checks = Findings.findings(areaUse, RULES, NeedExpected.AGE_SEX_BASIS).collectAsList();
    checksWithNeed =
        Findings.findings(
                NeedExpected.withNeedMultiplier(areaUse, Optional.of(trueNeedMultipliers())),
                RULES,
                NeedExpected.NEED_MODEL_BASIS)
            .collectAsList();
  }

  @AfterAll
  static void release() {
    areaUse.unpersist();
  }

  private static Dataset<Row> read(org.apache.spark.sql.types.StructType schema, String name) {
    return spark.read().schema(schema).parquet(dir.resolve(name).toString());
  }

  /**
   * Returns exp(beta_s x deprivation_z + gamma_s x supply_z) per area and service from the truth
   * tables.
   */
  private static Dataset<Row> trueNeedMultipliers() {
    Dataset<Row> effects =
        spark
            .read()
            .schema(Truth.AreaEffects.SCHEMA)
            .parquet(dir.resolve(Truth.FOLDER).resolve(Truth.AreaEffects.NAME).toString());
    Dataset<Row> beta =
        spark
            .read()
            .schema(Truth.NeedCoefficients.SCHEMA)
            .parquet(dir.resolve(Truth.FOLDER).resolve(Truth.NeedCoefficients.NAME).toString());
    Column linear =
        when(
                col(Truth.NeedCoefficients.VARIABLE).equalTo(PlantedEffects.DEPRIVATION_Z),
                col(Truth.NeedCoefficients.VALUE).multiply(col(Truth.AreaEffects.DEPRIVATION_Z)))
            .when(
                col(Truth.NeedCoefficients.VARIABLE).equalTo(PlantedEffects.SUPPLY_Z),
                col(Truth.NeedCoefficients.VALUE).multiply(col(Truth.AreaEffects.SUPPLY_Z)))
            .otherwise(0.0);
    return effects
        .crossJoin(beta)
        .groupBy(col(Truth.AreaEffects.AREA_CODE), col(Truth.NeedCoefficients.SERVICE))
        .agg(exp(sum(linear)).as(NeedExpected.NEED_MULTIPLIER));
  }

  private static Set<String> planted() {
    Set<String> planted = new HashSet<>();
    spark
        .read()
        .schema(Truth.PlantedUnderuse.SCHEMA)
        .parquet(dir.resolve(Truth.FOLDER).resolve(Truth.PlantedUnderuse.NAME).toString())
        .collectAsList()
        .forEach(
            r ->
                planted.add(
                    r.getAs(Truth.PlantedUnderuse.PLACE_CODE)
                        + "/"
                        + r.getAs(Truth.PlantedUnderuse.SERVICE)));
    return planted;
  }

  private static String key(Row r) {
    return r.getAs(EquityChecks.PLACE_CODE) + "/" + r.getAs(EquityChecks.SERVICE);
  }

  private static List<String> underServed(List<Row> found) {
    return found.stream()
        .filter(r -> EquityChecks.DEPRIVED_UNDER_SERVED.equals(r.getAs(EquityChecks.STATUS)))
        .map(EquityTruthTest::key)
        .toList();
  }

  @Test
  void everyPlantedUnderUseIsFoundUnderServedAgainstTheTrueExpectation() {
    Set<String> planted = planted();
    assertThat(planted).isNotEmpty();
    assertThat(underServed(checksWithNeed)).containsAll(planted);
    checksWithNeed.stream()
        .filter(r -> planted.contains(key(r)))
        .forEach(
            r ->
                assertThat((String) r.getAs(EquityChecks.SENTENCE))
                    .as(key(r))
                    .contains("for the most deprived fifth in Synthetic Place")
                    .contains("below need-expected"));
  }

  @Test
  void mostPlantedUnderUseIsFoundAgainstAgeSexNeedAlone() {
    Set<String> planted = planted();
    long found = underServed(checks).stream().filter(planted::contains).count();
    assertThat(found).isGreaterThan(planted.size() / 2);
  }

  @Test
  void falseAlarmsWhereNothingWasPlantedStayWithinAlpha() {
    assertFalseAlarmsWithinAlpha(checks, "age-sex");
    assertFalseAlarmsWithinAlpha(checksWithNeed, "true multiplier");
  }

  private static void assertFalseAlarmsWithinAlpha(List<Row> found, String basis) {
    Set<String> planted = planted();
    List<Row> judged =
        found.stream()
            .filter(r -> !planted.contains(key(r)))
            .filter(r -> !EquityChecks.TOO_LITTLE_DATA.equals(r.getAs(EquityChecks.STATUS)))
            .toList();
    long flagged =
        judged.stream()
            .filter(r -> EquityChecks.DEPRIVED_UNDER_SERVED.equals(r.getAs(EquityChecks.STATUS)))
            .count();
    int n = judged.size();
    double alpha = RULES.significanceLevel();
    double bound = alpha + 3 * Math.sqrt(alpha * (1 - alpha) / n);
    assertThat(n).isGreaterThan(50);
    assertThat((double) flagged / n).as(basis).isLessThanOrEqualTo(bound);
  }

  @Test
  void everyPlaceAndServiceGetsOneStatus() {
    long places = areaUse.select(AreaGroups.PLACE_CODE).distinct().count();
    assertThat(checks).hasSize((int) places * PlantedEffects.SERVICES.size());
    assertThat(checks)
        .allSatisfy(
            r -> assertThat(EquityChecks.STATUSES).contains((String) r.getAs(EquityChecks.STATUS)));
  }

  @Test
  void emergencyAdmissionsConcentrateAmongTheDeprivedBeyondAgeSexNeed() {
    Row england =
        HorizontalInequity.horizontalInequity(areaUse, 0.95)
            .filter(
                col(EquityInequity.GEOGRAPHY_LEVEL)
                    .equalTo(EquityAccess.ENGLAND)
                    .and(col(EquityInequity.SERVICE).equalTo(PlantedEffects.EMERGENCY_ADMISSIONS)))
            .first();
    assertThat((Double) england.getAs(EquityInequity.CI_USE)).isNegative();
    assertThat((Double) england.getAs(EquityInequity.HI_UPPER_CI)).isNegative();
  }
}
