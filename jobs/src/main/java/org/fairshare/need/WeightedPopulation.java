package org.fairshare.need;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.fairshare.schema.AllocationColumns;
import org.fairshare.schema.AreaWeightedPopulationTable;
import org.fairshare.schema.Columns;
import org.fairshare.schema.CostIndices;
import org.fairshare.schema.HealthInequalitiesTable;
import org.fairshare.schema.PlaceWeightedPopulationTable;
import org.fairshare.schema.StreamWeightedPopulationTable;

/**
 * Weighted populations of the funding streams: the services' need-weighted populations blended by
 * spend share, the health-inequalities population blended in with weight h, the unavoidable-cost
 * indices applied, and the need indices of places relative to their ICB and to England.
 */
public final class WeightedPopulation {
  private WeightedPopulation() {}

  private static final String SHARE = ServiceShares.SHARE;

  /**
   * Returns per small area and stream (area_code, stream, population, weighted_population_age_sex,
   * weighted_population_need, weighted_population_hi):
   *
   * <pre>
   * WP_need = sum over the stream's services of s_c x WP_c   (s_c normalised within the stream)
   * WP_hi   = (1 - h) x WP_need + h x WP_HI
   * </pre>
   *
   * Services listed in {@code pmcServices} make up primary medical care, the others core; when none
   * of them is present, primary medical care uses the core blend. Services without a share count
   * for nothing.
   *
   * @param areaNeed area_code, service, weighted_population_age_sex, weighted_population
   * @param hi area_code, population, weighted_population (of {@link HealthInequalities})
   * @param shares service, share
   */
  public static Dataset<Row> streamAreaWeightedPopulation(
      Dataset<Row> areaNeed,
      Dataset<Row> hi,
      Dataset<Row> shares,
      List<String> pmcServices,
      double hCore,
      double hPmc) {
    Column isPmc = col(Columns.SERVICE).isin(pmcServices.toArray());
    Dataset<Row> tagged =
        areaNeed
            .join(shares, Columns.SERVICE)
            .withColumn(
                AllocationColumns.STREAM,
                when(isPmc, lit(AllocationColumns.PRIMARY_MEDICAL_CARE))
                    .otherwise(lit(AllocationColumns.CORE)));
    boolean hasPmc = !tagged.where(isPmc).isEmpty();
    if (!hasPmc) {
      tagged =
          tagged.unionByName(
              tagged.withColumn(
                  AllocationColumns.STREAM, lit(AllocationColumns.PRIMARY_MEDICAL_CARE)));
    }
    Dataset<Row> streamShares =
        tagged
            .select(AllocationColumns.STREAM, Columns.SERVICE, SHARE)
            .distinct()
            .groupBy(AllocationColumns.STREAM)
            .agg(sum(SHARE).as("stream_share"));
    Column s = try_divide(col(SHARE), col("stream_share"));
    Dataset<Row> blended =
        tagged
            .join(streamShares, AllocationColumns.STREAM)
            .groupBy(Columns.AREA_CODE, AllocationColumns.STREAM)
            .agg(
                sum(s.multiply(col(AreaWeightedPopulationTable.WEIGHTED_POPULATION_AGE_SEX)))
                    .as(StreamWeightedPopulationTable.WEIGHTED_POPULATION_AGE_SEX),
                sum(s.multiply(col(AreaWeightedPopulationTable.WEIGHTED_POPULATION)))
                    .as(StreamWeightedPopulationTable.WEIGHTED_POPULATION_NEED));
    Column h =
        when(col(AllocationColumns.STREAM).equalTo(AllocationColumns.CORE), lit(hCore))
            .otherwise(lit(hPmc));
    return blended
        .join(
            hi.select(
                col(HealthInequalitiesTable.AREA_CODE),
                col(HealthInequalitiesTable.POPULATION),
                col(HealthInequalitiesTable.WEIGHTED_POPULATION).as("wp_hi_component")),
            Columns.AREA_CODE)
        .withColumn(
            StreamWeightedPopulationTable.WEIGHTED_POPULATION_HI,
            lit(1.0)
                .minus(h)
                .multiply(col(StreamWeightedPopulationTable.WEIGHTED_POPULATION_NEED))
                .plus(h.multiply(col("wp_hi_component"))))
        .drop("wp_hi_component");
  }

