package org.fairshare.allocation;

import java.util.List;
import org.fairshare.need.AgeSexWeightsStage;
import org.fairshare.need.HealthInequalitiesStage;
import org.fairshare.need.NeedModelStage;
import org.fairshare.need.WeightedPopulationStage;
import org.fairshare.pipeline.Stage;

/** The need-weighting and allocation stages, in the order they must run (after ingest). */
public final class AllocationStages {
  private static final List<String> NEED_MODEL_INPUTS =
      List.of("population", "geography", "deprivation", "activity", "spend", "mortality", "supply");
  private static final List<String> WEIGHTED_INPUTS = with(NEED_MODEL_INPUTS, "cost_indices");

  /** The inputs (dataset names) without which no target or allocation can be computed. */
  public static final List<String> ALLOCATION_INPUTS =
      with(WEIGHTED_INPUTS, "baselines", "envelopes");

  private AllocationStages() {}

  /** Returns new instances of the stages, in order. */
  public static List<Stage> all() {
    List<String> needModel = NEED_MODEL_INPUTS;
    List<String> weighted = WEIGHTED_INPUTS;
    List<String> allocation = ALLOCATION_INPUTS;
    return List.of(
        Stage.requiring(new AgeSexWeightsStage(), List.of("population", "activity", "spend")),
        Stage.requiring(
            new HealthInequalitiesStage(), List.of("population", "geography", "mortality")),
        Stage.requiring(new NeedModelStage(), needModel),
        Stage.requiring(new WeightedPopulationStage(), weighted),
        Stage.requiring(new TargetsStage(), allocation),
        Stage.requiring(new PaceOfChangeStage(), allocation),
        Stage.requiring(new WaterfallStage(), allocation),
        Stage.requiring(new AllocationChecksStage(), allocation));
  }

  private static List<String> with(List<String> inputs, String... more) {
    List<String> all = new java.util.ArrayList<>(inputs);
    all.addAll(List.of(more));
    return List.copyOf(all);
  }
}
