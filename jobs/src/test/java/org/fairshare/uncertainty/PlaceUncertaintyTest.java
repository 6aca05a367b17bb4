package org.fairshare.uncertainty;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.variance;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.generate.PoissonDraws;
import org.fairshare.inequality.SeededNormal;
import org.fairshare.need.NeedModel;
import org.fairshare.need.ServiceShares;
import org.fairshare.schema.AllocationColumns;
import org.fairshare.schema.AreaWeightedPopulationTable;
import org.fairshare.schema.Columns;
import org.fairshare.schema.HealthInequalitiesTable;
import org.fairshare.schema.PlaceUncertaintyTable;
import org.fairshare.schema.StreamWeightedPopulationTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Simulation design: each replicate is an independent data set of 240 small areas in 8 places of 2
 * ICBs (30 areas a place); one need variable x (a place effect plus area noise); events ~
 * Poisson(expected x exp(0.3 x)), expected = 5% of the population. The planted need index of each
 * place against its ICB is computed from the true coefficient. Per replicate the model is fitted by
 * maximum likelihood, its coefficients are drawn from the estimated covariance (100 draws), and the
 * 90% interval of each place's need index is checked against the planted one. Replicates are a
 * column (the "service" of the draws), so all of them run in one Spark pass.
 */
class PlaceUncertaintyTest extends SparkTestBase {
  private static final double BETA = 0.3;
  private static final int AREAS = 240;
  private static final int PLACES = 8;
  private static final int DRAWS = 100;
  private static final String REP = Columns.SERVICE;

  private static Dataset<Row> simulatedAreas(int replicates, int largeFrom, long seed) {
    Dataset<Row> base =
        spark
            .range((long) replicates * AREAS)
            .select(
                col("id"),
                concat(lit("r"), col("id").divide(AREAS).cast("int").cast("string")).as(REP),
                col("id").mod(PLACES).cast("int").as("p"),
                SeededNormal.standardNormal(seed, 0, List.of(col("id"))).as("z"));
    return base.select(
            col("id"),
            col(REP),
            col("id").cast("string").as(Columns.AREA_CODE),
            concat_ws("_", col(REP), col("p").cast("string")).as(Columns.PLACE_CODE),
            concat_ws("_", col(REP), col("p").divide(4).cast("int").cast("string"))
                .as(Columns.ICB_CODE),
            col("p").minus(3.5).divide(3.5).multiply(0.6).plus(col("z")).as("x"),
            when(col("id").divide(AREAS).cast("int").geq(largeFrom), lit(16_000.0))
                .otherwise(lit(1000.0))
                .as(AllocationColumns.POPULATION))
        .withColumn(
            AreaWeightedPopulationTable.EXPECTED_EVENTS,
            col(AllocationColumns.POPULATION).multiply(0.05))
        .withColumn(
            "true_mean",
            col(AreaWeightedPopulationTable.EXPECTED_EVENTS).multiply(exp(col("x").multiply(BETA))))
        .withColumn(
            AreaWeightedPopulationTable.OBSERVED_EVENTS,
            PoissonDraws.poisson(col("true_mean"), xxhash64(lit(seed), col("id"))));
  }

  /** Returns (slope, intercept) of the Poisson log-link model with offset, by Newton-Raphson. */
  private static double[] maximumLikelihood(List<double[]> xey) {
    double observed = xey.stream().mapToDouble(r -> r[2]).sum();
    double expected = xey.stream().mapToDouble(r -> r[1]).sum();
    double b = 0;
    double b0 = Math.log(observed / expected);
    for (int it = 0; it < 25; it++) {
      double u1 = 0, u0 = 0, i11 = 0, i10 = 0, i00 = 0;
      for (double[] r : xey) {
        double mu = r[1] * Math.exp(b * r[0] + b0);
        u1 += (r[2] - mu) * r[0];
        u0 += r[2] - mu;
        i11 += mu * r[0] * r[0];
        i10 += mu * r[0];
        i00 += mu;
      }
      double det = i11 * i00 - i10 * i10;
      b += (i00 * u1 - i10 * u0) / det;
      b0 += (i11 * u0 - i10 * u1) / det;
    }
    return new double[] {b, b0};
  }

