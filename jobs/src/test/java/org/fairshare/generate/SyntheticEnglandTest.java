package org.fairshare.generate;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.Activity;
import org.fairshare.schema.Baselines;
import org.fairshare.schema.Columns;
import org.fairshare.schema.CostIndices;
import org.fairshare.schema.DatasetContract;
import org.fairshare.schema.Datasets;
import org.fairshare.schema.Deprivation;
import org.fairshare.schema.Envelopes;
import org.fairshare.schema.GeographyLookup;
import org.fairshare.schema.Mortality;
import org.fairshare.schema.Population;
import org.fairshare.schema.PracticeAttribution;
import org.fairshare.schema.Practices;
import org.fairshare.schema.RegisteredLists;
import org.fairshare.schema.Spend;
import org.fairshare.schema.Supply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks one small generated England (300 areas, two years) against the contracts and truth. */
@Tag("pipeline")
class SyntheticEnglandTest extends SparkTestBase {

  static final GeneratorOptions OPTIONS =
      new GeneratorOptions(300, 7L, 2, 2024, "2025-26", 1.0, "parquet");

  @TempDir static Path dir;
  private static GenerationReport report;

  @BeforeAll
  static void generate() {
    report = SyntheticEngland.generate(spark, OPTIONS, dir);
  }

  private static Dataset<Row> read(String dataset) {
    return spark.read().parquet(dir.resolve(dataset).toString());
  }

  private static Dataset<Row> truth(String name) {
    return spark.read().parquet(dir.resolve(Truth.FOLDER).resolve(name).toString());
  }

  @Test
  void everyDatasetHasExactlyTheContractColumnsAndTypes() {
    for (DatasetContract contract : Datasets.ALL) {
      StructField[] written = read(contract.name()).schema().fields();
      StructField[] expected = contract.schema().fields();
      assertThat(written).as(contract.name()).hasSameSizeAs(expected);
      for (int i = 0; i < expected.length; i++) {
        assertThat(written[i].name()).as(contract.name()).isEqualTo(expected[i].name());
        assertThat(written[i].dataType())
            .as(contract.name() + "." + expected[i].name())
            .isEqualTo(expected[i].dataType());
      }
    }
  }

  @Test
  void theReportCountsTheRowsOfEveryDataset() {
    assertThat(report.rowsWritten().keySet())
        .containsExactlyElementsOf(Datasets.ALL.stream().map(DatasetContract::name).toList());
    for (DatasetContract contract : Datasets.ALL) {
      assertThat(report.rowsWritten().get(contract.name()))
          .as(contract.name())
          .isPositive()
          .isEqualTo(read(contract.name()).count());
    }
    assertThat(report.truthRowsWritten().keySet()).containsExactlyElementsOf(Truth.NAMES);
  }

  @Test
  void keysAreUniqueAndNeverNull() {
    for (DatasetContract contract : Datasets.ALL) {
      Dataset<Row> rows = read(contract.name());
      Column[] key = contract.key().stream().map(c -> col(c)).toArray(Column[]::new);
      long distinct = rows.select(key).distinct().count();
      assertThat(distinct).as(contract.name()).isEqualTo(rows.count());
      for (String k : contract.key()) {
        assertThat(rows.filter(col(k).isNull()).count()).as(contract.name() + "." + k).isZero();
      }
    }
  }

  @Test
  void areaCodesAreSyntheticAndKnownToTheGeography() {
    Dataset<Row> areas = read(GeographyLookup.DATASET).select(GeographyLookup.AREA_CODE);
    assertThat(areas.filter(col(GeographyLookup.AREA_CODE).rlike("^XA21[0-9]{6}$")).count())
        .isEqualTo(OPTIONS.areas());
    for (String dataset :
        List.of(
            Population.DATASET,
            Deprivation.DATASET,
            Activity.DATASET,
            Mortality.DATASET,
            Supply.DATASET,
            PracticeAttribution.DATASET)) {
      long unknown =
          read(dataset)
              .select(Columns.AREA_CODE)
              .join(areas, List.of(Columns.AREA_CODE).toArray(new String[0]), "left_anti")
              .count();
      assertThat(unknown).as(dataset).isZero();
    }
  }

