package org.fairshare.uncertainty;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.aggregate.HashAggregateExec;
import org.apache.spark.sql.execution.columnar.InMemoryTableScanExec;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.fairshare.SharedRun;
import org.fairshare.SparkTestBase;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.ConfigLoader;
import org.fairshare.output.Warehouse;
import org.fairshare.pipeline.RunContext;
import org.fairshare.schema.Columns;
import org.fairshare.schema.PlaceUncertaintyTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

@Tag("pipeline")
class UncertaintyStageTest extends SparkTestBase {
  @TempDir Path dir;

  /** The grouping of {@link PlaceUncertainty#placeServiceDraws}: areas x draws summed per place. */
  private static final List<String> SERVICE_DRAWS =
      List.of(Columns.PLACE_CODE, Columns.SERVICE, PlaceUncertainty.DRAW);

  @Test
  void theServiceDrawsAreComputedOnceThoughReadSeveralTimesAndTheSummaryCountsTheRowsWritten()
      throws Exception {
    SharedRun run = SharedRun.get();
    Path warehouse = run.copyWarehouse(dir.resolve("warehouse"));
    var cfg =
        ConfigLoader.load(
            Files.isRegularFile(ConfigLoader.DEFAULT_FILE) ? ConfigLoader.DEFAULT_FILE : null,
            Map.of(ConfigKeys.DATA_DIR.name(), run.data().toString()));
    List<SparkPlan> executed = Collections.synchronizedList(new ArrayList<>());
    QueryExecutionListener listener =
        new QueryExecutionListener() {
          @Override
          public void onSuccess(String function, QueryExecution qe, long durationNs) {
            executed.add(qe.executedPlan());
          }

          @Override
          public void onFailure(String function, QueryExecution qe, Exception exception) {}
        };
    RunContext ctx =
        new RunContext(spark, cfg, new Warehouse(spark, warehouse), "uncertainty-rerun");
    spark.listenerManager().register(listener);
    try {
      new UncertaintyStage().run(ctx);
      spark.sparkContext().listenerBus().waitUntilEmpty(60_000L);
    } finally {
      spark.listenerManager().unregister(listener);
    }

    // Each query computes what its plan holds outside cached relations; a cached relation's own
    // plan is computed once, however many queries scan it.
    Set<SparkPlan> caches = Collections.newSetFromMap(new IdentityHashMap<>());
    int computations = 0;
    synchronized (executed) {
      for (SparkPlan plan : executed) {
        computations += serviceDrawSums(plan, caches);
      }
    }
    assertThat(computations).isEqualTo(1);

    Dataset<Row> written = ctx.read(PlaceUncertaintyTable.TABLE);
    long cautions = written.where(col(PlaceUncertaintyTable.IS_CAUTION)).count();
    assertThat(ctx.summaryLines())
        .anySatisfy(
            line ->
                assertThat(line).contains(cautions + " of " + written.count() + " place-streams"));
  }

  /** Counts the final aggregations into service draws in the plan, each cache's plan once. */
  private static int serviceDrawSums(SparkPlan plan, Set<SparkPlan> caches) {
    if (plan instanceof InMemoryTableScanExec scan) {
      SparkPlan cached = scan.relation().cachedPlan();
      return caches.add(cached) ? serviceDrawSums(cached, caches) : 0;
    }
    int n = 0;
    if (plan instanceof HashAggregateExec agg
        && agg.requiredChildDistributionExpressions().isDefined()
        && CollectionConverters.asJava(agg.groupingExpressions()).stream()
            .map(e -> e.name())
            .toList()
            .equals(SERVICE_DRAWS)) {
      n++;
    }
    for (SparkPlan child : CollectionConverters.asJava(plan.children())) {
      n += serviceDrawSums(child, caches);
    }
    return n;
  }
}
