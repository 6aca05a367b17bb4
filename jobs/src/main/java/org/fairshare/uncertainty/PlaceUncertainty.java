package org.fairshare.uncertainty;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.bround;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.fairshare.inequality.SeededNormal;
import org.fairshare.need.WeightedPopulation;
import org.fairshare.schema.AllocationColumns;
import org.fairshare.schema.AreaWeightedPopulationTable;
import org.fairshare.schema.Columns;
import org.fairshare.schema.HealthInequalitiesTable;
import org.fairshare.schema.Money;
import org.fairshare.schema.PlaceUncertaintyTable;
import org.fairshare.schema.StreamWeightedPopulationTable;

/**
 * Simulated intervals of place need indices and targets. Each draw redoes the formula from the
 * small-area level with the need model's coefficients drawn from their estimated distribution and
 * each area's mortality ratio drawn from its gamma-Poisson posterior; draws are a column of the
 * DataFrames (never collected), and the limits are percentiles over the draws per place.
 */
public final class PlaceUncertainty {
  private PlaceUncertainty() {}

  public static final String DRAW = CoefficientDraws.DRAW;
  public static final String STERILISED = "sterilised_draw";
  public static final String HI_RAW = "hi_raw_draw";

  private static final int MORTALITY_STREAM = 7919;

  /**
   * Returns one draw of an area's mortality ratio (ratio) from the gamma posterior of the
   * stabilisation, shape {@code O + k x parent}, rate {@code E + k}, whose mean is the stabilised
   * ratio; Wilson-Hilferty's normal approximation of the gamma, cut at 0. The parent's ratio is
   * held at its estimate (it pools many areas' deaths).
   */
  public static Column mortalityRatioDraw(
      Column observed, Column expected, Column parentRatio, double k, long seed, Column area) {
    Column shape = observed.plus(parentRatio.multiply(k));
    Column rate = expected.plus(lit(k));
    Column z = SeededNormal.standardNormal(seed, MORTALITY_STREAM, List.of(area, col(DRAW)));
    Column cube =
        greatest(
            lit(0.0),
            lit(1.0)
                .minus(try_divide(lit(1.0), shape.multiply(9)))
                .plus(try_divide(z, sqrt(shape).multiply(3))));
    Column draw = try_divide(shape, rate).multiply(pow(cube, 3));
    return when(rate.leq(0), parentRatio).when(shape.leq(0), lit(0.0)).otherwise(draw);
  }

  private static Column ratio(double k, long seed, boolean mortalityNoise) {
    return mortalityNoise
        ? mortalityRatioDraw(
            col(HealthInequalitiesTable.OBSERVED_DEATHS),
            col(HealthInequalitiesTable.EXPECTED_DEATHS),
            col(HealthInequalitiesTable.PARENT_RATIO),
            k,
            seed,
            col(Columns.AREA_CODE))
        : col(HealthInequalitiesTable.MORTALITY_RATIO);
  }

  /**
   * Returns place_code, service, draw, sterilised_draw: per place the sterilised events summed over
   * its areas with the drawn coefficients (and, when {@code mortalityRatio} names a model variable,
   * the drawn mortality ratio) in the linear predictor (counts).
   *
   * @param areas area_code, place_code, service, sterilised_events, the variables (no nulls) and
   *     observed_deaths, expected_deaths, parent_ratio, mortality_ratio
   * @param draws rows of {@link CoefficientDraws#draws}
   * @param variables the model's variables in term order (the intercept is the last term)
   * @param supplyMeans supply variables and the values they are held at
   * @param mortalityRatio the variable that is the mortality ratio, or null
   * @param priorStrength k of the stabilisation (expected deaths)
   * @param mortalityNoise false holds the mortality ratios at their estimates
   */
  public static Dataset<Row> placeServiceDraws(
      Dataset<Row> areas,
      Dataset<Row> draws,
      List<String> variables,
      Map<String, Double> supplyMeans,
      String mortalityRatio,
      double priorStrength,
      long seed,
      boolean mortalityNoise) {
    int p = variables.size();
    Column shift = col(CoefficientDraws.delta(p));
    for (int i = 0; i < p; i++) {
      String v = variables.get(i);
      Column d = col(CoefficientDraws.delta(i));
      Column b = col(CoefficientDraws.estimate(i));
      if (supplyMeans.containsKey(v)) {
        shift = shift.plus(d.multiply(supplyMeans.get(v)));
      } else if (v.equals(mortalityRatio)) {
        shift =
            shift.plus(
                b.plus(d)
                    .multiply(ratio(priorStrength, seed, mortalityNoise))
                    .minus(b.multiply(col(v))));
      } else {
        shift = shift.plus(d.multiply(col(v)));
      }
    }
    return areas
        .join(broadcast(draws), Columns.SERVICE)
        .groupBy(Columns.PLACE_CODE, Columns.SERVICE, DRAW)
        .agg(
            sum(col(AreaWeightedPopulationTable.STERILISED_EVENTS).multiply(exp(shift)))
                .as(STERILISED));
  }