  @Test
  void everyAreaHasPopulationDeprivationAndSupplyInEveryYear() {
    long areaYears = (long) OPTIONS.areas() * OPTIONS.years();
    assertThat(read(Population.DATASET).count()).isEqualTo(areaYears * 2 * 91);
    assertThat(read(Deprivation.DATASET).count()).isEqualTo(OPTIONS.areas());
    assertThat(read(Supply.DATASET).count()).isEqualTo(areaYears);
    assertThat(read(Population.DATASET).agg(min(Population.YEAR), max(Population.YEAR)).first())
        .isEqualTo(org.apache.spark.sql.RowFactory.create(2023, 2024));
  }

  @Test
  void everyActivityRowHasResidentsOfItsAgeAndSex() {
    Dataset<Row> residents =
        read(Population.DATASET).filter(col(Population.PERSONS).gt(0)).drop(Population.PERSONS);
    long orphans =
        read(Activity.DATASET)
            .join(
                residents,
                new String[] {Columns.AREA_CODE, Columns.YEAR, Columns.SEX, Columns.AGE},
                "left_anti")
            .count();
    assertThat(orphans).isZero();
    assertThat(read(Activity.DATASET).filter(col(Activity.EVENTS).leq(0)).count()).isZero();
  }

  @Test
  void maternityIsOnlyForWomenAgedFifteenToFortyNine() {
    long outside =
        read(Activity.DATASET)
            .filter(col(Activity.SERVICE).equalTo(PlantedEffects.MATERNITY_EPISODES))
            .filter(
                col(Activity.SEX)
                    .equalTo("M")
                    .or(col(Activity.AGE).lt(15))
                    .or(col(Activity.AGE).gt(49)))
            .count();
    assertThat(outside).isZero();
    assertThat(read(Activity.DATASET).select(Activity.SERVICE).distinct().count()).isEqualTo(9);
  }

  @Test
  void practicesReferencedByListsAndAttributionExist() {
    Dataset<Row> practices = read(Practices.DATASET).select(Practices.PRACTICE_CODE);
    for (String dataset : List.of(RegisteredLists.DATASET, PracticeAttribution.DATASET)) {
      long unknown =
          read(dataset)
              .select(Columns.PRACTICE_CODE)
              .join(practices, new String[] {Columns.PRACTICE_CODE}, "left_anti")
              .count();
      assertThat(unknown).as(dataset).isZero();
    }
  }

  @Test
  void attributionSharesAddToOnePerPracticeAndYear() {
    Row worst =
        read(PracticeAttribution.DATASET)
            .groupBy(PracticeAttribution.PRACTICE_CODE, PracticeAttribution.YEAR)
            .agg(sum(PracticeAttribution.SHARE).as("total"))
            .agg(max(abs(col("total").minus(1.0))), count(lit(1)))
            .first();
    assertThat(worst.getDouble(0)).isLessThan(1e-9);
    assertThat(worst.getLong(1)).isEqualTo(read(Practices.DATASET).count() * OPTIONS.years());
  }

  @Test
  void attributedPatientsAddUpToTheRegisteredLists() {
    Dataset<Row> attributed =
        read(PracticeAttribution.DATASET)
            .groupBy(PracticeAttribution.PRACTICE_CODE, PracticeAttribution.YEAR)
            .agg(sum(PracticeAttribution.PATIENTS).as("attributed"));
    Dataset<Row> listed =
        read(RegisteredLists.DATASET)
            .groupBy(RegisteredLists.PRACTICE_CODE, RegisteredLists.YEAR)
            .agg(sum(RegisteredLists.PATIENTS).as("listed"));
    long mismatched =
        attributed
            .join(listed, new String[] {Columns.PRACTICE_CODE, Columns.YEAR}, "full_outer")
            .filter(
                col("attributed")
                    .isNull()
                    .or(col("listed").isNull())
                    .or(col("attributed").notEqual(col("listed"))))
            .count();
    assertThat(mismatched).isZero();
  }

  @Test
  void registeredListsExceedResidentsByAFewPercent() {
    double listed =
        read(RegisteredLists.DATASET).agg(sum(RegisteredLists.PATIENTS)).first().getLong(0);
    double residents = read(Population.DATASET).agg(sum(Population.PERSONS)).first().getDouble(0);
    assertThat(listed / residents).isBetween(1.01, 1.05);
    assertThat(residents / OPTIONS.areas() / OPTIONS.years()).isBetween(1_500.0, 1_800.0);
  }

