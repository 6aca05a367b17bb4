package org.fairshare.inequality;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.publish.Disclosure;
import org.fairshare.schema.Activity;
import org.fairshare.schema.Deprivation;
import org.fairshare.schema.GeographyLookup;
import org.fairshare.schema.InequalityIndicators;
import org.fairshare.schema.InequalitySummary;
import org.fairshare.schema.Mortality;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.Population;
import org.fairshare.schema.Spend;
import org.fairshare.schema.Staging;
import org.fairshare.spark.KeptFrames;

/**
 * The built-in inequality indicators of a run ({@link BuiltInIndicators}) and their summary
 * measures ({@link BuiltInSummary}), from this run's staging tables to inequality_indicators
 * (disclosure-controlled) and inequality_summary (computed from the unsuppressed values).
 */
public final class IndicatorsStage implements Stage {

  @Override
  public String name() {
    return "indicators";
  }

  @Override
  public List<OutputTable> outputs() {
    return List.of(InequalityIndicators.TABLE, InequalitySummary.TABLE);
  }

  @Override
  public void run(StageContext ctx) {
    FairshareConfig cfg = ctx.config();
    int year = cfg.dataYear();
    double confidence = cfg.getDouble(ConfigKeys.INEQUALITY_CONFIDENCE);
    Disclosure.Policy policy =
        new Disclosure.Policy(
            cfg.getLong(ConfigKeys.SUPPRESS_FROM),
            cfg.getLong(ConfigKeys.SUPPRESS_TO),
            cfg.getLong(ConfigKeys.ROUND_TO));

    Dataset<Row> areas =
        BuiltInIndicators.areaGroups(
            ctx.read(Staging.table(GeographyLookup.CONTRACT)),
            ctx.read(Staging.table(Deprivation.CONTRACT)));
    // The cells are small (places x ICBs x deciles x bands [x services]) and each is read by two
    // indicators: keeping them saves a second scan of the large population and activity tables.
    try (KeptFrames kept = new KeptFrames(ctx.spark())) {
      Dataset<Row> population =
          kept.keep(
              BuiltInIndicators.populationCells(
                  ctx.read(Staging.table(Population.CONTRACT)), areas, year));
      Dataset<Row> activity =
          kept.keep(
              BuiltInIndicators.activityCells(
                  ctx.read(Staging.table(Activity.CONTRACT)), areas, year));
      Dataset<Row> deaths =
          BuiltInIndicators.prematureDeathCells(
              ctx.read(Staging.table(Mortality.CONTRACT)), areas, year);
      Dataset<Row> spend = ctx.read(Staging.table(Spend.CONTRACT));

      Dataset<Row> indicators =
          kept.keep(
              BuiltInIndicators.activityRates(
                      BuiltInIndicators.activityStrata(population, activity), confidence)
                  .unionByName(BuiltInIndicators.prematureMortality(population, deaths, confidence))
                  .unionByName(
                      BuiltInIndicators.spendPerHead(
                          population, activity, spend, year, confidence)));
      long rows =
          ctx.write(InequalityIndicators.TABLE, BuiltInSummary.published(indicators, policy));
      long summaries =
          ctx.write(
              InequalitySummary.TABLE,
              BuiltInSummary.summary(
                  indicators,
                  confidence,
                  cfg.getInt(ConfigKeys.SII_REPETITIONS),
                  cfg.getLong(ConfigKeys.SII_SEED)));
      ctx.summary(
          "indicators: "
              + rows
              + " indicator rows (data year "
              + year
              + "), "
              + summaries
              + " summary rows");
    }
  }
}
