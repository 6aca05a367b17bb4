package org.fairshare.need;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.output.OwnedFolder;
import org.fairshare.output.Warehouse;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.AgeSexWeightsTable;
import org.fairshare.schema.AreaWeightedPopulationTable;
import org.fairshare.schema.Columns;
import org.fairshare.schema.Deprivation;
import org.fairshare.schema.HealthInequalitiesTable;
import org.fairshare.schema.NeedModelCoefficientsTable;
import org.fairshare.schema.NeedModelFitTable;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.Supply;
import org.fairshare.spark.KeptFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the additional-need model of each service, saves it under {@code
 * <warehouse>/_models/<financial_year>/<scenario>/<service>}, and writes its coefficients, its
 * place-level fit and the need-weighted population of every area.
 */
public final class NeedModelStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(NeedModelStage.class);

  /** The need variable naming the health-inequalities mortality ratio. */
  public static final String MORTALITY_RATIO = HealthInequalitiesTable.MORTALITY_RATIO;

  @Override
  public String name() {
    return "need_model";
  }

  @Override
  public List<OutputTable> outputs() {
    return List.of(
        NeedModelCoefficientsTable.TABLE,
        NeedModelFitTable.TABLE,
        AreaWeightedPopulationTable.TABLE);
  }

  @Override
  public void run(StageContext ctx) {
    FairshareConfig cfg = ctx.config();
    Dataset<Row> population = NeedStageInputs.population(ctx);
    Dataset<Row> weights = SliceIo.table(ctx, AgeSexWeightsTable.TABLE);
    Dataset<Row> expected =
        AgeSexWeights.expectedByArea(
            population, NeedStageInputs.activity(ctx), weights, cfg.get(ConfigKeys.AGE_BANDS));
    Dataset<Row> covariates = covariates(ctx);
    List<String> need =
        NeedModel.usableVariables(
            covariates, ServiceShares.names(cfg.get(ConfigKeys.NEED_VARIABLES)));
    List<String> supply =
        NeedModel.usableVariables(
            covariates, ServiceShares.names(cfg.get(ConfigKeys.SUPPLY_VARIABLES)));
    List<String> variables = new ArrayList<>(need);
    variables.addAll(supply);
    LOG.info("need model variables: need {}, supply {}", need, supply);
    Map<String, Double> means =
        NeedModel.nationalMeans(covariates, variables, HealthInequalitiesTable.POPULATION);
    Map<String, Double> supplyMeans = new LinkedHashMap<>();
    supply.forEach(s -> supplyMeans.put(s, means.get(s)));
    List<String> covariateColumns = new ArrayList<>(variables);
    covariateColumns.add(0, Columns.AREA_CODE);
    try (KeptFrames kept = new KeptFrames(ctx.spark())) {
      // Read by every fit and every service's predictions.
      Dataset<Row> frame =
          kept.keep(
              expected
                  .join(
                      NeedModel.withMeansImputed(covariates, means)
                          .selectExpr(covariateColumns.toArray(String[]::new)),
                      Columns.AREA_CODE)
                  .join(
                      NeedStageInputs.areaPlaces(ctx).select(Columns.AREA_CODE, Columns.PLACE_CODE),
                      Columns.AREA_CODE));
      List<String> services =
          frame
              .select(Columns.SERVICE)
              .distinct()
              .orderBy(Columns.SERVICE)
              .as(Encoders.STRING())
              .collectAsList();
      String family = cfg.get(ConfigKeys.NEED_FAMILY);
      Dataset<Row> coefficients = null;
      Dataset<Row> areas = null;
      Dataset<Row> paths = null;
      for (String service : services) {
        Dataset<Row> one = frame.where(col(Columns.SERVICE).equalTo(service));
        GeneralizedLinearRegressionModel model =
            NeedModel.fit(one, variables, family, cfg.getDouble(ConfigKeys.NEED_VARIANCE_POWER));
        Path path = modelPath(cfg, service);
        Warehouse.onDisk(path, () -> save(model, path));
        Dataset<Row> c =
            NeedModel.coefficients(ctx.spark(), service, model, variables, supplyMeans, family);
        Dataset<Row> a =
            NeedModel.withNeedWeightedPopulation(
                NeedModel.withPredictions(one, model, variables, supplyMeans));
        Dataset<Row> p =
            ctx.spark()
                .range(1)
                .select(
                    lit(service).as(Columns.SERVICE),
                    // Relative, so that a moved or copied warehouse still finds its models.
                    lit(cfg.warehouse().relativize(path).toString())
                        .as(NeedModelFitTable.MODEL_PATH));
        coefficients = coefficients == null ? c : coefficients.unionByName(c);
        areas = areas == null ? a : areas.unionByName(a);
        paths = paths == null ? p : paths.unionByName(p);
      }
      if (areas == null) {
        throw new IllegalStateException(
            "no activity for run.data_year=" + cfg.dataYear() + ": nothing to model");
      }
      SliceIo.write(ctx, NeedModelCoefficientsTable.TABLE, coefficients);
      SliceIo.write(ctx, AreaWeightedPopulationTable.TABLE, areas);
      SliceIo.write(
          ctx, NeedModelFitTable.TABLE, NeedModel.placeFit(areas).join(paths, Columns.SERVICE));
    }
  }

  /**
   * Returns per small area of the run: area_code, the deprivation input's scores, mortality_ratio
   * and population (of health_inequalities_area) and the supply variables of the data year, the
   * candidate covariates of the need model before imputation.
   */
  public static Dataset<Row> covariates(StageContext ctx) {
    FairshareConfig cfg = ctx.config();
    return SliceIo.input(ctx, Deprivation.CONTRACT)
        .drop(Deprivation.IMD_VINTAGE)
        .join(
            SliceIo.table(ctx, HealthInequalitiesTable.TABLE)
                .select(
                    col(HealthInequalitiesTable.AREA_CODE),
                    col(HealthInequalitiesTable.MORTALITY_RATIO),
                    col(HealthInequalitiesTable.POPULATION)),
            new String[] {Columns.AREA_CODE},
            "right")
        .join(
            SliceIo.input(ctx, Supply.CONTRACT)
                .where(col(Supply.YEAR).equalTo(cfg.dataYear()))
                .drop(Supply.YEAR),
            new String[] {Columns.AREA_CODE},
            "left");
  }

  /**
   * Returns area_code, place_code, icb_code, msoa_code, la_code of the run's areas, with places as
   * configured (allocation.place_level).
   */
  public static Dataset<Row> areaPlaces(StageContext ctx) {
    return NeedStageInputs.areaPlaces(ctx);
  }

  /**
   * Throws unless the model folder is absent, listed as fairshare's, or a model an earlier run
   * saved before models were listed (Spark's overwrite deletes the whole folder first).
   */
  static void requireReplaceable(Path path) {
    if (OwnedFolder.foreignEntry(path).isPresent() && !isSavedModel(path)) {
      OwnedFolder.requireOwned(path, "the need model folder");
    }
  }

  private static boolean isSavedModel(Path path) {
    Path metadata = path.resolve("metadata").resolve("part-00000");
    try (Stream<Path> files = Files.walk(path)) {
      return Files.isRegularFile(metadata, LinkOption.NOFOLLOW_LINKS)
          && Files.readString(metadata).contains(GeneralizedLinearRegressionModel.class.getName())
          && files
              .filter(f -> !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS))
              .map(f -> path.relativize(f).toString())
              .allMatch(r -> r.startsWith("metadata/") || r.startsWith("data/"));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /** Returns where a service's model of this run is saved. */
  public static Path modelPath(FairshareConfig cfg, String service) {
    return cfg.warehouse()
        .resolve("_models")
        .resolve(cfg.financialYear())
        .resolve(cfg.scenario())
        .resolve(service);
  }

  private static void save(GeneralizedLinearRegressionModel model, Path path) {
    requireReplaceable(path);
    try {
      model.write().overwrite().save(path.toString());
      OwnedFolder.record(path);
    } catch (IOException e) {
      throw new UncheckedIOException("could not save the need model to " + path, e);
    }
  }
}
