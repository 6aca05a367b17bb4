package org.fairshare.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.aggregate.BaseAggregateExec;
import org.apache.spark.sql.execution.columnar.CachedRDDBuilder;
import org.apache.spark.sql.execution.columnar.InMemoryRelation;
import org.apache.spark.sql.execution.joins.BaseJoinExec;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.fairshare.SharedRun;
import org.fairshare.SparkTestBase;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.ConfigLoader;
import org.fairshare.config.FairshareConfig;
import org.fairshare.equity.EquityStage;
import org.fairshare.inequality.IndicatorsStage;
import org.fairshare.need.NeedModelStage;
import org.fairshare.output.Warehouse;
import org.fairshare.uncertainty.UncertaintyStage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Stages that keep a frame for several queries read it through its cache alone. A query's logical
 * plan is analysed whole before a cache stands in for part of it, so a query over a kept frame
 * would otherwise analyse again the plan that made it: joins, aggregations and, in uncertainty, a
 * linear predictor per service. That work does not shrink with the data (uncertainty took 21.5 s on
 * 60 areas with it, 11.6 s without).
 */
@Tag("pipeline")
class CachedFramesTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void noQueryAnalysesAgainThePlanOfAFrameAStageKeeps() throws Exception {
    SharedRun run = SharedRun.get();
    Path warehouse = run.copyWarehouse(dir.resolve("warehouse"));
    FairshareConfig cfg =
        ConfigLoader.load(
            Files.isRegularFile(ConfigLoader.DEFAULT_FILE) ? ConfigLoader.DEFAULT_FILE : null,
            Map.of(
                ConfigKeys.DATA_DIR.name(),
                run.data().toString(),
                // need_model saves its models under the warehouse the configuration names.
                ConfigKeys.WAREHOUSE.name(),
                warehouse.toString()));
    Map<String, Integer> reanalysed = new LinkedHashMap<>();
    Map<String, Integer> queries = new LinkedHashMap<>();
    for (Stage stage :
        List.of(
            new NeedModelStage(),
            new UncertaintyStage(),
            new IndicatorsStage(),
            new EquityStage())) {
      List<QueryExecution> executed = rerun(stage, cfg, warehouse);
      queries.put(stage.name(), executed.size());
      reanalysed.put(
          stage.name(),
          (int) executed.stream().filter(CachedFramesTest::analysesAKeptFramesPlan).count());
    }

    assertThat(queries.values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(reanalysed).allSatisfy((stage, n) -> assertThat(n).as(stage).isZero());
  }

  /** Runs the stage on the warehouse; returns the queries it ran. */
  private List<QueryExecution> rerun(Stage stage, FairshareConfig cfg, Path warehouse)
      throws Exception {
    List<QueryExecution> executed = Collections.synchronizedList(new ArrayList<>());
    QueryExecutionListener listener =
        new QueryExecutionListener() {
          @Override
          public void onSuccess(String function, QueryExecution qe, long durationNs) {
            executed.add(qe);
          }

          @Override
          public void onFailure(String function, QueryExecution qe, Exception exception) {}
        };
    spark.listenerManager().register(listener);
    try {
      stage.run(
          new RunContext(spark, cfg, new Warehouse(spark, warehouse), stage.name() + "-rerun"));
      spark.sparkContext().listenerBus().waitUntilEmpty(60_000L);
    } finally {
      spark.listenerManager().unregister(listener);
    }
    synchronized (executed) {
      return List.copyOf(executed);
    }
  }

  /**
   * Whether Spark replaced part of the query's analysed plan by a cache that holds a join or an
   * aggregation: a frame computed by the run, not a read of a table kept in its stable order.
   */
  private static boolean analysesAKeptFramesPlan(QueryExecution qe) {
    Set<CachedRDDBuilder> readAsLeaves = Collections.newSetFromMap(new IdentityHashMap<>());
    caches(qe.analyzed()).forEach(r -> readAsLeaves.add(r.cacheBuilder()));
    return caches(qe.withCachedData()).stream()
        .filter(r -> !readAsLeaves.contains(r.cacheBuilder()))
        .anyMatch(r -> joinsOrAggregates(r.cacheBuilder().cachedPlan()));
  }

  private static List<InMemoryRelation> caches(LogicalPlan plan) {
    List<InMemoryRelation> found = new ArrayList<>();
    if (plan instanceof InMemoryRelation cache) {
      found.add(cache);
    }
    for (LogicalPlan child : CollectionConverters.asJava(plan.children())) {
      found.addAll(caches(child));
    }
    return found;
  }

  private static boolean joinsOrAggregates(SparkPlan plan) {
    return plan instanceof BaseAggregateExec
        || plan instanceof BaseJoinExec
        || CollectionConverters.asJava(plan.children()).stream()
            .anyMatch(CachedFramesTest::joinsOrAggregates);
  }
}
