package org.fairshare.allocation;

import java.util.List;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.need.SliceIo;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.PlaceAllocationsTable;
import org.fairshare.schema.PlaceTargetsTable;

/** Writes place_allocations: the convergence path of every ICB's places from the place targets. */
public final class PaceOfChangeStage implements Stage {

  @Override
  public String name() {
    return "pace_of_change";
  }

  @Override
  public List<OutputTable> outputs() {
    return List.of(PlaceAllocationsTable.TABLE);
  }

  @Override
  public void run(StageContext ctx) {
    FairshareConfig cfg = ctx.config();
    SliceIo.write(
        ctx,
        PlaceAllocationsTable.TABLE,
        PlaceAllocations.allocations(
            SliceIo.table(ctx, PlaceTargetsTable.TABLE),
            parameters(cfg),
            cfg.getInt(ConfigKeys.POC_YEARS),
            cfg.getDouble(ConfigKeys.POC_ENVELOPE_GROWTH),
            cfg.financialYear()));
  }

  /** Returns the convergence settings of the configuration. */
  public static PaceOfChange.Parameters parameters(FairshareConfig cfg) {
    return new PaceOfChange.Parameters(
        cfg.getDouble(ConfigKeys.POC_FLOOR_GROWTH),
        cfg.getDouble(ConfigKeys.POC_TAPER_START),
        cfg.getDouble(ConfigKeys.POC_TAPER_END),
        cfg.getDouble(ConfigKeys.POC_GROWTH_ABOVE_TAPER),
        cfg.getDouble(ConfigKeys.POC_MAX_UNDER_TARGET),
        cfg.getDouble(ConfigKeys.POC_GAP_CLOSURE));
  }
}
