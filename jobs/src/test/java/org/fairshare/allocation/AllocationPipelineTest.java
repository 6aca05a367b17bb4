package org.fairshare.allocation;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fairshare.SparkTestBase;
import org.fairshare.config.FairshareConfig;
import org.fairshare.need.NeedModelStage;
import org.fairshare.pipeline.Stage;
import org.fairshare.schema.Activity;
import org.fairshare.schema.AllocationChecksTable;
import org.fairshare.schema.AllocationWaterfallTable;
import org.fairshare.schema.Baselines;
import org.fairshare.schema.Columns;
import org.fairshare.schema.CostIndices;
import org.fairshare.schema.DatasetContract;
import org.fairshare.schema.Deprivation;
import org.fairshare.schema.Envelopes;
import org.fairshare.schema.GeographyLookup;
import org.fairshare.schema.HoldbacksTable;
import org.fairshare.schema.Mortality;
import org.fairshare.schema.NeedModelCoefficientsTable;
import org.fairshare.schema.PlaceAllocationsTable;
import org.fairshare.schema.Population;
import org.fairshare.schema.Spend;
import org.fairshare.schema.Staging;
import org.fairshare.schema.StreamWeightedPopulationTable;
import org.fairshare.schema.Supply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every need and allocation stage over a tiny two-ICB, four-place, twelve-area England through
 * an in-memory context, once, and checks the outputs that must hold whatever the data.
 */
@Tag("pipeline")
class AllocationPipelineTest extends SparkTestBase {

  @TempDir static Path warehouse;

  static InMemoryStageContext ctx;

  static final int AREAS = 12;

  static String area(int i) {
    return String.format("XA21%06d", i + 1);
  }

  static String place(int i) {
    return "PL" + (i / 3 + 1);
  }

  static String icb(int i) {
    return i < 6 ? "ICB1" : "ICB2";
  }

  static double deprivation(int i) {
    return 0.1 + 0.08 * i;
  }

  static BigDecimal gbp(String s) {
    return new BigDecimal(s);
  }