  /**
   * Returns the place intervals (with the planted need index as need_index_icb) of replicates;
   * those from index {@code largeFrom} have 16 times the population.
   */
  private static Dataset<Row> intervals(int replicates, int largeFrom, long seed) {
    Dataset<Row> areas = simulatedAreas(replicates, largeFrom, seed).cache();
    Map<String, List<double[]>> byReplicate = new TreeMap<>();
    for (Row r :
        areas
            .select(
                col(REP),
                col("x"),
                col(AreaWeightedPopulationTable.EXPECTED_EVENTS),
                col(AreaWeightedPopulationTable.OBSERVED_EVENTS).cast("double"))
            .collectAsList()) {
      byReplicate
          .computeIfAbsent(r.getString(0), k -> new ArrayList<>())
          .add(new double[] {r.getDouble(1), r.getDouble(2), r.getDouble(3)});
    }
    List<Row> estimates = new ArrayList<>();
    byReplicate.forEach(
        (rep, rows) -> {
          double[] b = maximumLikelihood(rows);
          estimates.add(RowFactory.create(rep, b[0], b[1]));
        });
    StructType estimateSchema =
        new StructType()
            .add(REP, DataTypes.StringType)
            .add("b", DataTypes.DoubleType)
            .add("b0", DataTypes.DoubleType);
    Dataset<Row> predicted =
        areas
            .join(spark.createDataFrame(estimates, estimateSchema), REP)
            .withColumn(
                AreaWeightedPopulationTable.FITTED_EVENTS,
                col(AreaWeightedPopulationTable.EXPECTED_EVENTS)
                    .multiply(exp(col("x").multiply(col("b")).plus(col("b0")))))
            .withColumn(
                AreaWeightedPopulationTable.STERILISED_EVENTS,
                col(AreaWeightedPopulationTable.FITTED_EVENTS))
            .withColumn(HealthInequalitiesTable.OBSERVED_DEATHS, lit(0L))
            .withColumn(HealthInequalitiesTable.EXPECTED_DEATHS, lit(0.0))
            .withColumn(HealthInequalitiesTable.PARENT_RATIO, lit(1.0))
            .withColumn(HealthInequalitiesTable.MORTALITY_RATIO, lit(1.0));
    List<String> vars = List.of("x");
    Map<String, double[][]> cov =
        NeedModelCovariance.covariances(
            predicted,
            REP,
            vars,
            NeedModelCovariance.workingWeight(
                col(AreaWeightedPopulationTable.FITTED_EVENTS), NeedModel.POISSON, 1.5),
            Map.of());
    List<CoefficientDraws.ServiceModel> models = new ArrayList<>();
    for (Row e : estimates) {
      models.add(
          new CoefficientDraws.ServiceModel(
              e.getString(0),
              new double[] {e.getDouble(1), e.getDouble(2)},
              NeedModelCovariance.cholesky(cov.get(e.getString(0)))));
    }
    Dataset<Row> draws = CoefficientDraws.draws(spark, models, 2, DRAWS, seed);
    // Places are unique per replicate: one "service" from here on, the replicate in the codes.
    Dataset<Row> serviceDraws =
        PlaceUncertainty.placeServiceDraws(predicted, draws, vars, Map.of(), null, 10, seed, false)
            .withColumn(REP, lit("acute"));
    Dataset<Row> hiDraws =
        PlaceUncertainty.placeHiDraws(
            predicted, draws.select(CoefficientDraws.DRAW).distinct(), 10, seed, false);
    Dataset<Row> places =
        areas
            .select(Columns.ICB_CODE, Columns.PLACE_CODE)
            .distinct()
            .withColumn(AllocationColumns.STREAM, lit(AllocationColumns.CORE))
            .withColumn(StreamWeightedPopulationTable.COST_INDEX, lit(1.0));
    Dataset<Row> perDraw =
        PlaceUncertainty.placeStreamDraws(
            serviceDraws,
            hiDraws,
            ServiceShares.fromMap(spark, Map.of("acute", 1.0)),
            List.of(),
            0.0,
            0.0,
            places);
    Dataset<Row> truth =
        areas
            .groupBy(Columns.ICB_CODE, Columns.PLACE_CODE)
            .agg(sum("true_mean").as("wp"), sum(AllocationColumns.POPULATION).as("pop"))
            .withColumn(
                AllocationColumns.NEED_INDEX_ICB,
                col("wp")
                    .divide(col("pop"))
                    .divide(
                        sum("wp")
                            .over(Window.partitionBy(Columns.ICB_CODE))
                            .divide(sum("pop").over(Window.partitionBy(Columns.ICB_CODE)))))
            .select(
                col(Columns.ICB_CODE),
                col(Columns.PLACE_CODE),
                lit(AllocationColumns.CORE).as(AllocationColumns.STREAM),
                col(AllocationColumns.NEED_INDEX_ICB),
                lit(1.0).as(AllocationColumns.NEED_INDEX_ENGLAND),
                lit(0.25).as(AllocationColumns.TARGET_SHARE),
                lit(new BigDecimal("1000000.00")).as(AllocationColumns.TARGET_GBP),
                lit(new BigDecimal("1000000.00")).as(AllocationColumns.DISTRIBUTABLE_GBP));
    Dataset<Row> out = PlaceUncertainty.intervals(perDraw, truth, DRAWS, 0.9, 0.05).cache();
    out.count();
    areas.unpersist();
    return out;
  }