  /**
   * Returns place_code, draw, population, hi_raw_draw: per place the population and the sum of
   * population x drawn mortality ratio (persons).
   *
   * @param hiAreas area_code, place_code, population, observed_deaths, expected_deaths,
   *     parent_ratio, mortality_ratio
   * @param drawIds one column, draw
   */
  public static Dataset<Row> placeHiDraws(
      Dataset<Row> hiAreas,
      Dataset<Row> drawIds,
      double priorStrength,
      long seed,
      boolean mortalityNoise) {
    return hiAreas
        .crossJoin(broadcast(drawIds))
        .groupBy(Columns.PLACE_CODE, DRAW)
        .agg(
            sum(HealthInequalitiesTable.POPULATION).as(AllocationColumns.POPULATION),
            sum(col(HealthInequalitiesTable.POPULATION)
                    .multiply(ratio(priorStrength, seed, mortalityNoise)))
                .as(HI_RAW));
  }

  /**
   * Returns icb_code, place_code, stream, draw, population, weighted_population, need_index_icb,
   * need_index_england, target_share: the formula of sections 4-7 of docs/allocation-methods.md per
   * draw. Each service's and the health-inequalities weighted population are rescaled to England's
   * population per draw, blended by {@link WeightedPopulation#streamAreaWeightedPopulation} (the
   * blend is linear, so it applies to place sums), and multiplied by the place's cost index;
   * England's rescaling cancels in the indices.
   *
   * @param serviceDraws rows of {@link #placeServiceDraws}
   * @param hiDraws rows of {@link #placeHiDraws}
   * @param shares service, share
   * @param places icb_code, place_code, stream, cost_index (of stream_weighted_population)
   */
  public static Dataset<Row> placeStreamDraws(
      Dataset<Row> serviceDraws,
      Dataset<Row> hiDraws,
      Dataset<Row> shares,
      List<String> pmcServices,
      double hCore,
      double hPmc,
      Dataset<Row> places) {
    WindowSpec perServiceDraw = Window.partitionBy(Columns.SERVICE, DRAW);
    WindowSpec perDraw = Window.partitionBy(DRAW);
    Dataset<Row> england =
        hiDraws.groupBy(DRAW).agg(sum(AllocationColumns.POPULATION).as("england_population"));
    Column key = concat_ws("|", col(Columns.PLACE_CODE), col(DRAW).cast("string"));
    Dataset<Row> need =
        serviceDraws
            .join(england, DRAW)
            .select(
                key.as(Columns.AREA_CODE),
                col(Columns.SERVICE),
                lit(0.0).as(AreaWeightedPopulationTable.WEIGHTED_POPULATION_AGE_SEX),
                col(STERILISED)
                    .multiply(
                        try_divide(col("england_population"), sum(STERILISED).over(perServiceDraw)))
                    .as(AreaWeightedPopulationTable.WEIGHTED_POPULATION));
    Dataset<Row> hi =
        hiDraws
            .join(england, DRAW)
            .select(
                key.as(Columns.AREA_CODE),
                col(Columns.PLACE_CODE),
                col(DRAW),
                col(AllocationColumns.POPULATION),
                col(HI_RAW)
                    .multiply(try_divide(col("england_population"), sum(HI_RAW).over(perDraw)))
                    .as(HealthInequalitiesTable.WEIGHTED_POPULATION));
    Dataset<Row> blended =
        WeightedPopulation.streamAreaWeightedPopulation(
            need, hi.drop(Columns.PLACE_CODE, DRAW), shares, pmcServices, hCore, hPmc);
    Dataset<Row> adjusted =
        blended
            .join(hi.select(Columns.AREA_CODE, Columns.PLACE_CODE, DRAW), Columns.AREA_CODE)
            .join(
                places.select(
                    Columns.ICB_CODE,
                    Columns.PLACE_CODE,
                    AllocationColumns.STREAM,
                    StreamWeightedPopulationTable.COST_INDEX),
                new String[] {Columns.PLACE_CODE, AllocationColumns.STREAM})
            .withColumn(
                AllocationColumns.WEIGHTED_POPULATION,
                col(StreamWeightedPopulationTable.WEIGHTED_POPULATION_HI)
                    .multiply(col(StreamWeightedPopulationTable.COST_INDEX)));
    WindowSpec icb = Window.partitionBy(Columns.ICB_CODE, AllocationColumns.STREAM, DRAW);
    Column wp = col(AllocationColumns.WEIGHTED_POPULATION);
    return WeightedPopulation.withNeedIndices(
            adjusted.withColumn(
                "stream_draw",
                concat_ws("|", col(AllocationColumns.STREAM), col(DRAW).cast("string"))),
            "stream_draw")
        .withColumn(AllocationColumns.TARGET_SHARE, try_divide(wp, sum(wp).over(icb)))
        .select(
            col(Columns.ICB_CODE),
            col(Columns.PLACE_CODE),
            col(AllocationColumns.STREAM),
            col(DRAW),
            col(AllocationColumns.POPULATION),
            wp,
            col(AllocationColumns.NEED_INDEX_ICB),
            col(AllocationColumns.NEED_INDEX_ENGLAND),
            col(AllocationColumns.TARGET_SHARE));
  }

