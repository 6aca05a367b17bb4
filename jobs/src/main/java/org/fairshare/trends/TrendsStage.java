package org.fairshare.trends;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.Columns;
import org.fairshare.schema.InequalityIndicators;
import org.fairshare.schema.InequalitySummary;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.TrendsTable;

/**
 * Writes trends: the indicators and inequality gaps of every financial year of the run's scenario
 * in the warehouse, up to and including the run's year, with the change since the first year. Runs
 * last, after this year's indicators are written.
 */
public final class TrendsStage implements Stage {

  @Override
  public String name() {
    return "trends";
  }

  @Override
  public List<OutputTable> outputs() {
    return List.of(TrendsTable.TABLE);
  }

  @Override
  public void run(StageContext ctx) {
    FairshareConfig cfg = ctx.config();
    double alpha = cfg.getDouble(ConfigKeys.TRENDS_SIGNIFICANCE_LEVEL);
    Dataset<Row> indicators = upToThisYear(ctx.readEverySlice(InequalityIndicators.TABLE), cfg);
    Dataset<Row> summary = upToThisYear(ctx.readEverySlice(InequalitySummary.TABLE), cfg);
    Dataset<Row> trends =
        Trends.ofIndicators(indicators, alpha)
            .unionByName(
                Trends.ofSummary(summary, cfg.getDouble(ConfigKeys.INEQUALITY_CONFIDENCE), alpha));
    long rows = ctx.write(TrendsTable.TABLE, trends);
    List<String> years =
        indicators
            .select(Columns.FINANCIAL_YEAR)
            .distinct()
            .orderBy(Columns.FINANCIAL_YEAR)
            .as(Encoders.STRING())
            .collectAsList();
    ctx.summary(
        String.format(
            "trends: %d rows over financial years %s of scenario %s", rows, years, cfg.scenario()));
  }

  private static Dataset<Row> upToThisYear(Dataset<Row> rows, FairshareConfig cfg) {
    return rows.where(
        col(Columns.SCENARIO)
            .equalTo(cfg.scenario())
            .and(col(Columns.FINANCIAL_YEAR).leq(cfg.financialYear())));
  }
}