  @BeforeAll
  static void runAllStages() {
    FairshareConfig cfg =
        FairshareConfig.of(
            Map.of(
                "warehouse.path", warehouse.toString(),
                "run.data_year", "2024",
                // This test's services are named acute, primary_care and mental_health.
                "allocation.pmc_services", "primary_care",
                "allocation.mental_health_services", "mental_health",
                "allocation.holdbacks", "core:ambulance=0.02"));
    ctx = new InMemoryStageContext(spark, cfg);
    List<Object[]> geography = new ArrayList<>();
    List<Object[]> deprivation = new ArrayList<>();
    List<Object[]> population = new ArrayList<>();
    List<Object[]> activity = new ArrayList<>();
    List<Object[]> mortality = new ArrayList<>();
    List<Object[]> supply = new ArrayList<>();
    for (int i = 0; i < AREAS; i++) {
      double d = deprivation(i);
      geography.add(
          new Object[] {
            area(i),
            null,
            2021,
            "MS" + i / 3 + (i % 3 == 0 ? "a" : "b"),
            null,
            place(i),
            null,
            place(i),
            null,
            icb(i),
            null,
            icb(i),
            null,
            "R1",
            null
          });
      Object[] dep = new Object[Deprivation.SCHEMA.size()];
      dep[0] = area(i);
      dep[1] = "SYNTHETIC";
      dep[2] = 40 * d;
      dep[3] = AREAS - i;
      dep[4] = 10 - i * 10 / AREAS;
      dep[5] = d;
      deprivation.add(dep);
      supply.add(new Object[] {area(i), 2024, 5.0 + i % 3, 10.0 + 2 * (i % 5)});
      for (String sex : List.of("F", "M")) {
        for (int age = 0; age <= Columns.MAX_AGE; age++) {
          double persons = 8 + (age < 60 ? 10 : 5) + i % 4;
          population.add(new Object[] {area(i), 2024, sex, age, persons});
          activity.add(
              new Object[] {
                area(i),
                2024,
                sex,
                age,
                "acute",
                Math.round(persons * (0.05 + age / 200.0) * Math.exp(0.5 * d))
              });
          activity.add(
              new Object[] {
                area(i),
                2024,
                sex,
                age,
                "primary_care",
                Math.round(persons * (2 + age / 30.0) * Math.exp(0.3 * d))
              });
          activity.add(
              new Object[] {
                area(i),
                2024,
                sex,
                age,
                "mental_health",
                Math.round(persons * 0.1 * Math.exp(0.8 * d))
              });
        }
        for (int year = 2020; year <= 2024; year++) {
          for (int band = 50; band <= 90; band += 5) {
            long avoidable = (band / 10) % 3 + (i % 3 == 0 ? 2 : 0) + Math.round(2 * d);
            mortality.add(new Object[] {area(i), year, sex, band, true, avoidable});
            mortality.add(new Object[] {area(i), year, sex, band, false, (long) band / 10});
          }
        }
      }
    }
    List<Object[]> spend = new ArrayList<>();
    for (String org : List.of("ICB1", "ICB2")) {
      for (int year : List.of(2023, 2024)) {
        spend.add(new Object[] {org, "acute", year, gbp("1000000.00"), null});
        spend.add(new Object[] {org, "primary_care", year, gbp("300000.00"), null});
      }
    }
    spend.add(new Object[] {"ICB1", "mental_health", 2023, gbp("100000.00"), null});
    spend.add(new Object[] {"ICB1", "mental_health", 2024, gbp("110000.00"), null});
    spend.add(new Object[] {"ICB2", "mental_health", 2023, gbp("100000.00"), null});
    spend.add(new Object[] {"ICB2", "mental_health", 2024, gbp("100500.00"), null});
    List<Object[]> baselines = new ArrayList<>();
    for (int p = 1; p <= 4; p++) {
      baselines.add(
          new Object[] {
            "PL" + p,
            "2024-25",
            "core",
            gbp("1000000.00").add(gbp("100000.00").multiply(BigDecimal.valueOf(p - 1)))
          });
      baselines.add(new Object[] {"PL" + p, "2024-25", "primary_medical_care", gbp("100000.00")});
    }
    List<Object[]> envelopes =
        List.of(
            new Object[] {"ICB1", "2025-26", "core", gbp("2200000.00")},
            new Object[] {"ICB2", "2025-26", "core", gbp("2600000.00")},
            new Object[] {"ICB1", "2025-26", "primary_medical_care", gbp("210000.00")},
            new Object[] {"ICB2", "2025-26", "primary_medical_care", gbp("210000.00")});
    List<Object[]> costs =
        List.of(
            new Object[] {"PL2", "market_forces", 1.05},
            new Object[] {"ICB2", "market_forces", 0.98});
    stage(GeographyLookup.CONTRACT, geography);
    stage(Deprivation.CONTRACT, deprivation);
    stage(Population.CONTRACT, population);
    stage(Activity.CONTRACT, activity);
    stage(Mortality.CONTRACT, mortality);
    stage(Supply.CONTRACT, supply);
    stage(Spend.CONTRACT, spend);
    stage(Baselines.CONTRACT, baselines);
    stage(Envelopes.CONTRACT, envelopes);
    stage(CostIndices.CONTRACT, costs);
    for (Stage s : AllocationStages.all()) {
      s.run(ctx);
    }
  }

  static void stage(DatasetContract contract, List<Object[]> values) {
    ctx.put(Staging.table(contract), rows(contract.schema(), values.toArray(Object[][]::new)));
  }

  static Dataset<Row> table(org.fairshare.schema.OutputTable t) {
    return ctx.read(t);
  }

  @Test
  void everyEnvelopeReconcilesToThePennyInTheSummary() {
    assertThat(ctx.summary).hasSize(4).allMatch(l -> l.endsWith(": ok"));
  }

  @Test
  void allocationsPlusHoldbacksAddUpToEachEnvelope() {
    Map<String, BigDecimal> allocated = new HashMap<>();
    for (Row r :
        table(PlaceAllocationsTable.TABLE)
            .where(col(PlaceAllocationsTable.PATH_YEAR).equalTo(1))
            .collectAsList()) {
      allocated.merge(
          r.getAs(Columns.ICB_CODE) + "/" + r.getAs(PlaceAllocationsTable.STREAM),
          r.getAs(PlaceAllocationsTable.ALLOCATION_GBP),
          BigDecimal::add);
    }
    for (Row r : table(HoldbacksTable.TABLE).collectAsList()) {
      allocated.merge(
          r.getAs(Columns.ICB_CODE) + "/" + r.getAs(HoldbacksTable.STREAM),
          r.getAs(HoldbacksTable.AMOUNT_GBP),
          BigDecimal::add);
    }
    assertThat(allocated.get("ICB1/core")).isEqualByComparingTo("2200000.00");
    assertThat(allocated.get("ICB2/core")).isEqualByComparingTo("2600000.00");
    assertThat(allocated.get("ICB1/primary_medical_care")).isEqualByComparingTo("210000.00");
    assertThat(allocated.get("ICB2/primary_medical_care")).isEqualByComparingTo("210000.00");
  }