  /**
   * Returns the place_uncertainty rows: the point values with the (1 - c)/2 and (1 + c)/2
   * percentiles over the draws, the need_index_icb width and whether it exceeds {@code
   * cautionWidth}. Targets per draw are the drawn share of the distributable envelope.
   *
   * @param perDraw rows of {@link #placeStreamDraws}
   * @param point icb_code, place_code, stream, need_index_icb, need_index_england, target_share,
   *     target_gbp, distributable_gbp
   */
  public static Dataset<Row> intervals(
      Dataset<Row> perDraw, Dataset<Row> point, int draws, double confidence, double cautionWidth) {
    String[] key = {Columns.ICB_CODE, Columns.PLACE_CODE, AllocationColumns.STREAM};
    double lo = (1 - confidence) / 2;
    double hi = 1 - lo;
    Column targetGbp =
        col(AllocationColumns.TARGET_SHARE)
            .multiply(col(AllocationColumns.DISTRIBUTABLE_GBP).cast("double"));
    Dataset<Row> limits =
        perDraw
            .join(point.select(key[0], key[1], key[2], AllocationColumns.DISTRIBUTABLE_GBP), key)
            .withColumn("target_gbp_draw", targetGbp)
            .groupBy(key[0], key[1], key[2])
            .agg(
                percentile(col(AllocationColumns.NEED_INDEX_ICB), lit(lo))
                    .as(PlaceUncertaintyTable.NEED_INDEX_ICB_LOWER),
                percentile(col(AllocationColumns.NEED_INDEX_ICB), lit(hi))
                    .as(PlaceUncertaintyTable.NEED_INDEX_ICB_UPPER),
                percentile(col(AllocationColumns.NEED_INDEX_ENGLAND), lit(lo))
                    .as(PlaceUncertaintyTable.NEED_INDEX_ENGLAND_LOWER),
                percentile(col(AllocationColumns.NEED_INDEX_ENGLAND), lit(hi))
                    .as(PlaceUncertaintyTable.NEED_INDEX_ENGLAND_UPPER),
                percentile(col(AllocationColumns.TARGET_SHARE), lit(lo))
                    .as(PlaceUncertaintyTable.TARGET_SHARE_LOWER),
                percentile(col(AllocationColumns.TARGET_SHARE), lit(hi))
                    .as(PlaceUncertaintyTable.TARGET_SHARE_UPPER),
                bround(percentile(col("target_gbp_draw"), lit(lo)), 2)
                    .cast(Money.TYPE)
                    .as(PlaceUncertaintyTable.TARGET_GBP_LOWER),
                bround(percentile(col("target_gbp_draw"), lit(hi)), 2)
                    .cast(Money.TYPE)
                    .as(PlaceUncertaintyTable.TARGET_GBP_UPPER));
    Column width =
        col(PlaceUncertaintyTable.NEED_INDEX_ICB_UPPER)
            .minus(col(PlaceUncertaintyTable.NEED_INDEX_ICB_LOWER));
    return point
        .join(limits, key, "left")
        .withColumn(PlaceUncertaintyTable.DRAWS, lit(draws))
        .withColumn(PlaceUncertaintyTable.CONFIDENCE, lit(confidence))
        .withColumn(PlaceUncertaintyTable.NEED_INDEX_ICB_WIDTH, width)
        .withColumn(
            PlaceUncertaintyTable.IS_CAUTION,
            when(width.gt(cautionWidth), lit(true)).otherwise(lit(false)));
  }
}