  /**
   * Returns icb_code, place_code, cost_index: the product of the named indices, each taken at the
   * place if the input has it there, else at the ICB, else 1.0.
   *
   * @param places distinct icb_code, place_code
   * @param costIndices organisation_code, index_name, value
   * @param names indices to apply; null applies every index in the input
   */
  public static Dataset<Row> costIndexByPlace(
      Dataset<Row> places, Dataset<Row> costIndices, List<String> names) {
    Dataset<Row> indices =
        names == null
            ? costIndices
            : costIndices.where(col(CostIndices.INDEX_NAME).isin(names.toArray()));
    Dataset<Row> indexNames = indices.select(CostIndices.INDEX_NAME).distinct();
    Dataset<Row> atPlace =
        indices.select(
            col(CostIndices.ORGANISATION_CODE).as(Columns.PLACE_CODE),
            col(CostIndices.INDEX_NAME),
            col(CostIndices.VALUE).as("place_value"));
    Dataset<Row> atIcb =
        indices.select(
            col(CostIndices.ORGANISATION_CODE).as(Columns.ICB_CODE),
            col(CostIndices.INDEX_NAME),
            col(CostIndices.VALUE).as("icb_value"));
    Dataset<Row> perIndex =
        places
            .crossJoin(indexNames)
            .join(atPlace, new String[] {Columns.PLACE_CODE, CostIndices.INDEX_NAME}, "left")
            .join(atIcb, new String[] {Columns.ICB_CODE, CostIndices.INDEX_NAME}, "left")
            .withColumn("value", coalesce(col("place_value"), col("icb_value"), lit(1.0)));
    Dataset<Row> products =
        perIndex
            .groupBy(Columns.ICB_CODE, Columns.PLACE_CODE)
            .agg(exp(sum(log(col("value")))).as(StreamWeightedPopulationTable.COST_INDEX));
    return places
        .join(products, new String[] {Columns.ICB_CODE, Columns.PLACE_CODE}, "left")
        .withColumn(
            StreamWeightedPopulationTable.COST_INDEX,
            coalesce(col(StreamWeightedPopulationTable.COST_INDEX), lit(1.0)));
  }

  /**
   * Returns the stream_weighted_population rows: the area streams summed to places, the cost index
   * applied, the result rescaled per stream so that England's total equals its population, with
   * need indices.
   *
   * @param streamArea rows of {@link #streamAreaWeightedPopulation}
   * @param areaPlaces area_code, place_code, icb_code
   * @param costIndex icb_code, place_code, cost_index (of {@link #costIndexByPlace})
   */
  public static Dataset<Row> streamPlaceWeightedPopulation(
      Dataset<Row> streamArea, Dataset<Row> areaPlaces, Dataset<Row> costIndex) {
    Dataset<Row> places =
        streamArea
            .join(
                areaPlaces.select(Columns.AREA_CODE, Columns.PLACE_CODE, Columns.ICB_CODE),
                Columns.AREA_CODE)
            .groupBy(Columns.ICB_CODE, Columns.PLACE_CODE, AllocationColumns.STREAM)
            .agg(
                sum(StreamWeightedPopulationTable.POPULATION)
                    .as(StreamWeightedPopulationTable.POPULATION),
                sum(StreamWeightedPopulationTable.WEIGHTED_POPULATION_AGE_SEX)
                    .as(StreamWeightedPopulationTable.WEIGHTED_POPULATION_AGE_SEX),
                sum(StreamWeightedPopulationTable.WEIGHTED_POPULATION_NEED)
                    .as(StreamWeightedPopulationTable.WEIGHTED_POPULATION_NEED),
                sum(StreamWeightedPopulationTable.WEIGHTED_POPULATION_HI)
                    .as(StreamWeightedPopulationTable.WEIGHTED_POPULATION_HI))
            .join(costIndex, new String[] {Columns.ICB_CODE, Columns.PLACE_CODE}, "left")
            .withColumn(
                StreamWeightedPopulationTable.COST_INDEX,
                coalesce(col(StreamWeightedPopulationTable.COST_INDEX), lit(1.0)));
    Column adjusted =
        col(StreamWeightedPopulationTable.WEIGHTED_POPULATION_HI)
            .multiply(col(StreamWeightedPopulationTable.COST_INDEX));
    Dataset<Row> totals =
        places
            .groupBy(AllocationColumns.STREAM)
            .agg(
                sum(StreamWeightedPopulationTable.POPULATION).as("england_population"),
                sum(adjusted).as("england_adjusted"));
    Dataset<Row> rescaled =
        places
            .join(totals, AllocationColumns.STREAM)
            .withColumn(
                StreamWeightedPopulationTable.WEIGHTED_POPULATION,
                coalesce(
                    adjusted.multiply(
                        try_divide(col("england_population"), col("england_adjusted"))),
                    lit(0.0)))
            .drop("england_population", "england_adjusted");
    return withNeedIndices(rescaled, AllocationColumns.STREAM)
        .select(
            col(StreamWeightedPopulationTable.ICB_CODE),
            col(StreamWeightedPopulationTable.PLACE_CODE),
            col(StreamWeightedPopulationTable.STREAM),
            col(StreamWeightedPopulationTable.POPULATION),
            col(StreamWeightedPopulationTable.WEIGHTED_POPULATION_AGE_SEX),
            col(StreamWeightedPopulationTable.WEIGHTED_POPULATION_NEED),
            col(StreamWeightedPopulationTable.WEIGHTED_POPULATION_HI),
            col(StreamWeightedPopulationTable.COST_INDEX),
            col(StreamWeightedPopulationTable.WEIGHTED_POPULATION),
            col(StreamWeightedPopulationTable.NEED_INDEX_ICB),
            col(StreamWeightedPopulationTable.NEED_INDEX_ENGLAND));
  }

