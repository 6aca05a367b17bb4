package org.fairshare.need;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.GeneralizedLinearRegression;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionTrainingSummary;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.fairshare.schema.AreaWeightedPopulationTable;
import org.fairshare.schema.Columns;
import org.fairshare.schema.NeedModelCoefficientsTable;
import org.fairshare.schema.NeedModelFitTable;

/**
 * The additional-need model of one service: a log-link GLM (Poisson or Tweedie) of each small
 * area's events on need and supply variables, offset by the log of the events expected from its
 * age-sex mix. Supply variables are fitted so that their effect is not taken for need, then held at
 * the national mean to predict ("sterilised").
 */
public final class NeedModel {
  private NeedModel() {}

  public static final String POISSON = "poisson";
  public static final String TWEEDIE = "tweedie";

  private static final String FEATURES = "features";
  private static final String OFFSET = "log_expected";
  private static final String LABEL = "label";

  /**
   * Returns the candidates that are columns of {@code covariates} and vary (non-zero standard
   * deviation over the non-null values), in the candidates' order. Collects one row.
   */
  public static List<String> usableVariables(Dataset<Row> covariates, List<String> candidates) {
    List<String> present =
        candidates.stream().filter(c -> List.of(covariates.columns()).contains(c)).toList();
    if (present.isEmpty()) {
      return List.of();
    }
    Column[] sds =
        present.stream().map(c -> stddev_pop(col(c).cast("double")).as(c)).toArray(Column[]::new);
    Row r = covariates.agg(sds[0], Arrays.copyOfRange(sds, 1, sds.length)).first();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < present.size(); i++) {
      if (!r.isNullAt(i) && r.getDouble(i) > 1e-12) {
        out.add(present.get(i));
      }
    }
    return out;
  }

  /**
   * Returns the population-weighted national mean of each variable over the rows where it is
   * present (collects one row).
   */
  public static Map<String, Double> nationalMeans(
      Dataset<Row> covariates, List<String> variables, String populationColumn) {
    Map<String, Double> means = new LinkedHashMap<>();
    if (variables.isEmpty()) {
      return means;
    }
    Column[] aggs =
        variables.stream()
            .map(
                v ->
                    try_divide(
                            sum(col(v).cast("double").multiply(col(populationColumn))),
                            sum(when(col(v).isNotNull(), col(populationColumn))))
                        .as(v))
            .toArray(Column[]::new);
    Row r = covariates.agg(aggs[0], Arrays.copyOfRange(aggs, 1, aggs.length)).first();
    for (int i = 0; i < variables.size(); i++) {
      means.put(variables.get(i), r.isNullAt(i) ? 0.0 : r.getDouble(i));
    }
    return means;
  }

  /** Returns the rows with each variable's nulls replaced by its national mean (as doubles). */
  public static Dataset<Row> withMeansImputed(Dataset<Row> covariates, Map<String, Double> means) {
    Dataset<Row> out = covariates;
    for (Map.Entry<String, Double> m : means.entrySet()) {
      out = out.withColumn(m.getKey(), coalesce(col(m.getKey()).cast("double"), lit(m.getValue())));
    }
    return out;
  }

  /**
   * Returns the model fitted on areas with events expected (columns observed_events,
   * expected_events and the variables, no nulls).
   *
   * @param family {@link #POISSON} or {@link #TWEEDIE}
   * @param variancePower Tweedie variance power, ignored for Poisson
   */
  public static GeneralizedLinearRegressionModel fit(
      Dataset<Row> frame, List<String> variables, String family, double variancePower) {
    GeneralizedLinearRegression glm =
        new GeneralizedLinearRegression()
            .setFeaturesCol(FEATURES)
            .setLabelCol(LABEL)
            .setOffsetCol(OFFSET)
            .setMaxIter(50)
            .setTol(1e-8);
    switch (family) {
      case POISSON -> glm.setFamily(POISSON).setLink("log");
      case TWEEDIE -> glm.setFamily(TWEEDIE).setVariancePower(variancePower).setLinkPower(0.0);
      default -> throw new IllegalArgumentException("unknown GLM family '" + family + "'");
    }
    // IRLS passes over the data once per iteration: keep the small area frame in memory meanwhile.
    // One partition: each pass ends in a fold that adds partitions' sums in the order their tasks
    // finish, so with more the coefficients (and all that follows) differ in their last bits
    // between reruns. In area order: the sums within the partition then do not depend on how the
    // plan that made the frame happened to order its rows.
    Dataset<Row> data =
        assembled(frame, variables)
            .repartition(1)
            .sortWithinPartitions(Columns.AREA_CODE)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return glm.fit(data);
    } finally {
      data.unpersist();
    }
  }

  private static Dataset<Row> assembled(Dataset<Row> frame, List<String> variables) {
    Dataset<Row> f =
        frame
            .where(col(AreaWeightedPopulationTable.EXPECTED_EVENTS).gt(0))
            .withColumn(LABEL, col(AreaWeightedPopulationTable.OBSERVED_EVENTS).cast("double"))
            .withColumn(OFFSET, log(col(AreaWeightedPopulationTable.EXPECTED_EVENTS)));
    if (variables.isEmpty()) {
      // An offset-only model still needs a feature vector; a constant 0 adds no term.
      f = f.withColumn("zero_feature", lit(0.0));
      variables = List.of("zero_feature");
    }
    return new VectorAssembler()
        .setInputCols(variables.toArray(String[]::new))
        .setOutputCol(FEATURES)
        .transform(f);
  }

  /**
   * Returns the need_model_coefficients rows of one fitted model (the columns of {@link
   * NeedModelCoefficientsTable}); standard errors are null where Spark cannot give them.
   */
  public static Dataset<Row> coefficients(
      SparkSession spark,
      String service,
      GeneralizedLinearRegressionModel model,
      List<String> variables,
      Map<String, Double> supplyMeans,
      String family) {
    GeneralizedLinearRegressionTrainingSummary s = model.summary();
    double[] se = safe(s::coefficientStandardErrors);
    double[] t = safe(s::tValues);
    double[] p = safe(s::pValues);
    List<String> terms = new ArrayList<>(variables);
    terms.add(NeedModelCoefficientsTable.INTERCEPT);
    double[] beta = new double[terms.size()];
    for (int i = 0; i < variables.size(); i++) {
      beta[i] = model.coefficients().apply(i);
    }
    beta[variables.size()] = model.intercept();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      String term = terms.get(i);
      rows.add(
          RowFactory.create(
              service,
              term,
              supplyMeans.containsKey(term),
              beta[i],
              at(se, i),
              at(t, i),
              at(p, i),
              supplyMeans.get(term),
              family,
              s.deviance(),
              s.nullDeviance(),
              s.dispersion(),
              s.numInstances()));
    }
    return spark.createDataFrame(rows, NeedModelCoefficientsTable.SCHEMA);
  }

  private static double[] safe(Supplier<double[]> f) {
    try {
      return f.get();
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  private static Double at(double[] xs, int i) {
    return xs == null || i >= xs.length || !Double.isFinite(xs[i]) ? null : xs[i];
  }

  /**
   * Adds fitted_events (expected x exp(linear predictor) with the area's own supply) and
   * sterilised_events (the same with each supply variable at its national mean) (counts).
   *
   * @param supplyMeans the supply variables and the values they are held at
   */
  public static Dataset<Row> withPredictions(
      Dataset<Row> frame,
      GeneralizedLinearRegressionModel model,
      List<String> variables,
      Map<String, Double> supplyMeans) {
    Column fitted = lit(model.intercept());
    Column sterilised = lit(model.intercept());
    for (int i = 0; i < variables.size(); i++) {
      String v = variables.get(i);
      double b = model.coefficients().apply(i);
      fitted = fitted.plus(col(v).multiply(b));
      sterilised =
          sterilised.plus(
              supplyMeans.containsKey(v) ? lit(supplyMeans.get(v) * b) : col(v).multiply(b));
    }
    Column expected = col(AreaWeightedPopulationTable.EXPECTED_EVENTS);
    return frame
        .withColumn(AreaWeightedPopulationTable.FITTED_EVENTS, expected.multiply(exp(fitted)))
        .withColumn(
            AreaWeightedPopulationTable.STERILISED_EVENTS, expected.multiply(exp(sterilised)));
  }

  /**
   * Adds weighted_population: sterilised events rescaled so that the total over all rows equals the
   * total population (persons). Call on one service's rows.
   */
  public static Dataset<Row> withNeedWeightedPopulation(Dataset<Row> predicted) {
    Dataset<Row> totals =
        predicted.agg(
            sum(AreaWeightedPopulationTable.POPULATION).as("total_population"),
            sum(AreaWeightedPopulationTable.STERILISED_EVENTS).as("total_sterilised"));
    return predicted
        .crossJoin(totals)
        .withColumn(
            AreaWeightedPopulationTable.WEIGHTED_POPULATION,
            coalesce(
                col(AreaWeightedPopulationTable.STERILISED_EVENTS)
                    .multiply(try_divide(col("total_population"), col("total_sterilised"))),
                lit(0.0)))
        .drop("total_population", "total_sterilised");
  }

  /**
   * Returns the place-level fit per service (service, places, r_squared,
   * mean_absolute_percentage_error): observed and fitted events summed to places, R-squared = 1 -
   * sum((O - F)^2) / sum((O - mean O)^2), MAPE = mean of |O - F| / O over places with events.
   *
   * @param predicted rows with service, place_code, observed_events and fitted_events
   */
  public static Dataset<Row> placeFit(Dataset<Row> predicted) {
    Dataset<Row> places =
        predicted
            .groupBy(Columns.SERVICE, Columns.PLACE_CODE)
            .agg(
                sum(AreaWeightedPopulationTable.OBSERVED_EVENTS).cast("double").as("o"),
                sum(AreaWeightedPopulationTable.FITTED_EVENTS).as("f"));
    Dataset<Row> means = places.groupBy(Columns.SERVICE).agg(avg("o").as("o_mean"));
    return places
        .join(means, Columns.SERVICE)
        .groupBy(Columns.SERVICE)
        .agg(
            count(lit(1)).as(NeedModelFitTable.PLACES),
            lit(1.0)
                .minus(
                    try_divide(
                        sum(pow(col("o").minus(col("f")), 2)),
                        sum(pow(col("o").minus(col("o_mean")), 2))))
                .as(NeedModelFitTable.R_SQUARED),
            avg(when(col("o").gt(0), abs(col("o").minus(col("f"))).divide(col("o"))))
                .as(NeedModelFitTable.MEAN_ABSOLUTE_PERCENTAGE_ERROR));
  }
}