  private static final int REPLICATES = 40;
  private static final int LARGE = 8;
  private static Dataset<Row> shared;

  /** 40 replicates at the base population and 8 at 16 times it, in one Spark pass. */
  @BeforeAll
  static void simulate() {
    shared =
        intervals(REPLICATES + LARGE, REPLICATES, 101)
            .withColumn(
                "replicate", regexp_extract(col(Columns.PLACE_CODE), "^r([0-9]+)_", 1).cast("int"))
            .cache();
  }

  @AfterAll
  static void release() {
    shared.unpersist();
  }

  private static double meanWidth(Dataset<Row> intervals) {
    return intervals.agg(avg(PlaceUncertaintyTable.NEED_INDEX_ICB_WIDTH)).first().getDouble(0);
  }

  @Test
  void covarianceGivesSparksStandardErrors() {
    Dataset<Row> areas = simulatedAreas(1, 1, 11);
    List<String> vars = List.of("x");
    GeneralizedLinearRegressionModel model = NeedModel.fit(areas, vars, NeedModel.POISSON, 1.5);
    Dataset<Row> predicted = NeedModel.withPredictions(areas, model, vars, Map.of());
    double[][] cov =
        NeedModelCovariance.covariances(
                predicted,
                REP,
                vars,
                NeedModelCovariance.workingWeight(
                    col(AreaWeightedPopulationTable.FITTED_EVENTS), NeedModel.POISSON, 1.5),
                Map.of())
            .get("r0");
    double[] se = model.summary().coefficientStandardErrors();
    assertThat(Math.sqrt(cov[0][0])).isCloseTo(se[0], within(se[0] * 1e-3));
    assertThat(Math.sqrt(cov[1][1])).isCloseTo(se[1], within(se[1] * 1e-3));
  }

  @Test
  void intervalsShrinkAsTheDataGrow() {
    double small = meanWidth(shared.where(col("replicate").lt(LARGE)));
    double large = meanWidth(shared.where(col("replicate").geq(REPLICATES)));
    // Sixteen times the events: about a quarter of the width.
    assertThat(large).isLessThan(small * 0.4).isGreaterThan(small * 0.1);
  }

  @Test
  void coverageOfThePlantedNeedIndicesIsCloseToNominal() {
    Dataset<Row> base = shared.where(col("replicate").lt(REPLICATES));
    long hits =
        base.where(
                col(AllocationColumns.NEED_INDEX_ICB)
                    .between(
                        col(PlaceUncertaintyTable.NEED_INDEX_ICB_LOWER),
                        col(PlaceUncertaintyTable.NEED_INDEX_ICB_UPPER)))
            .count();
    long total = base.count();
    double coverage = hits / (double) total;
    LoggerFactory.getLogger(PlaceUncertaintyTest.class)
        .info(
            "coverage of planted need indices at nominal 0.90: {} ({} of {})",
            coverage,
            hits,
            total);
    assertThat(total).isEqualTo((long) REPLICATES * PLACES);
    assertThat(coverage).isBetween(0.8, 0.97);
  }

  @Test
  void mortalityRatioDrawsCentreOnTheStabilisedRatioWithGammaSpread() {
    StructType schema =
        new StructType()
            .add(Columns.AREA_CODE, DataTypes.StringType)
            .add("o", DataTypes.DoubleType)
            .add("e", DataTypes.DoubleType)
            .add("m", DataTypes.DoubleType);
    double k = 10;
    Row r =
        rows(schema, new Object[] {"A", 30.0, 20.0, 1.2})
            .crossJoin(spark.range(1, 4001).select(col("id").cast("int").as(CoefficientDraws.DRAW)))
            .select(
                PlaceUncertainty.mortalityRatioDraw(
                        col("o"), col("e"), col("m"), k, 5, col(Columns.AREA_CODE))
                    .as("r"))
            .agg(avg("r"), variance("r"))
            .first();
    double shape = 30 + k * 1.2;
    double rate = 20 + k;
    assertThat(r.getDouble(0)).isCloseTo(shape / rate, within(0.01));
    assertThat(r.getDouble(1)).isCloseTo(shape / rate / rate, within(0.1 * shape / rate / rate));
  }
}