  @Test
  void geographyNestsEachLevelInExactlyOneParent() {
    Dataset<Row> geo = read(GeographyLookup.DATASET);
    List<List<String>> levels =
        List.of(
            List.of(GeographyLookup.MSOA_CODE, GeographyLookup.LA_CODE),
            List.of(GeographyLookup.LA_CODE, GeographyLookup.SUB_ICB_CODE),
            List.of(GeographyLookup.SUB_ICB_CODE, GeographyLookup.ICB_CODE),
            List.of(GeographyLookup.ICB_CODE, GeographyLookup.REGION_CODE));
    for (List<String> level : levels) {
      long parents =
          geo.groupBy(level.get(0))
              .agg(countDistinct(col(level.get(1))).as("parents"))
              .filter(col("parents").notEqual(1))
              .count();
      assertThat(parents).as(level.toString()).isZero();
    }
    assertThat(
            geo.filter(col(GeographyLookup.PLACE_CODE).notEqual(col(GeographyLookup.LA_CODE)))
                .count())
        .isZero();
    long smallIcbs =
        geo.groupBy(GeographyLookup.ICB_CODE)
            .agg(countDistinct(col(GeographyLookup.PLACE_CODE)).as("places"))
            .filter(col("places").lt(3))
            .count();
    assertThat(smallIcbs).isZero();
  }

  @Test
  void spendIsEventsTimesTheUnitCostToThePenny() {
    Dataset<Row> areaIcb =
        read(GeographyLookup.DATASET).select(GeographyLookup.AREA_CODE, GeographyLookup.ICB_CODE);
    Dataset<Row> events =
        read(Activity.DATASET)
            .join(areaIcb, Columns.AREA_CODE)
            .groupBy(
                col(Columns.ICB_CODE).as(Spend.ORGANISATION_CODE),
                col(Spend.SERVICE),
                col(Spend.YEAR))
            .agg(sum(Activity.EVENTS).as(Activity.EVENTS));
    Dataset<Row> spend = read(Spend.DATASET);
    assertThat(spend.count()).isEqualTo(4L * 9 * OPTIONS.years());
    long wrong =
        spend
            .join(events, new String[] {Spend.ORGANISATION_CODE, Spend.SERVICE, Spend.YEAR})
            .filter(
                col(Spend.SPEND_GBP)
                    .notEqual(col(Activity.EVENTS).multiply(col(Spend.UNIT_COST_GBP))))
            .count();
    assertThat(wrong).isZero();
  }

  @Test
  void envelopesAreAboutTheNationalRatePerRegisteredPatient() {
    Dataset<Row> envelopes = read(Envelopes.DATASET);
    assertThat(envelopes.filter(col(Envelopes.ENVELOPE_YEAR).notEqual("2025-26")).count()).isZero();
    Row totals =
        envelopes
            .groupBy()
            .agg(
                sum(when(col(Envelopes.STREAM).equalTo("core"), col(Envelopes.ENVELOPE_GBP))),
                sum(
                    when(
                        col(Envelopes.STREAM).equalTo("primary_medical_care"),
                        col(Envelopes.ENVELOPE_GBP))))
            .first();
    double patients =
        read(RegisteredLists.DATASET)
            .filter(col(RegisteredLists.YEAR).equalTo(OPTIONS.lastYear()))
            .agg(sum(RegisteredLists.PATIENTS))
            .first()
            .getLong(0);
    assertThat(totals.getDecimal(0).doubleValue() / patients)
        .isCloseTo(PlantedEffects.CORE_GBP_PER_PATIENT, within(1.0));
    assertThat(totals.getDecimal(1).doubleValue() / patients)
        .isCloseTo(PlantedEffects.PRIMARY_MEDICAL_CARE_GBP_PER_PATIENT, within(0.1));
  }

  @Test
  void baselinesOfThePreviousYearGrowByThreeToFivePercentToTheEnvelope() {
    Dataset<Row> placeIcb =
        read(GeographyLookup.DATASET)
            .select(GeographyLookup.PLACE_CODE, GeographyLookup.ICB_CODE)
            .distinct();
    Dataset<Row> baselines = read(Baselines.DATASET);
    assertThat(baselines.filter(col(Baselines.BASELINE_YEAR).notEqual("2024-25")).count()).isZero();
    List<Row> growth =
        baselines
            .join(placeIcb, Columns.PLACE_CODE)
            .groupBy(Columns.ICB_CODE, Baselines.STREAM)
            .agg(sum(Baselines.BASELINE_GBP).as("baselines"))
            .join(read(Envelopes.DATASET), new String[] {Columns.ICB_CODE, Baselines.STREAM})
            .select(col(Envelopes.ENVELOPE_GBP).divide(col("baselines")).cast("double"))
            .collectAsList();
    assertThat(growth).hasSize(8);
    assertThat(growth).allSatisfy(r -> assertThat(r.getDouble(0)).isBetween(1.0299, 1.0501));
  }

