package org.fairshare.allocation;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.fairshare.need.SliceIo;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.AllocationWaterfallTable;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.PlaceAllocationsTable;
import org.fairshare.schema.StreamWeightedPopulationTable;

/** Writes allocation_waterfall for the run's year. */
public final class WaterfallStage implements Stage {

  @Override
  public String name() {
    return "allocation_waterfall";
  }

  @Override
  public List<OutputTable> outputs() {
    return List.of(AllocationWaterfallTable.TABLE);
  }

  @Override
  public void run(StageContext ctx) {
    SliceIo.write(
        ctx,
        AllocationWaterfallTable.TABLE,
        Waterfall.waterfall(
            SliceIo.table(ctx, StreamWeightedPopulationTable.TABLE),
            SliceIo.table(ctx, PlaceAllocationsTable.TABLE)
                .where(col(PlaceAllocationsTable.PATH_YEAR).equalTo(1))));
  }
}
