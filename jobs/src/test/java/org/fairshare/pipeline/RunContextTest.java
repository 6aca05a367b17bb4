package org.fairshare.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.columnar.InMemoryRelation;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.fairshare.SparkTestBase;
import org.fairshare.config.FairshareConfig;
import org.fairshare.output.Warehouse;
import org.fairshare.schema.Columns;
import org.fairshare.schema.Envelopes;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.Spend;
import org.fairshare.schema.Staging;
import org.fairshare.spark.CachedLeaf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

class RunContextTest extends SparkTestBase {
  private static final OutputTable STG_SPEND = Staging.table(Spend.CONTRACT);

  @TempDir Path dir;

  @Test
  void aSliceWrittenIsReadFromMemoryAndReachesTheWarehouseOnlyWhenPersisted() {
    FairshareConfig cfg = FairshareConfig.of(Map.of("warehouse.path", dir.toString()));
    Warehouse warehouse = new Warehouse(spark, cfg.warehouse());
    warehouse.create(STG_SPEND);
    RunContext ctx = new RunContext(spark, cfg, warehouse, "run-1");
    assertThat(ctx.write(STG_SPEND, spend(10.0))).isEqualTo(1);

    Dataset<Row> first = ctx.read(STG_SPEND);
    assertThat(ctx.read(STG_SPEND)).isSameAs(first);
    assertThat(first.schema().fieldNames()).containsExactly(STG_SPEND.schema().fieldNames());
    assertThat(warehouse.read(STG_SPEND.name()).count()).isZero();
    assertThat(ctx.rowsWritten()).isEmpty();

    ctx.write(STG_SPEND, spend(20.0));
    Dataset<Row> afterRewrite = ctx.read(STG_SPEND);
    assertThat(afterRewrite.first().<java.math.BigDecimal>getAs(Spend.SPEND_GBP))
        .isEqualByComparingTo("20");

    ctx.persist();
    assertThat(ctx.rowsWritten()).containsExactly(Map.entry(STG_SPEND.name(), 1L));
    Row written = warehouse.read(STG_SPEND.name()).first();
    assertThat(written.<java.math.BigDecimal>getAs(Spend.SPEND_GBP)).isEqualByComparingTo("20");
    assertThat(written.<String>getAs(Columns.FINANCIAL_YEAR)).isEqualTo(cfg.financialYear());

    ctx.release();
  }

  @Test
  void aSliceWrittenAndKeptIsReadFromTheCacheItWasWrittenFromWithTheColumnsOfTheTable() {
    FairshareConfig cfg = FairshareConfig.of(Map.of("warehouse.path", dir.toString()));
    Warehouse warehouse = new Warehouse(spark, cfg.warehouse());
    warehouse.create(STG_SPEND);
    RunContext ctx = new RunContext(spark, cfg, warehouse, "run-1");
    // As ingest hands over its validated rows: a cache holding rejected rows too, and a flag.
    Dataset<Row> validated =
        spend(10.0)
            .withColumn("_rejected", functions.lit(false))
            .unionByName(spend(99.0).withColumn("_rejected", functions.lit(true)))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> accepted =
        CachedLeaf.of(spark, validated).filter("not _rejected").drop("_rejected");

    ctx.writeAndKeep(List.of(new StageContext.KeptWrite(STG_SPEND, accepted, validated)));

    Dataset<Row> kept = ctx.read(STG_SPEND);
    assertThat(kept.schema().fieldNames()).containsExactly(STG_SPEND.schema().fieldNames());
    assertThat(kept.collectAsList()).hasSize(1);
    Row row = kept.first();
    assertThat(row.<String>getAs(Columns.FINANCIAL_YEAR)).isEqualTo(cfg.financialYear());
    assertThat(row.<String>getAs(Columns.SCENARIO)).isEqualTo(cfg.scenario());
    assertThat(row.<java.math.BigDecimal>getAs(Spend.SPEND_GBP)).isEqualByComparingTo("10");
    // The rows are not cached a second time, and the plan that made them is not carried into
    // later queries: the only leaf under the kept rows is the cache they were written from.
    assertThat(isKept(kept)).isFalse();
    List<LogicalPlan> leaves =
        CollectionConverters.asJava(kept.queryExecution().analyzed().collectLeaves());
    assertThat(leaves).hasSize(1).first().isInstanceOf(InMemoryRelation.class);
    InMemoryRelation cache = (InMemoryRelation) leaves.get(0);
    assertThat(cache.cacheBuilder().isCachedColumnBuffersLoaded()).isTrue();

    ctx.persist();
    assertThat(ctx.rowsWritten()).containsEntry(STG_SPEND.name(), 1L);
    assertThat(warehouse.read(STG_SPEND.name()).count()).isEqualTo(1);
    ctx.release();
    assertThat(isKept(validated)).isFalse();
  }

  @Test
  void whenOneOfSeveralTablesFailsToPersistTheOthersAreWrittenAndTheFailureIsThrown() {
    FairshareConfig cfg = FairshareConfig.of(Map.of("warehouse.path", dir.toString()));
    Warehouse warehouse = new Warehouse(spark, cfg.warehouse());
    OutputTable notCreated = Staging.table(Envelopes.CONTRACT);
    warehouse.create(STG_SPEND);
    RunContext ctx = new RunContext(spark, cfg, warehouse, "run-1");
    ctx.write(notCreated, envelope());
    ctx.write(STG_SPEND, spend(10.0));

    assertThatThrownBy(ctx::persist).hasMessageContaining(notCreated.name());

    assertThat(ctx.rowsWritten()).containsOnlyKeys(STG_SPEND.name());
    assertThat(warehouse.read(STG_SPEND.name()).count()).isEqualTo(1);
    ctx.release();
  }

  @Test
  void aFailedRunPersistsOnlyTheTablesItChooses() {
    FairshareConfig cfg = FairshareConfig.of(Map.of("warehouse.path", dir.toString()));
    Warehouse warehouse = new Warehouse(spark, cfg.warehouse());
    OutputTable envelopes = Staging.table(Envelopes.CONTRACT);
    warehouse.createAll(List.of(STG_SPEND, envelopes));
    RunContext ctx = new RunContext(spark, cfg, warehouse, "run-1");
    ctx.write(envelopes, envelope());
    ctx.write(STG_SPEND, spend(10.0));

    ctx.persist(t -> t.equals(STG_SPEND));

    assertThat(warehouse.read(STG_SPEND.name()).count()).isEqualTo(1);
    assertThat(warehouse.read(envelopes.name()).count()).isZero();
    ctx.release();
  }

  private static boolean isKept(Dataset<Row> rows) {
    return !rows.storageLevel().equals(StorageLevel.NONE());
  }

  private static Dataset<Row> spend(double amount) {
    return spark
        .range(1)
        .selectExpr(
            "'ICB1' as " + Spend.ORGANISATION_CODE,
            "'emergency_admissions' as " + Spend.SERVICE,
            "2024 as " + Spend.YEAR,
            amount + " as " + Spend.SPEND_GBP);
  }

  private static Dataset<Row> envelope() {
    return spark
        .range(1)
        .selectExpr(
            "'ICB1' as " + Envelopes.ICB_CODE,
            "'2025-26' as " + Envelopes.ENVELOPE_YEAR,
            "'core' as " + Envelopes.STREAM,
            "1000.0 as " + Envelopes.ENVELOPE_GBP);
  }
}
