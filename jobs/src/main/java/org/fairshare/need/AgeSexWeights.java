package org.fairshare.need;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.fairshare.schema.Activity;
import org.fairshare.schema.AgeSexWeightsTable;
import org.fairshare.schema.AreaWeightedPopulationTable;
import org.fairshare.schema.Population;
import org.fairshare.schema.Spend;

/**
 * Age-sex cost weights: national spend per head in each age band and sex relative to the national
 * average spend per head, per service; and the expected use and age-sex weighted population of each
 * small area that follow from them.
 */
public final class AgeSexWeights {
  private AgeSexWeights() {}

  /**
   * Returns the national cost per event of each service (GBP): total spend / total events, or the
   * mean unit cost where a service has no spend or no events. Columns: service, cost_per_event_gbp.
   * Services without either get no row.
   *
   * @param spend rows of the spend input for one year
   * @param activity rows of the activity input for the same year
   */
  public static Dataset<Row> costPerEvent(Dataset<Row> spend, Dataset<Row> activity) {
    Dataset<Row> spent =
        spend
            .groupBy(Spend.SERVICE)
            .agg(
                sum(col(Spend.SPEND_GBP).cast(DataTypes.DoubleType)).as("spend"),
                avg(col(Spend.UNIT_COST_GBP).cast(DataTypes.DoubleType)).as("unit_cost"));
    Dataset<Row> events =
        activity.groupBy(Activity.SERVICE).agg(sum(Activity.EVENTS).cast("double").as("events"));
    Column perEvent =
        when(col("spend").gt(0).and(col("events").gt(0)), try_divide(col("spend"), col("events")))
            .otherwise(col("unit_cost"));
    return events
        .join(spent, Activity.SERVICE)
        .select(col(Activity.SERVICE), perEvent.as(AgeSexWeightsTable.COST_PER_EVENT_GBP))
        .where(col(AgeSexWeightsTable.COST_PER_EVENT_GBP).isNotNull());
  }

  /**
   * Returns the age_sex_weights table rows: per service, age band and sex, national population,
   * events, cost per event, spend per head (GBP) and weight (spend per head / national average
   * spend per head of the service).
   *
   * @param population one year of the population input (area, sex, age, persons)
   * @param activity the same year of the activity input
   * @param costPerEvent service, cost_per_event_gbp (see {@link #costPerEvent}); services missing
   *     here get no weights
   * @param scheme age band scheme, see {@link AgeBands}
   */
  public static Dataset<Row> weights(
      Dataset<Row> population, Dataset<Row> activity, Dataset<Row> costPerEvent, String scheme) {
    Column band = AgeBands.bandStart(col(Population.AGE), scheme);
    Dataset<Row> pop =
        population
            .groupBy(band.as(AgeSexWeightsTable.AGE_BAND_START), col(Population.SEX))
            .agg(sum(Population.PERSONS).as(AgeSexWeightsTable.POPULATION));
    Dataset<Row> events =
        activity
            .groupBy(
                col(Activity.SERVICE),
                band.as(AgeSexWeightsTable.AGE_BAND_START),
                col(Activity.SEX))
            .agg(sum(Activity.EVENTS).as(AgeSexWeightsTable.EVENTS));
    Dataset<Row> cells =
        costPerEvent
            .crossJoin(pop)
            .join(
                events,
                new String[] {Activity.SERVICE, AgeSexWeightsTable.AGE_BAND_START, Activity.SEX},
                "left")
            .withColumn(
                AgeSexWeightsTable.EVENTS, coalesce(col(AgeSexWeightsTable.EVENTS), lit(0L)));
    Column spendInCell =
        col(AgeSexWeightsTable.EVENTS).multiply(col(AgeSexWeightsTable.COST_PER_EVENT_GBP));
    Dataset<Row> average =
        cells
            .groupBy(Activity.SERVICE)
            .agg(
                try_divide(sum(spendInCell), sum(AgeSexWeightsTable.POPULATION))
                    .as("average_per_head"));
    Column perHead = try_divide(spendInCell, col(AgeSexWeightsTable.POPULATION));
    return cells
        .join(average, Activity.SERVICE)
        .withColumn(AgeSexWeightsTable.SPEND_PER_HEAD_GBP, perHead)
        .withColumn(
            AgeSexWeightsTable.WEIGHT,
            try_divide(col(AgeSexWeightsTable.SPEND_PER_HEAD_GBP), col("average_per_head")))
        .withColumn(
            AgeSexWeightsTable.AGE_BAND_END,
            AgeBands.bandEnd(col(AgeSexWeightsTable.AGE_BAND_START), scheme))
        .select(
            col(AgeSexWeightsTable.SERVICE),
            col(AgeSexWeightsTable.AGE_BAND_START),
            col(AgeSexWeightsTable.AGE_BAND_END),
            col(AgeSexWeightsTable.SEX),
            col(AgeSexWeightsTable.POPULATION),
            col(AgeSexWeightsTable.EVENTS),
            col(AgeSexWeightsTable.COST_PER_EVENT_GBP),
            col(AgeSexWeightsTable.SPEND_PER_HEAD_GBP),
            col(AgeSexWeightsTable.WEIGHT));
  }

  /**
   * Returns per small area and service: population, observed events, expected events (population x
   * national event rate of each age band and sex, summed) and the age-sex weighted population
   * (population x weight, summed; England's total equals its population).
   *
   * @param weights rows of {@link #weights} (same scheme)
   */
  public static Dataset<Row> expectedByArea(
      Dataset<Row> population, Dataset<Row> activity, Dataset<Row> weights, String scheme) {
    Dataset<Row> popBands =
        population
            .groupBy(
                col(Population.AREA_CODE),
                AgeBands.bandStart(col(Population.AGE), scheme)
                    .as(AgeSexWeightsTable.AGE_BAND_START),
                col(Population.SEX))
            .agg(sum(Population.PERSONS).as("persons"));
    Dataset<Row> rates =
        weights.select(
            col(AgeSexWeightsTable.SERVICE),
            col(AgeSexWeightsTable.AGE_BAND_START),
            col(AgeSexWeightsTable.SEX),
            coalesce(
                    try_divide(
                        col(AgeSexWeightsTable.EVENTS).cast("double"),
                        col(AgeSexWeightsTable.POPULATION)),
                    lit(0.0))
                .as("rate"),
            coalesce(col(AgeSexWeightsTable.WEIGHT), lit(0.0)).as("weight"));
    Dataset<Row> expected =
        popBands
            .join(rates, new String[] {AgeSexWeightsTable.AGE_BAND_START, Population.SEX})
            .groupBy(Population.AREA_CODE, AgeSexWeightsTable.SERVICE)
            .agg(
                sum("persons").as(AreaWeightedPopulationTable.POPULATION),
                sum(col("persons").multiply(col("rate")))
                    .as(AreaWeightedPopulationTable.EXPECTED_EVENTS),
                sum(col("persons").multiply(col("weight")))
                    .as(AreaWeightedPopulationTable.WEIGHTED_POPULATION_AGE_SEX));
    Dataset<Row> observed =
        activity
            .groupBy(Activity.AREA_CODE, Activity.SERVICE)
            .agg(sum(Activity.EVENTS).as(AreaWeightedPopulationTable.OBSERVED_EVENTS));
    return expected
        .join(observed, new String[] {Population.AREA_CODE, Activity.SERVICE}, "left")
        .withColumn(
            AreaWeightedPopulationTable.OBSERVED_EVENTS,
            coalesce(col(AreaWeightedPopulationTable.OBSERVED_EVENTS), lit(0L)));
  }
}
