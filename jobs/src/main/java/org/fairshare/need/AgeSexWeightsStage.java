package org.fairshare.need;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.config.ConfigKeys;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.AgeSexWeightsTable;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.Spend;

/** Writes age_sex_weights from the data year's population, activity and spend. */
public final class AgeSexWeightsStage implements Stage {

  @Override
  public String name() {
    return "age_sex_weights";
  }

  @Override
  public List<OutputTable> outputs() {
    return List.of(AgeSexWeightsTable.TABLE);
  }

  @Override
  public void run(StageContext ctx) {
    Dataset<Row> population = NeedStageInputs.population(ctx);
    Dataset<Row> activity = NeedStageInputs.activity(ctx);
    Dataset<Row> spend =
        SliceIo.input(ctx, Spend.CONTRACT).where(col(Spend.YEAR).equalTo(ctx.config().dataYear()));
    Dataset<Row> costPerEvent = AgeSexWeights.costPerEvent(spend, activity);
    SliceIo.write(
        ctx,
        AgeSexWeightsTable.TABLE,
        AgeSexWeights.weights(
            population, activity, costPerEvent, ctx.config().get(ConfigKeys.AGE_BANDS)));
  }
}