  @Test
  void baselinesAreOffThePopulationShareByTheRecordedOffsets() {
    Dataset<Row> offsets = truth(Truth.BaselineOffsets.NAME);
    Row range =
        offsets.agg(min(Truth.BaselineOffsets.OFFSET), max(Truth.BaselineOffsets.OFFSET)).first();
    assertThat(range.getDouble(0)).isBetween(-0.10, -0.01);
    assertThat(range.getDouble(1)).isBetween(0.01, 0.12);
    assertThat(offsets.count()).isEqualTo(read(Baselines.DATASET).count());
  }

  @Test
  void costIndicesAreWithinTheirDocumentedRanges() {
    Dataset<Row> indices = read(CostIndices.DATASET);
    Row mff =
        indices
            .filter(col(CostIndices.INDEX_NAME).equalTo("market_forces"))
            .agg(min(CostIndices.VALUE), max(CostIndices.VALUE), count(lit(1)))
            .first();
    Row rurality =
        indices
            .filter(col(CostIndices.INDEX_NAME).equalTo("rurality"))
            .agg(min(CostIndices.VALUE), max(CostIndices.VALUE))
            .first();
    assertThat(mff.getDouble(0)).isGreaterThanOrEqualTo(0.93);
    assertThat(mff.getDouble(1)).isLessThanOrEqualTo(1.15);
    assertThat(mff.getLong(2)).isEqualTo(4L);
    assertThat(rurality.getDouble(0)).isGreaterThanOrEqualTo(0.98);
    assertThat(rurality.getDouble(1)).isLessThanOrEqualTo(1.08);
  }

  /** Activity with expected events from the truth tables: base rate x exp(beta z + gamma s). */
  private static Dataset<Row> observedAndExpected(String service, boolean withDeprivation) {
    Map<String, Double> beta = PlantedEffects.DEPRIVATION_BETA;
    Map<String, Double> gamma = PlantedEffects.SUPPLY_GAMMA;
    Column effects =
        exp(
            col(Truth.AreaEffects.SUPPLY_Z)
                .multiply(gamma.get(service))
                .plus(
                    withDeprivation
                        ? col(Truth.AreaEffects.DEPRIVATION_Z).multiply(beta.get(service))
                        : lit(0.0)));
    Dataset<Row> rates =
        truth(Truth.BaseRateTable.NAME).filter(col(Truth.BaseRateTable.SERVICE).equalTo(service));
    Dataset<Row> events =
        read(Activity.DATASET)
            .filter(col(Activity.SERVICE).equalTo(service))
            .drop(Activity.SERVICE);
    return read(Population.DATASET)
        .join(
            events,
            new String[] {Columns.AREA_CODE, Columns.YEAR, Columns.SEX, Columns.AGE},
            "left")
        .join(rates.drop(Truth.BaseRateTable.SERVICE), new String[] {Columns.SEX, Columns.AGE})
        .join(truth(Truth.AreaEffects.NAME), Columns.AREA_CODE)
        .join(
            read(Deprivation.DATASET).select(Deprivation.AREA_CODE, Deprivation.IMD_DECILE),
            Columns.AREA_CODE)
        .withColumn(
            "observed",
            when(col(Activity.EVENTS).isNull(), lit(0L)).otherwise(col(Activity.EVENTS)))
        .withColumn(
            "expected",
            col(Population.PERSONS).multiply(col(Truth.BaseRateTable.RATE)).multiply(effects));
  }

