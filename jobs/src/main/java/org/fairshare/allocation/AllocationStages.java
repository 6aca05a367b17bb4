package org.fairshare.allocation;

import java.util.List;
import org.fairshare.need.AgeSexWeightsStage;
import org.fairshare.need.HealthInequalitiesStage;
import org.fairshare.need.NeedModelStage;
import org.fairshare.need.WeightedPopulationStage;
import org.fairshare.pipeline.Stage;

/** The need-weighting and allocation stages, in the order they must run (after ingest). */
public final class AllocationStages {
  private AllocationStages() {}

  /** Returns new instances of the stages, in order. */
  public static List<Stage> all() {
    return List.of(
        new AgeSexWeightsStage(),
        new HealthInequalitiesStage(),
        new NeedModelStage(),
        new WeightedPopulationStage(),
        new TargetsStage(),
        new PaceOfChangeStage(),
        new WaterfallStage(),
        new AllocationChecksStage());
  }
}