  @Test
  void waterfallStepsAddUpToTheFinalAllocationForEveryPlace() {
    Map<String, BigDecimal> steps = new HashMap<>();
    Map<String, BigDecimal> finals = new HashMap<>();
    List<Row> rows = table(AllocationWaterfallTable.TABLE).collectAsList();
    for (Row r : rows) {
      String k = r.getAs(Columns.PLACE_CODE) + "/" + r.getAs(AllocationWaterfallTable.STREAM);
      BigDecimal amount = r.getAs(AllocationWaterfallTable.AMOUNT_GBP);
      if (r.<Integer>getAs(AllocationWaterfallTable.STEP_ORDER) == 8) {
        finals.put(k, amount);
      } else {
        steps.merge(k, amount, BigDecimal::add);
      }
    }
    assertThat(rows).hasSize(4 * 2 * 8);
    assertThat(finals).hasSize(8);
    finals.forEach((k, v) -> assertThat(steps.get(k)).as(k).isEqualByComparingTo(v));
  }

  @Test
  void needIndicesAverageToOneWithinEachIcb() {
    Map<String, double[]> sums = new HashMap<>();
    for (Row r : table(StreamWeightedPopulationTable.TABLE).collectAsList()) {
      double pop = r.getAs(StreamWeightedPopulationTable.POPULATION);
      double ni = r.getAs(StreamWeightedPopulationTable.NEED_INDEX_ICB);
      double[] s =
          sums.computeIfAbsent(
              r.getAs(Columns.ICB_CODE) + "/" + r.getAs(StreamWeightedPopulationTable.STREAM),
              k -> new double[2]);
      s[0] += pop * ni;
      s[1] += pop;
    }
    assertThat(sums).hasSize(4);
    sums.values().forEach(s -> assertThat(s[0] / s[1]).isCloseTo(1.0, within(1e-9)));
  }

  @Test
  void everyServiceModelIsSavedWithItsCoefficients() {
    for (String service : List.of("acute", "primary_care", "mental_health")) {
      assertThat(Files.exists(NeedModelStage.modelPath(ctx.config(), service).resolve("metadata")))
          .as(service)
          .isTrue();
    }
    List<Row> supplyTerms =
        table(NeedModelCoefficientsTable.TABLE)
            .where(col(NeedModelCoefficientsTable.IS_SUPPLY))
            .collectAsList();
    assertThat(supplyTerms)
        .extracting(r -> r.<String>getAs(NeedModelCoefficientsTable.TERM))
        .containsOnly("gp_fte_per_10k", "travel_minutes")
        .hasSize(6);
  }

  @Test
  void mentalHealthInvestmentStandardFailsWhereSpendGrowsSlowerThanAllocation() {
    Map<String, Boolean> passed = new HashMap<>();
    for (Row r :
        table(AllocationChecksTable.TABLE)
            .where(
                col(AllocationChecksTable.CHECK_NAME)
                    .equalTo(AllocationChecksTable.MENTAL_HEALTH_INVESTMENT_STANDARD))
            .collectAsList()) {
      passed.put(r.getAs(AllocationChecksTable.ICB_CODE), r.getAs(AllocationChecksTable.IS_PASSED));
    }
    assertThat(passed).containsEntry("ICB1", true).containsEntry("ICB2", false);
  }

  @Test
  void reconciliationFailsTheRunOnAPennyOfDifference() {
    InMemoryStageContext other = new InMemoryStageContext(spark, ctx.config());
    Dataset<Row> reconciliation =
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    AllocationChecksTable.ENVELOPE_RECONCILIATION,
                    "ICB9",
                    null,
                    "core",
                    gbp("99.99"),
                    gbp("100.00"),
                    null,
                    null,
                    false,
                    "test")),
            AllocationChecksTable.SCHEMA);
    assertThatThrownBy(() -> AllocationChecksStage.reconcile(other, reconciliation))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 ICB envelope(s) do not reconcile");
    assertThat(other.summary).singleElement().asString().contains("ICB9", "MISMATCH");
  }
}
