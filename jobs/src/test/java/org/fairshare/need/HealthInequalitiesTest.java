package org.fairshare.need;

import static org.apache.spark.sql.functions.sum;
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
import org.fairshare.schema.HealthInequalitiesTable;
import org.fairshare.schema.Mortality;
import org.fairshare.schema.Population;
import org.junit.jupiter.api.Test;

class HealthInequalitiesTest extends SparkTestBase {

  static final StructType PARENTS =
      new StructType()
          .add(HealthInequalitiesTable.AREA_CODE, DataTypes.StringType)
          .add(HealthInequalitiesTable.PARENT_CODE, DataTypes.StringType);

  /** Three areas of one parent at age 60: A big, B big, C small with a high death count. */
  static Dataset<Row> population() {
    return rows(
            Population.SCHEMA,
            new Object[] {"A", 2024, "F", 60, 10000.0},
            new Object[] {"B", 2024, "F", 60, 10000.0},
            new Object[] {"C", 2024, "F", 60, 100.0},
            new Object[] {"A", 2024, "F", 80, 1000.0})
        .drop(Population.YEAR);
  }

  static Dataset<Row> mortality() {
    List<Object[]> r = new ArrayList<>();
    r.add(new Object[] {"A", 2024, "F", 60, true, 100L});
    r.add(new Object[] {"B", 2024, "F", 60, true, 100L});
    r.add(new Object[] {"C", 2024, "F", 60, true, 4L});
    r.add(new Object[] {"A", 2024, "F", 80, false, 50L});
    return rows(Mortality.SCHEMA, r.toArray(Object[][]::new));
  }

  static Dataset<Row> parents() {
    return rows(PARENTS, new Object[] {"A", "P"}, new Object[] {"B", "P"}, new Object[] {"C", "P"});
  }

  static Map<String, Row> byArea(Dataset<Row> d) {
    return d.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs(HealthInequalitiesTable.AREA_CODE), r -> r));
  }

  @Test
  void zeroPriorStrengthGivesTheRawRatio() {
    Map<String, Row> r =
        byArea(
            HealthInequalities.mortalityRatios(
                population(), mortality(), parents(), HealthInequalities.AVOIDABLE, 75, 0.0));
    // National rate at 60: 204 / 20100; C expects 100 x that = 1.015 and saw 4.
    double expectedC = 100 * 204.0 / 20100;
    assertThat(r.get("C").<Double>getAs(HealthInequalitiesTable.MORTALITY_RATIO))
        .isCloseTo(4 / expectedC, within(1e-9));
    assertThat(r.get("C").<Double>getAs(HealthInequalitiesTable.MORTALITY_RATIO_RAW))
        .isCloseTo(4 / expectedC, within(1e-9));
  }

  @Test
  void smallAreasAreShrunkTowardsTheirParentMoreThanLargeOnes() {
    Map<String, Row> r =
        byArea(
            HealthInequalities.mortalityRatios(
                population(), mortality(), parents(), HealthInequalities.AVOIDABLE, 75, 10.0));
    double parent = r.get("C").getAs(HealthInequalitiesTable.PARENT_RATIO);
    double raw = r.get("C").getAs(HealthInequalitiesTable.MORTALITY_RATIO_RAW);
    double shrunk = r.get("C").getAs(HealthInequalitiesTable.MORTALITY_RATIO);
    assertThat(shrunk).isBetween(parent, raw);
    assertThat((shrunk - parent) / (raw - parent)).isLessThan(0.2);
    double rawA = r.get("A").getAs(HealthInequalitiesTable.MORTALITY_RATIO_RAW);
    double shrunkA = r.get("A").getAs(HealthInequalitiesTable.MORTALITY_RATIO);
    assertThat(Math.abs(shrunkA - rawA)).isLessThan(0.01);
  }

  @Test
  void prematureMeasureCountsDeathsOfAllCausesBelowTheAgeOnly() {
    Map<String, Row> r =
        byArea(
            HealthInequalities.mortalityRatios(
                population(), mortality(), parents(), HealthInequalities.PREMATURE, 75, 0.0));
    assertThat(r.get("A").<Long>getAs(HealthInequalitiesTable.OBSERVED_DEATHS)).isEqualTo(100L);
  }

  @Test
  void weightedPopulationAddsUpToThePopulation() {
    Row t =
        HealthInequalities.withWeightedPopulation(
                HealthInequalities.mortalityRatios(
                    population(), mortality(), parents(), HealthInequalities.AVOIDABLE, 75, 10.0))
            .agg(
                sum(HealthInequalitiesTable.WEIGHTED_POPULATION),
                sum(HealthInequalitiesTable.POPULATION))
            .first();
    assertThat(t.getDouble(0)).isCloseTo(t.getDouble(1), within(1e-6));
  }
}