  @Test
  void plantedPlacesMostDeprivedQuintileUsesAboutFourFifthsOfNeed() {
    Dataset<Row> underuse = truth(Truth.PlantedUnderuse.NAME);
    assertThat(underuse.select(Truth.PlantedUnderuse.PLACE_CODE).distinct().count())
        .isGreaterThanOrEqualTo(2);
    for (String service : PlantedEffects.UNDERUSE_SERVICES) {
      List<Row> ratios =
          observedAndExpected(service, true)
              .groupBy(col(Truth.AreaEffects.IS_UNDERUSE))
              .agg(sum("observed").divide(sum("expected")).as("ratio"))
              .orderBy(Truth.AreaEffects.IS_UNDERUSE)
              .collectAsList();
      assertThat(ratios.get(0).getDouble(1))
          .as(service + " elsewhere")
          .isCloseTo(1.0, within(0.03));
      assertThat(ratios.get(1).getDouble(1))
          .as(service + " planted")
          .isCloseTo(PlantedEffects.UNDERUSE_FACTOR, within(0.06));
    }
  }

  @Test
  void otherServicesShowNoUnderuseInThePlantedPlaces() {
    Row ratio =
        observedAndExpected(PlantedEffects.EMERGENCY_ADMISSIONS, true)
            .filter(col(Truth.AreaEffects.IS_UNDERUSE))
            .agg(sum("observed").divide(sum("expected")))
            .first();
    assertThat(ratio.getDouble(0)).isCloseTo(1.0, within(0.1));
  }

  @Test
  void emergencyAdmissionsRiseWithDeprivationBeyondAgeAndSupply() {
    List<Row> byDecile =
        observedAndExpected(PlantedEffects.EMERGENCY_ADMISSIONS, false)
            .filter(col(Deprivation.IMD_DECILE).isin(1, 10))
            .groupBy(Deprivation.IMD_DECILE)
            .agg(sum("observed").divide(sum("expected")).as("ratio"))
            .orderBy(Deprivation.IMD_DECILE)
            .collectAsList();
    assertThat(byDecile.get(0).getDouble(1) / byDecile.get(1).getDouble(1)).isGreaterThan(1.5);
  }

  @Test
  void avoidableMortalityIsAboutThreeTimesHigherInTheMostDeprivedDecile() {
    Dataset<Row> deciles =
        read(Deprivation.DATASET).select(Deprivation.AREA_CODE, Deprivation.IMD_DECILE);
    Dataset<Row> deaths =
        read(Mortality.DATASET)
            .filter(col(Mortality.IS_AVOIDABLE))
            .join(deciles, Columns.AREA_CODE)
            .groupBy(Deprivation.IMD_DECILE)
            .agg(sum(Mortality.DEATHS).as("deaths"));
    // Expected avoidable deaths at national average rates, from the same population.
    Dataset<Row> rates =
        spark.createDataFrame(SyntheticEngland.mortalityRateRows(), FactTables.MORTALITY_RATES);
    Dataset<Row> expected =
        read(Population.DATASET)
            .join(rates, new String[] {Columns.SEX, Columns.AGE})
            .join(deciles, Columns.AREA_CODE)
            .groupBy(Deprivation.IMD_DECILE)
            .agg(
                sum(col(Population.PERSONS).multiply(col(FactTables.AVOIDABLE_RATE)))
                    .as("expected"));
    List<Row> ratios =
        deaths
            .join(expected, Deprivation.IMD_DECILE)
            .filter(col(Deprivation.IMD_DECILE).isin(1, 10))
            .select(col(Deprivation.IMD_DECILE), col("deaths").divide(col("expected")))
            .orderBy(Deprivation.IMD_DECILE)
            .collectAsList();
    double ratio = ratios.get(0).getDouble(1) / ratios.get(1).getDouble(1);
    assertThat(ratio).isBetween(2.0, 4.5);
  }

  @Test
  void needCoefficientsInTheTruthAreThePlantedOnes() {
    List<Row> rows =
        truth(Truth.NeedCoefficients.NAME)
            .filter(col(Truth.NeedCoefficients.VARIABLE).equalTo(PlantedEffects.DEPRIVATION_Z))
            .collectAsList();
    assertThat(rows).hasSize(9);
    for (Row r : rows) {
      assertThat(r.getDouble(2)).isEqualTo(PlantedEffects.DEPRIVATION_BETA.get(r.getString(0)));
    }
  }

  @Test
  void avoidableDeathsAreAllUnderSeventyFive() {
    assertThat(
            read(Mortality.DATASET)
                .filter(col(Mortality.IS_AVOIDABLE).and(col(Mortality.AGE_BAND_START).geq(75)))
                .count())
        .isZero();
  }
}
