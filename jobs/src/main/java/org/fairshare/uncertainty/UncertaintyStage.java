package org.fairshare.uncertainty;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.need.NeedModel;
import org.fairshare.need.NeedModelStage;
import org.fairshare.need.ServiceShares;
import org.fairshare.need.SliceIo;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.AllocationColumns;
import org.fairshare.schema.AreaWeightedPopulationTable;
import org.fairshare.schema.Columns;
import org.fairshare.schema.HealthInequalitiesTable;
import org.fairshare.schema.NeedModelCoefficientsTable;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.PlaceTargetsTable;
import org.fairshare.schema.PlaceUncertaintyTable;
import org.fairshare.schema.Spend;
import org.fairshare.schema.StreamWeightedPopulationTable;
import org.fairshare.spark.KeptFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes place_uncertainty: simulated intervals of every place's need indices, target share and
 * target, and names the places to treat with caution in the run summary. Runs after the targets.
 */
public final class UncertaintyStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(UncertaintyStage.class);
  private static final int NAMED_IN_SUMMARY = 20;

  @Override
  public String name() {
    return "uncertainty";
  }

  @Override
  public List<OutputTable> outputs() {
    return List.of(PlaceUncertaintyTable.TABLE);
  }

  @Override
  public void run(StageContext ctx) {
    FairshareConfig cfg = ctx.config();
    int n = cfg.getInt(ConfigKeys.UNCERTAINTY_DRAWS);
    Dataset<Row> streamPlace = SliceIo.table(ctx, StreamWeightedPopulationTable.TABLE);
    if (n == 0) {
      SliceIo.write(
          ctx,
          PlaceUncertaintyTable.TABLE,
          ctx.spark().createDataFrame(List.of(), PlaceUncertaintyTable.TABLE.schema()));
      ctx.summary("uncertainty: off (uncertainty.draws=0)");
      return;
    }
    long seed = cfg.getLong(ConfigKeys.UNCERTAINTY_SEED);
    double k = cfg.getDouble(ConfigKeys.HI_PRIOR_STRENGTH);
    Models models = models(SliceIo.table(ctx, NeedModelCoefficientsTable.TABLE));
    List<String> variables = models.variables();

    Dataset<Row> covariates = NeedModelStage.covariates(ctx);
    Map<String, Double> means =
        NeedModel.nationalMeans(covariates, variables, HealthInequalitiesTable.POPULATION);
    List<String> covariateColumns = new ArrayList<>(variables);
    covariateColumns.remove(NeedModelStage.MORTALITY_RATIO);
    covariateColumns.add(0, Columns.AREA_CODE);
    Dataset<Row> areaPlaces =
        NeedModelStage.areaPlaces(ctx).select(Columns.AREA_CODE, Columns.PLACE_CODE);
    Dataset<Row> hiAreas =
        SliceIo.table(ctx, HealthInequalitiesTable.TABLE)
            .select(
                HealthInequalitiesTable.AREA_CODE,
                HealthInequalitiesTable.POPULATION,
                HealthInequalitiesTable.OBSERVED_DEATHS,
                HealthInequalitiesTable.EXPECTED_DEATHS,
                HealthInequalitiesTable.PARENT_RATIO,
                HealthInequalitiesTable.MORTALITY_RATIO)
            .join(areaPlaces, Columns.AREA_CODE);
    try (KeptFrames kept = new KeptFrames(ctx.spark())) {
      Dataset<Row> frame =
          kept.keep(
              SliceIo.table(ctx, AreaWeightedPopulationTable.TABLE)
                  .select(
                      AreaWeightedPopulationTable.AREA_CODE,
                      AreaWeightedPopulationTable.SERVICE,
                      AreaWeightedPopulationTable.EXPECTED_EVENTS,
                      AreaWeightedPopulationTable.FITTED_EVENTS,
                      AreaWeightedPopulationTable.STERILISED_EVENTS)
                  .join(
                      NeedModel.withMeansImputed(covariates, means)
                          .selectExpr(covariateColumns.toArray(String[]::new)),
                      Columns.AREA_CODE)
                  .join(hiAreas.drop(HealthInequalitiesTable.POPULATION), Columns.AREA_CODE));
      Map<String, Double> dispersion = new LinkedHashMap<>();
      models.services().values().forEach(s -> dispersion.put(s.service(), s.dispersion()));
      String family = models.services().values().iterator().next().family();
      Map<String, double[][]> covariances =
          NeedModelCovariance.covariances(
              frame.where(col(AreaWeightedPopulationTable.EXPECTED_EVENTS).gt(0)),
              Columns.SERVICE,
              variables,
              NeedModelCovariance.workingWeight(
                  col(AreaWeightedPopulationTable.FITTED_EVENTS),
                  family,
                  cfg.getDouble(ConfigKeys.NEED_VARIANCE_POWER)),
              dispersion);
      List<CoefficientDraws.ServiceModel> fitted = new ArrayList<>();
      for (ServiceFit s : models.services().values()) {
        double[][] cov = covariances.get(s.service());
        if (cov == null) {
          LOG.warn(
              "need model of {}: no covariance (collinear variables?); drawing coefficients"
                  + " independently from their standard errors",
              s.service());
        }
        fitted.add(
            new CoefficientDraws.ServiceModel(
                s.service(), s.estimate(), CoefficientDraws.factorOrDiagonal(cov, s.errors())));
      }
      Dataset<Row> draws =
          CoefficientDraws.draws(ctx.spark(), fitted, variables.size() + 1, n, seed);
      // Kept, not recomputed: the formula per draw reads each of them more than once (the stream
      // shares, the blend, the national totals), and they are sums over areas x draws (England:
      // 54 million rows for the services) that come to a few rows per place and draw. Kept frames
      // are read through their caches alone: each query over the formula would otherwise analyse
      // again the plans that made them, a linear predictor per service with seeded draws in it.
      Dataset<Row> serviceDraws =
          kept.keep(
              PlaceUncertainty.placeServiceDraws(
                  frame,
                  draws,
                  variables,
                  models.supplyMeans(),
                  NeedModelStage.MORTALITY_RATIO,
                  k,
                  seed,
                  true));
      Dataset<Row> hiDraws =
          kept.keep(
              PlaceUncertainty.placeHiDraws(
                  hiAreas, draws.select(CoefficientDraws.DRAW).distinct(), k, seed, true));
      Dataset<Row> perDraw =
          PlaceUncertainty.placeStreamDraws(
              serviceDraws,
              hiDraws,
              shares(ctx),
              ServiceShares.names(cfg.get(ConfigKeys.PMC_SERVICES)),
              cfg.getDouble(ConfigKeys.HI_WEIGHT_CORE),
              cfg.getDouble(ConfigKeys.HI_WEIGHT_PMC),
              streamPlace);
      Dataset<Row> point =
          streamPlace
              .select(
                  StreamWeightedPopulationTable.ICB_CODE,
                  StreamWeightedPopulationTable.PLACE_CODE,
                  StreamWeightedPopulationTable.STREAM,
                  StreamWeightedPopulationTable.NEED_INDEX_ICB,
                  StreamWeightedPopulationTable.NEED_INDEX_ENGLAND)
              .join(
                  SliceIo.table(ctx, PlaceTargetsTable.TABLE)
                      .select(
                          PlaceTargetsTable.ICB_CODE,
                          PlaceTargetsTable.PLACE_CODE,
                          PlaceTargetsTable.STREAM,
                          PlaceTargetsTable.TARGET_SHARE,
                          PlaceTargetsTable.TARGET_GBP,
                          PlaceTargetsTable.DISTRIBUTABLE_GBP),
                  new String[] {Columns.ICB_CODE, Columns.PLACE_CODE, AllocationColumns.STREAM},
                  "left");
      double width = cfg.getDouble(ConfigKeys.UNCERTAINTY_CAUTION_WIDTH);
      Dataset<Row> limits =
          kept.keep(
              PlaceUncertainty.intervals(
                  perDraw, point, n, cfg.getDouble(ConfigKeys.UNCERTAINTY_CONFIDENCE), width));
      long written = SliceIo.write(ctx, PlaceUncertaintyTable.TABLE, limits);
      summarise(ctx, limits, written, width, n);
    }
  }

  private static void summarise(
      StageContext ctx, Dataset<Row> out, long total, double width, int n) {
    Dataset<Row> caution = out.where(col(PlaceUncertaintyTable.IS_CAUTION));
    long count = caution.count();
    List<Row> named =
        caution
            .orderBy(col(PlaceUncertaintyTable.NEED_INDEX_ICB_WIDTH).desc())
            .select(
                PlaceUncertaintyTable.PLACE_CODE,
                PlaceUncertaintyTable.STREAM,
                PlaceUncertaintyTable.NEED_INDEX_ICB_LOWER,
                PlaceUncertaintyTable.NEED_INDEX_ICB_UPPER)
            .limit(NAMED_IN_SUMMARY)
            .collectAsList();
    StringBuilder line =
        new StringBuilder(
            String.format(
                "uncertainty: %d draws; %d of %d place-streams have a need_index_icb interval"
                    + " wider than %s",
                n, count, total, width));
    if (count > 0) {
      line.append(": treat with caution ");
      List<String> names = new ArrayList<>();
      for (Row r : named) {
        names.add(
            String.format(
                "%s %s [%.3f, %.3f]",
                r.getString(0), r.getString(1), r.getDouble(2), r.getDouble(3)));
      }
      line.append(String.join("; ", names));
      if (count > named.size()) {
        line.append("; and ").append(count - named.size()).append(" more (see place_uncertainty)");
      }
    }
    ctx.summary(line.toString());
  }

  private static Dataset<Row> shares(StageContext ctx) {
    FairshareConfig cfg = ctx.config();
    Map<String, Double> configured = ServiceShares.parse(cfg.get(ConfigKeys.SERVICE_SHARES));
    return configured.isEmpty()
        ? ServiceShares.fromSpend(
            SliceIo.input(ctx, Spend.CONTRACT).where(col(Spend.YEAR).equalTo(cfg.dataYear())))
        : ServiceShares.fromMap(ctx.spark(), configured);
  }

  /** One service's model as recorded in need_model_coefficients, terms in {@link Models}' order. */
  record ServiceFit(
      String service, String family, double dispersion, double[] estimate, Double[] errors) {}

  /** The models of a run: variables (sorted by name) and each service's fit. */
  record Models(
      List<String> variables, Map<String, Double> supplyMeans, Map<String, ServiceFit> services) {}

  /** Returns the models of need_model_coefficients (collects one row per service and term). */
  static Models models(Dataset<Row> coefficients) {
    List<Row> rows = coefficients.collectAsList();
    TreeMap<String, Boolean> variables = new TreeMap<>();
    Map<String, Double> supplyMeans = new LinkedHashMap<>();
    for (Row r : rows) {
      String term = r.getAs(NeedModelCoefficientsTable.TERM);
      if (!term.equals(NeedModelCoefficientsTable.INTERCEPT)) {
        variables.put(term, true);
        if (r.<Boolean>getAs(NeedModelCoefficientsTable.IS_SUPPLY)) {
          supplyMeans.put(term, r.getAs(NeedModelCoefficientsTable.SUPPLY_MEAN));
        }
      }
    }
    List<String> terms = new ArrayList<>(variables.keySet());
    terms.add(NeedModelCoefficientsTable.INTERCEPT);
    Map<String, ServiceFit> services = new TreeMap<>();
    for (Row r : rows) {
      String service = r.getAs(NeedModelCoefficientsTable.SERVICE);
      ServiceFit fit =
          services.computeIfAbsent(
              service,
              s ->
                  new ServiceFit(
                      s,
                      r.getAs(NeedModelCoefficientsTable.FAMILY),
                      r.<Double>getAs(NeedModelCoefficientsTable.DISPERSION),
                      new double[terms.size()],
                      new Double[terms.size()]));
      int i = terms.indexOf(r.<String>getAs(NeedModelCoefficientsTable.TERM));
      fit.estimate()[i] = r.getAs(NeedModelCoefficientsTable.COEFFICIENT);
      fit.errors()[i] = r.getAs(NeedModelCoefficientsTable.STANDARD_ERROR);
    }
    return new Models(List.copyOf(variables.keySet()), supplyMeans, services);
  }
}
