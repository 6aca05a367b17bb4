package org.fairshare.allocation;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.need.ServiceShares;
import org.fairshare.need.SliceIo;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.AllocationChecksTable;
import org.fairshare.schema.HoldbacksTable;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.PlaceAllocationsTable;
import org.fairshare.schema.Spend;

/**
 * The last allocation stage: writes allocation_checks (MHIS, primary-care ring-fence, envelope
 * reconciliation), adds a reconciliation line per ICB to the run summary, and fails the run if any
 * ICB's allocations and hold-backs differ from its envelope by as much as a penny.
 */
public final class AllocationChecksStage implements Stage {

  @Override
  public String name() {
    return "allocation_checks";
  }

  @Override
  public List<OutputTable> outputs() {
    return List.of(AllocationChecksTable.TABLE);
  }

  @Override
  public void run(StageContext ctx) {
    FairshareConfig cfg = ctx.config();
    Dataset<Row> allocations =
        SliceIo.table(ctx, PlaceAllocationsTable.TABLE)
            .where(col(PlaceAllocationsTable.PATH_YEAR).equalTo(1));
    Dataset<Row> holdbacks = SliceIo.table(ctx, HoldbacksTable.TABLE);
    Dataset<Row> envelopes = TargetsStage.envelopes(ctx);
    Dataset<Row> reconciliation =
        AllocationChecks.envelopeReconciliation(allocations, holdbacks, envelopes);
    Dataset<Row> checks =
        AllocationChecks.mentalHealthInvestmentStandard(
                SliceIo.input(ctx, Spend.CONTRACT),
                ServiceShares.names(cfg.get(ConfigKeys.MENTAL_HEALTH_SERVICES)),
                cfg.dataYear(),
                allocations)
            .unionByName(AllocationChecks.primaryCareRingFence(allocations, holdbacks, envelopes))
            .unionByName(reconciliation);
    SliceIo.write(ctx, AllocationChecksTable.TABLE, checks);
    reconcile(ctx, reconciliation);
  }

  /**
   * Adds one summary line per ICB and stream; throws if any does not reconcile to the penny.
   * Collects one row per ICB and stream (a few dozen).
   */
  static void reconcile(StageContext ctx, Dataset<Row> reconciliation) {
    List<Row> rows =
        reconciliation
            .orderBy(AllocationChecksTable.ICB_CODE, AllocationChecksTable.STREAM)
            .collectAsList();
    int failed = 0;
    for (Row r : rows) {
      boolean ok = Boolean.TRUE.equals(r.getAs(AllocationChecksTable.IS_PASSED));
      failed += ok ? 0 : 1;
      ctx.summary(
          String.format(
              "reconciliation %s %s: allocated %s GBP of envelope %s GBP: %s",
              r.<String>getAs(AllocationChecksTable.ICB_CODE),
              r.<String>getAs(AllocationChecksTable.STREAM),
              r.<Object>getAs(AllocationChecksTable.AMOUNT_GBP),
              r.<Object>getAs(AllocationChecksTable.REFERENCE_GBP),
              ok ? "ok" : "MISMATCH"));
    }
    if (failed > 0) {
      throw new IllegalStateException(
          failed
              + " ICB envelope(s) do not reconcile to the penny with their place allocations;"
              + " see allocation_checks (check_name="
              + AllocationChecksTable.ENVELOPE_RECONCILIATION
              + ")");
    }
  }
}
