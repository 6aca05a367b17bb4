package org.fairshare.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.SparkTestBase;
import org.fairshare.config.FairshareConfig;
import org.fairshare.generate.GeneratorOptions;
import org.fairshare.schema.Activity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One small scale of the benchmark, end to end: the figures it prints come from real runs. */
@Tag("pipeline")
class BenchmarkTest extends SparkTestBase {

  @Test
  void aScaleMultipliesTheAreasAndTimesThePipelineTheFloorAndDuckDbOnTheSameInputs(
      @TempDir Path work) throws Exception {
    FairshareConfig cfg = FairshareConfig.of(Map.of());
    int areas = GeneratorOptions.MIN_AREAS;
    Benchmark bench = new Benchmark(spark, cfg, work, areas, true);

    ScaleResult r = bench.run(2, line -> {});

    Path data = work.resolve("scale-2").resolve("data");
    Dataset<Row> activity =
        spark
            .read()
            .parquet(data.resolve(Activity.DATASET).toString())
            .where(col(Activity.YEAR).equalTo(cfg.dataYear()));
    assertThat(r.areas()).isEqualTo(2 * areas);
    assertThat(spark.read().parquet(data.resolve("geography").toString()).count())
        .isEqualTo(2L * areas);
    assertThat(r.activityRows()).isEqualTo(activity.count()).isPositive();
    assertThat(r.generateSeconds()).isPositive();
    assertThat(r.stageSeconds()).containsKeys("ingest", "need_model", "indicators", "equity");
    double stages = r.stageSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
    assertThat(r.pipelineSeconds()).isGreaterThanOrEqualTo(stages);
    assertThat(r.floorSeconds()).isPositive();
    assertThat(r.duckDbSeconds()).isPositive();
    assertThat(r.pipelineHeapBytes())
        .isPositive()
        .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
    assertThat(r.overFloor()).isEqualTo(r.pipelineSeconds() / r.floorSeconds());

    // DuckDB's aggregation is over the same rows as the run's: every event, once.
    long events = activity.agg(sum(Activity.EVENTS)).first().getLong(0);
    DuckDbBaseline.Result duck = DuckDbBaseline.run(data, cfg.dataYear(), 2, 1);
    assertThat(duck.observed()).isEqualTo((double) events);
    assertThat(duck.expected()).isCloseTo(events, withPercentage(1e-6));
  }
}
