package org.fairshare.need;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.Activity;
import org.fairshare.schema.AgeSexWeightsTable;
import org.fairshare.schema.AreaWeightedPopulationTable;
import org.fairshare.schema.Population;
import org.fairshare.schema.Spend;
import org.junit.jupiter.api.Test;

class AgeSexWeightsTest extends SparkTestBase {

  static Dataset<Row> population() {
    return rows(
            Population.SCHEMA,
            new Object[] {"A1", 2024, "F", 3, 100.0},
            new Object[] {"A1", 2024, "F", 87, 50.0},
            new Object[] {"A2", 2024, "F", 3, 100.0},
            new Object[] {"A2", 2024, "F", 90, 50.0})
        .drop(Population.YEAR);
  }

  static Dataset<Row> activity() {
    return rows(
            Activity.SCHEMA,
            new Object[] {"A1", 2024, "F", 3, "acute", 10L},
            new Object[] {"A1", 2024, "F", 87, "acute", 40L},
            new Object[] {"A2", 2024, "F", 3, "acute", 10L},
            new Object[] {"A2", 2024, "F", 90, "acute", 60L})
        .drop(Activity.YEAR);
  }

  static Dataset<Row> costs() {
    return rows(
        Spend.SCHEMA,
        new Object[] {"ICB1", "acute", 2024, new BigDecimal("12000.00"), null},
        new Object[] {"ICB1", "community", 2024, new BigDecimal("0.00"), new BigDecimal("7.50")});
  }

  @Test
  void costPerEventIsSpendOverEventsElseTheUnitCost() {
    Dataset<Row> act =
        activity().unionByName(activity().withColumn(Activity.SERVICE, lit("community")).limit(1));
    List<Row> out =
        AgeSexWeights.costPerEvent(costs(), act).orderBy(Activity.SERVICE).collectAsList();
    assertThat(out.get(0).<Double>getAs(AgeSexWeightsTable.COST_PER_EVENT_GBP))
        .isEqualTo(12000.0 / 120);
    assertThat(out.get(1).<Double>getAs(AgeSexWeightsTable.COST_PER_EVENT_GBP)).isEqualTo(7.5);
  }

  @Test
  void weightsAverageToOneOverTheNationalPopulation() {
    Dataset<Row> w =
        AgeSexWeights.weights(
            population(),
            activity(),
            AgeSexWeights.costPerEvent(costs(), activity()),
            AgeBands.FIVE_YEAR);
    Row r =
        w.agg(
                sum(col(AgeSexWeightsTable.POPULATION).multiply(col(AgeSexWeightsTable.WEIGHT))),
                sum(AgeSexWeightsTable.POPULATION))
            .first();
    assertThat(r.getDouble(0) / r.getDouble(1)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void fiveYearBandsPutEightySevenWithEightyFiveAndNinetyInTheOpenBand() {
    List<Row> w =
        AgeSexWeights.weights(
                population(),
                activity(),
                AgeSexWeights.costPerEvent(costs(), activity()),
                AgeBands.FIVE_YEAR)
            .orderBy(AgeSexWeightsTable.AGE_BAND_START)
            .collectAsList();
    assertThat(w)
        .extracting(r -> r.<Integer>getAs(AgeSexWeightsTable.AGE_BAND_START))
        .containsExactly(0, 85, 90);
    assertThat(w.get(2).<Integer>getAs(AgeSexWeightsTable.AGE_BAND_END)).isNull();
    // 0-4: 20 events per 200 people; 85-89: 40 per 50; 90+: 60 per 50; average 120 per 300.
    assertThat(w.get(1).<Double>getAs(AgeSexWeightsTable.WEIGHT))
        .isCloseTo((40.0 / 50) / (120.0 / 300), within(1e-12));
  }

  @Test
  void expectedEventsAndAgeSexWeightedPopulationAddUpToNationalTotals() {
    Dataset<Row> w =
        AgeSexWeights.weights(
            population(),
            activity(),
            AgeSexWeights.costPerEvent(costs(), activity()),
            AgeBands.SINGLE_YEAR);
    Row r =
        AgeSexWeights.expectedByArea(population(), activity(), w, AgeBands.SINGLE_YEAR)
            .agg(
                sum(AreaWeightedPopulationTable.EXPECTED_EVENTS),
                sum(AreaWeightedPopulationTable.OBSERVED_EVENTS),
                sum(AreaWeightedPopulationTable.WEIGHTED_POPULATION_AGE_SEX),
                sum(AreaWeightedPopulationTable.POPULATION))
            .first();
    assertThat(r.getDouble(0)).isCloseTo(r.getLong(1), within(1e-9));
    assertThat(r.getDouble(2)).isCloseTo(r.getDouble(3), within(1e-9));
  }
}
