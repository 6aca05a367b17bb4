package org.fairshare.need;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.schema.HealthInequalitiesTable;
import org.fairshare.schema.Mortality;
import org.fairshare.schema.Population;

/**
 * The health-inequalities (unmet need) adjustment: an indirectly standardised premature or
 * avoidable mortality ratio per small area, stabilised by gamma-Poisson shrinkage, and the weighted
 * population it implies.
 */
public final class HealthInequalities {
  private HealthInequalities() {}

  public static final String AVOIDABLE = "avoidable";
  public static final String PREMATURE = "premature";

  /**
   * Returns per small area: parent code, population, observed and expected deaths, the raw ratio
   * O/E, the parent's ratio and the stabilised ratio (columns of {@link HealthInequalitiesTable}
   * but the weighted population).
   *
   * <p>Expected deaths use national rates per five-year band and sex: pooled deaths / population of
   * the run's year (the pooling length cancels in O/E). The parent's ratio is shrunk towards
   * England (1.0) and the area's towards its parent, with a gamma prior worth {@code priorStrength}
   * expected deaths: {@code ratio = (O + k x prior) / (E + k)}, the posterior mean of the
   * Poisson-gamma model.
   *
   * @param population one year of the population input
   * @param mortality the pooled years of the mortality input
   * @param parents area_code, parent_code (MSOA or local authority) of every area
   * @param measure {@link #AVOIDABLE} (avoidable deaths, all ages) or {@link #PREMATURE} (deaths of
   *     all causes in bands starting below {@code prematureAge})
   */
  public static Dataset<Row> mortalityRatios(
      Dataset<Row> population,
      Dataset<Row> mortality,
      Dataset<Row> parents,
      String measure,
      int prematureAge,
      double priorStrength) {
    Column counted =
        switch (measure) {
          case AVOIDABLE -> col(Mortality.IS_AVOIDABLE);
          case PREMATURE -> col(Mortality.AGE_BAND_START).lt(prematureAge);
          default ->
              throw new IllegalArgumentException("unknown mortality measure '" + measure + "'");
        };
    Dataset<Row> deaths =
        mortality
            .where(counted)
            .groupBy(Mortality.AREA_CODE, Mortality.AGE_BAND_START, Mortality.SEX)
            .agg(sum(Mortality.DEATHS).as("deaths"));
    Dataset<Row> pop =
        population
            .groupBy(
                col(Population.AREA_CODE),
                AgeBands.bandStart(col(Population.AGE), AgeBands.ESP2013)
                    .as(Mortality.AGE_BAND_START),
                col(Population.SEX))
            .agg(sum(Population.PERSONS).as("persons"));
    String[] cell = {Population.AREA_CODE, Mortality.AGE_BAND_START, Population.SEX};
    Dataset<Row> cells =
        pop.join(deaths, cell, "left").withColumn("deaths", coalesce(col("deaths"), lit(0L)));
    Dataset<Row> rates =
        cells
            .groupBy(Mortality.AGE_BAND_START, Mortality.SEX)
            .agg(coalesce(try_divide(sum("deaths"), sum("persons")), lit(0.0)).as("rate"));
    Dataset<Row> areas =
        cells
            .join(rates, new String[] {Mortality.AGE_BAND_START, Mortality.SEX})
            .groupBy(Population.AREA_CODE)
            .agg(
                sum("persons").as(HealthInequalitiesTable.POPULATION),
                sum("deaths").as(HealthInequalitiesTable.OBSERVED_DEATHS),
                sum(col("persons").multiply(col("rate")))
                    .as(HealthInequalitiesTable.EXPECTED_DEATHS))
            .join(parents, HealthInequalitiesTable.AREA_CODE);
    Dataset<Row> parentRatios =
        areas
            .groupBy(HealthInequalitiesTable.PARENT_CODE)
            .agg(
                shrunk(
                        sum(HealthInequalitiesTable.OBSERVED_DEATHS),
                        sum(HealthInequalitiesTable.EXPECTED_DEATHS),
                        lit(1.0),
                        priorStrength)
                    .as(HealthInequalitiesTable.PARENT_RATIO));
    Column observed = col(HealthInequalitiesTable.OBSERVED_DEATHS);
    Column expected = col(HealthInequalitiesTable.EXPECTED_DEATHS);
    return areas
        .join(parentRatios, HealthInequalitiesTable.PARENT_CODE)
        .withColumn(
            HealthInequalitiesTable.MORTALITY_RATIO_RAW,
            when(expected.gt(0), try_divide(observed, expected)))
        .withColumn(
            HealthInequalitiesTable.MORTALITY_RATIO,
            shrunk(observed, expected, col(HealthInequalitiesTable.PARENT_RATIO), priorStrength))
        .select(
            col(HealthInequalitiesTable.AREA_CODE),
            col(HealthInequalitiesTable.PARENT_CODE),
            col(HealthInequalitiesTable.POPULATION),
            col(HealthInequalitiesTable.OBSERVED_DEATHS),
            col(HealthInequalitiesTable.EXPECTED_DEATHS),
            col(HealthInequalitiesTable.MORTALITY_RATIO_RAW),
            col(HealthInequalitiesTable.PARENT_RATIO),
            col(HealthInequalitiesTable.MORTALITY_RATIO));
  }

  /** Returns (O + k x prior) / (E + k); the prior itself when nothing is expected. */
  private static Column shrunk(Column observed, Column expected, Column prior, double k) {
    Column posterior = try_divide(observed.plus(prior.multiply(k)), expected.plus(lit(k)));
    return when(expected.plus(lit(k)).gt(0), posterior).otherwise(prior);
  }

  /**
   * Adds weighted_population: population x stabilised ratio, rescaled so that the total over all
   * rows equals the total population (persons).
   */
  public static Dataset<Row> withWeightedPopulation(Dataset<Row> ratios) {
    Column raw =
        col(HealthInequalitiesTable.POPULATION)
            .multiply(col(HealthInequalitiesTable.MORTALITY_RATIO));
    Dataset<Row> totals =
        ratios.agg(
            sum(HealthInequalitiesTable.POPULATION).as("total_population"),
            sum(raw).as("total_raw"));
    return ratios
        .crossJoin(totals)
        .withColumn(
            HealthInequalitiesTable.WEIGHTED_POPULATION,
            coalesce(
                raw.multiply(try_divide(col("total_population"), col("total_raw"))),
                col(HealthInequalitiesTable.POPULATION)))
        .drop("total_population", "total_raw");
  }
}
