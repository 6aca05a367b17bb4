package org.fairshare.primarycare;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.need.SliceIo;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.GpPayments;
import org.fairshare.schema.GpPaymentsByDeprivationTable;
import org.fairshare.schema.GpPaymentsInequalityTable;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.PracticeDeprivation;
import org.fairshare.schema.Practices;
import org.fairshare.spark.KeptFrames;

/**
 * Writes gp_payments_by_deprivation and gp_payments_inequality from the published GP payments and
 * practice deprivation scores, every payment year in the input, and says in the run summary what
 * England's figures show.
 */
public final class GpPaymentsEquityStage implements Stage {

  @Override
  public String name() {
    return "gp_payments_equity";
  }

  @Override
  public List<OutputTable> outputs() {
    return List.of(GpPaymentsByDeprivationTable.TABLE, GpPaymentsInequalityTable.TABLE);
  }

  @Override
  public List<String> requiredInputs() {
    return List.of(GpPayments.DATASET, PracticeDeprivation.DATASET);
  }

  @Override
  public void run(StageContext ctx) {
    FairshareConfig cfg = ctx.config();
    Dataset<Row> practices =
        cfg.isProvided(Practices.DATASET) ? SliceIo.input(ctx, Practices.CONTRACT) : null;
    try (KeptFrames kept = new KeptFrames(ctx.spark())) {
      Dataset<Row> quintiles =
          kept.keep(
              GpPaymentsEquity.byQuintile(
                  GpPaymentsEquity.practiceQuintiles(
                      SliceIo.input(ctx, GpPayments.CONTRACT),
                      SliceIo.input(ctx, PracticeDeprivation.CONTRACT),
                      practices,
                      cfg.getInt(ConfigKeys.GP_EQUITY_IMD_VINTAGE),
                      cfg.getDouble(ConfigKeys.GP_EQUITY_MIN_WEIGHTED_PATIENTS))));
      ctx.write(GpPaymentsByDeprivationTable.TABLE, quintiles);
      Dataset<Row> sii =
          GpPaymentsEquity.inequality(
              quintiles, cfg.getInt(ConfigKeys.SII_REPETITIONS), cfg.getLong(ConfigKeys.SII_SEED));
      ctx.write(GpPaymentsInequalityTable.TABLE, sii);
    }
    summarise(ctx, ctx.read(GpPaymentsInequalityTable.TABLE));
  }

  private static void summarise(StageContext ctx, Dataset<Row> sii) {
    List<Row> england =
        sii.where(col(GpPaymentsInequalityTable.GEOGRAPHY_LEVEL).equalTo(GpPaymentsEquity.ENGLAND))
            .orderBy(col(GpPaymentsInequalityTable.PAYMENT_YEAR))
            .collectAsList();
    for (Row r : england) {
      double most = r.getAs(GpPaymentsInequalityTable.MOST_DEPRIVED_GBP);
      double least = r.getAs(GpPaymentsInequalityTable.LEAST_DEPRIVED_GBP);
      double s = r.getAs(GpPaymentsInequalityTable.SII_GBP);
      double lo = r.getAs(GpPaymentsInequalityTable.SII_LOWER_GBP);
      double hi = r.getAs(GpPaymentsInequalityTable.SII_UPPER_GBP);
      String year = r.getAs(GpPaymentsInequalityTable.PAYMENT_YEAR);
      List<Row> icbs =
          sii.where(col(GpPaymentsInequalityTable.GEOGRAPHY_LEVEL).equalTo(GpPaymentsEquity.ICB))
              .where(col(GpPaymentsInequalityTable.PAYMENT_YEAR).equalTo(year))
              .collectAsList();
      long favourLeast =
          icbs.stream()
              .filter(i -> (double) i.getAs(GpPaymentsInequalityTable.SII_LOWER_GBP) > 0)
              .count();
      long favourMost =
          icbs.stream()
              .filter(i -> (double) i.getAs(GpPaymentsInequalityTable.SII_UPPER_GBP) < 0)
              .count();
      String verdict =
          lo > 0
              ? "the most deprived fifth of practices receive less per need-weighted patient"
              : hi < 0
                  ? "the most deprived fifth of practices receive more per need-weighted patient"
                  : "no clear gradient";
      ctx.summary(
          String.format(
              "GP payments per weighted patient %s, England: most deprived fifth of practices"
                  + " GBP %.2f, least deprived GBP %.2f (ratio %.3f); SII GBP %.2f (95%% CI %.2f"
                  + " to %.2f): %s; ICBs with a significant gradient: %d against, %d in favour"
                  + " of the most deprived (of %d)",
              year,
              most,
              least,
              most / least,
              s,
              lo,
              hi,
              verdict,
              favourLeast,
              favourMost,
              icbs.size()));
    }
  }
}