  /**
   * Adds need_index_icb = (WP_place / Pop_place) / (WP_ICB / Pop_ICB) and need_index_england =
   * (WP_place / Pop_place) / (WP_England / Pop_England), within each value of {@code
   * componentColumn}; null where a population or weighted population is zero.
   *
   * @param places rows with icb_code, place_code, the component column, population and
   *     weighted_population
   */
  public static Dataset<Row> withNeedIndices(Dataset<Row> places, String componentColumn) {
    WindowSpec icb = Window.partitionBy(Columns.ICB_CODE, componentColumn);
    WindowSpec england = Window.partitionBy(componentColumn);
    Column pop = col(AllocationColumns.POPULATION);
    Column wp = col(AllocationColumns.WEIGHTED_POPULATION);
    Column perHead = try_divide(wp, pop);
    return places
        .withColumn(
            AllocationColumns.NEED_INDEX_ICB,
            try_divide(perHead, try_divide(sum(wp).over(icb), sum(pop).over(icb))))
        .withColumn(
            AllocationColumns.NEED_INDEX_ENGLAND,
            try_divide(perHead, try_divide(sum(wp).over(england), sum(pop).over(england))));
  }

  /**
   * Returns the weighted_population_place rows: per place, each service's need-weighted population,
   * the health-inequalities population and each stream's final weighted population, with need
   * indices.
   *
   * @param areaNeed area_code, service, population, weighted_population
   * @param hi area_code, population, weighted_population
   * @param streamPlace rows of {@link #streamPlaceWeightedPopulation}
   * @param areaPlaces area_code, place_code, icb_code
   */
  public static Dataset<Row> placeComponents(
      Dataset<Row> areaNeed, Dataset<Row> hi, Dataset<Row> streamPlace, Dataset<Row> areaPlaces) {
    Dataset<Row> services =
        areaNeed.select(
            col(Columns.AREA_CODE),
            col(Columns.SERVICE).as(AllocationColumns.COMPONENT),
            col(AllocationColumns.POPULATION),
            col(AllocationColumns.WEIGHTED_POPULATION));
    Dataset<Row> inequalities =
        hi.select(
            col(Columns.AREA_CODE),
            lit(AllocationColumns.HEALTH_INEQUALITIES).as(AllocationColumns.COMPONENT),
            col(AllocationColumns.POPULATION),
            col(AllocationColumns.WEIGHTED_POPULATION));
    Dataset<Row> areaComponents =
        services
            .unionByName(inequalities)
            .join(
                areaPlaces.select(Columns.AREA_CODE, Columns.PLACE_CODE, Columns.ICB_CODE),
                Columns.AREA_CODE)
            .groupBy(Columns.ICB_CODE, Columns.PLACE_CODE, AllocationColumns.COMPONENT)
            .agg(
                sum(AllocationColumns.POPULATION).as(AllocationColumns.POPULATION),
                sum(AllocationColumns.WEIGHTED_POPULATION)
                    .as(AllocationColumns.WEIGHTED_POPULATION));
    Dataset<Row> streams =
        streamPlace.select(
            col(Columns.ICB_CODE),
            col(Columns.PLACE_CODE),
            col(AllocationColumns.STREAM).as(AllocationColumns.COMPONENT),
            col(AllocationColumns.POPULATION),
            col(AllocationColumns.WEIGHTED_POPULATION));
    return withNeedIndices(areaComponents.unionByName(streams), AllocationColumns.COMPONENT)
        .select(
            col(PlaceWeightedPopulationTable.ICB_CODE),
            col(PlaceWeightedPopulationTable.PLACE_CODE),
            col(PlaceWeightedPopulationTable.COMPONENT),
            col(PlaceWeightedPopulationTable.POPULATION),
            col(PlaceWeightedPopulationTable.WEIGHTED_POPULATION),
            col(PlaceWeightedPopulationTable.NEED_INDEX_ICB),
            col(PlaceWeightedPopulationTable.NEED_INDEX_ENGLAND));
  }

  /** Returns the distinct icb_code, place_code pairs of the areas. */
  public static Dataset<Row> distinctPlaces(Dataset<Row> areaPlaces) {
    return areaPlaces.select(Columns.ICB_CODE, Columns.PLACE_CODE).distinct();
  }
}
