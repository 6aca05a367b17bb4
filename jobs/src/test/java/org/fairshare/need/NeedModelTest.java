package org.fairshare.need;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.AreaWeightedPopulationTable;
import org.fairshare.schema.Columns;
import org.fairshare.schema.NeedModelCoefficientsTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NeedModelTest extends SparkTestBase {

  static final double BETA_DEPRIVATION = 0.40;
  static final double GAMMA_SUPPLY = 0.05;
  static final List<String> VARIABLES = List.of("deprivation", "supply");

  static final StructType FRAME =
      new StructType()
          .add(Columns.AREA_CODE, DataTypes.StringType)
          .add(Columns.PLACE_CODE, DataTypes.StringType)
          .add(AreaWeightedPopulationTable.POPULATION, DataTypes.DoubleType)
          .add("deprivation", DataTypes.DoubleType)
          .add("supply", DataTypes.DoubleType)
          .add(AreaWeightedPopulationTable.EXPECTED_EVENTS, DataTypes.DoubleType)
          .add(AreaWeightedPopulationTable.OBSERVED_EVENTS, DataTypes.LongType);

  /**
   * Returns areas whose events are Poisson with mean expected x exp(0.1 + beta x deprivation +
   * gamma x supply), drawn on the executors with a seed per area.
   */
  static Dataset<Row> simulated(int areas) {
    MapFunction<Long, Row> draw =
        id -> {
          Well19937c rng = new Well19937c(20260401L + id);
          double deprivation = rng.nextDouble() * 2.0;
          // Supply correlates with deprivation, as it does in England: the reason to fit it.
          double supply = 5.0 + 3.0 * deprivation + rng.nextDouble() * 4.0;
          double population = 1000 + rng.nextInt(1000);
          double expected = population * 0.1;
          double mean =
              expected * Math.exp(0.1 + BETA_DEPRIVATION * deprivation + GAMMA_SUPPLY * supply);
          long events = new PoissonDistribution(rng, mean, 1e-12, 10_000_000).sample();
          return RowFactory.create(
              "A" + id, "P" + (id % 10), population, deprivation, supply, expected, events);
        };
    return spark.range(areas).as(Encoders.LONG()).map(draw, Encoders.row(FRAME));
  }

  /** One simulated England of 400 areas and its Poisson fit, shared by the tests that read it. */
  static Dataset<Row> frame;

  static GeneralizedLinearRegressionModel m;

  @BeforeAll
  static void fitOnce() {
    frame = simulated(400).withColumn(Columns.SERVICE, lit("svc")).cache();
    m = NeedModel.fit(frame, VARIABLES, NeedModel.POISSON, 1.5);
  }

  @AfterAll
  static void release() {
    frame.unpersist();
  }

  @Test
  void recoversThePlantedDeprivationEffectWithinThreeHundredths() {
    // Standard error is about 0.006 with 400 areas of ~150 events: 0.03 is five of them.
    assertThat(m.coefficients().apply(0)).isCloseTo(BETA_DEPRIVATION, within(0.03));
    assertThat(m.coefficients().apply(1)).isCloseTo(GAMMA_SUPPLY, within(0.03));
  }

  @Test
  void tweedieFamilyAlsoRecoversTheDeprivationEffect() {
    GeneralizedLinearRegressionModel t = NeedModel.fit(frame, VARIABLES, NeedModel.TWEEDIE, 1.5);
    assertThat(t.coefficients().apply(0)).isCloseTo(BETA_DEPRIVATION, within(0.05));
  }

  @Test
  void sterilisedPredictionCarriesNoSupplyEffect() {
    Map<String, Double> supplyMeans = Map.of("supply", 9.0);
    // Two areas alike in need and expected use, far apart in supply.
    Dataset<Row> pair =
        rows(
            FRAME,
            new Object[] {"X1", "P", 1000.0, 1.0, 2.0, 100.0, 0L},
            new Object[] {"X2", "P", 1000.0, 1.0, 20.0, 100.0, 0L});
    List<Row> out =
        NeedModel.withPredictions(pair, m, VARIABLES, supplyMeans)
            .orderBy(Columns.AREA_CODE)
            .collectAsList();
    double fitted1 = out.get(0).getAs(AreaWeightedPopulationTable.FITTED_EVENTS);
    double fitted2 = out.get(1).getAs(AreaWeightedPopulationTable.FITTED_EVENTS);
    double sterilised1 = out.get(0).getAs(AreaWeightedPopulationTable.STERILISED_EVENTS);
    double sterilised2 = out.get(1).getAs(AreaWeightedPopulationTable.STERILISED_EVENTS);
    assertThat(fitted2 / fitted1).isGreaterThan(1.5);
    assertThat(sterilised1).isCloseTo(sterilised2, within(1e-9));
    double atMean =
        100.0
            * Math.exp(m.intercept() + m.coefficients().apply(0) + 9.0 * m.coefficients().apply(1));
    assertThat(sterilised1).isCloseTo(atMean, within(1e-9));
  }

  @Test
  void coefficientsTableFlagsSupplyTermsWithTheirMeanAndStandardErrors() {
    List<Row> rows =
        NeedModel.coefficients(spark, "svc", m, VARIABLES, Map.of("supply", 9.0), "poisson")
            .orderBy(NeedModelCoefficientsTable.TERM)
            .collectAsList();
    assertThat(rows)
        .extracting(r -> r.getAs(NeedModelCoefficientsTable.TERM))
        .containsExactly("(intercept)", "deprivation", "supply");
    assertThat(rows)
        .extracting(r -> r.getAs(NeedModelCoefficientsTable.IS_SUPPLY))
        .containsExactly(false, false, true);
    assertThat((Double) rows.get(2).getAs(NeedModelCoefficientsTable.SUPPLY_MEAN)).isEqualTo(9.0);
    assertThat((Double) rows.get(1).getAs(NeedModelCoefficientsTable.STANDARD_ERROR))
        .isBetween(1e-4, 0.05);
    assertThat((Double) rows.get(0).getAs(NeedModelCoefficientsTable.DISPERSION)).isEqualTo(1.0);
  }

  @Test
  void needWeightedPopulationAddsUpToThePopulation() {
    Dataset<Row> wp =
        NeedModel.withNeedWeightedPopulation(
            NeedModel.withPredictions(frame, m, VARIABLES, Map.of("supply", 9.0)));
    Row totals =
        wp.agg(
                org.apache.spark.sql.functions.sum(AreaWeightedPopulationTable.POPULATION),
                org.apache.spark.sql.functions.sum(AreaWeightedPopulationTable.WEIGHTED_POPULATION))
            .first();
    assertThat(totals.getDouble(1)).isCloseTo(totals.getDouble(0), within(1e-6));
  }

  @Test
  void placeFitOfTheTrueModelExplainsMostVariation() {
    Row fit = NeedModel.placeFit(NeedModel.withPredictions(frame, m, VARIABLES, Map.of())).first();
    assertThat(fit.<Long>getAs("places")).isEqualTo(10L);
    assertThat(fit.<Double>getAs("mean_absolute_percentage_error")).isLessThan(0.02);
  }
}
