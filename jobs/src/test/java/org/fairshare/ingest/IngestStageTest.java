package org.fairshare.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static scala.jdk.javaapi.CollectionConverters.asJava;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.codegen.CodegenFallback;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.functions;
import org.fairshare.SparkTestBase;
import org.fairshare.config.FairshareConfig;
import org.fairshare.output.Warehouse;
import org.fairshare.pipeline.Pipeline;
import org.fairshare.schema.Activity;
import org.fairshare.schema.DataQuality;
import org.fairshare.schema.DatasetContract;
import org.fairshare.schema.Datasets;
import org.fairshare.schema.Quarantine;
import org.fairshare.schema.RunLog;
import org.fairshare.schema.Staging;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("pipeline")
class IngestStageTest extends SparkTestBase {

  private static IngestStage stage() {
    List<DatasetContract> contracts =
        HostileInputs.CONTRACTS.stream().map(n -> Datasets.byName(n).orElseThrow()).toList();
    return new IngestStage(contracts, true);
  }

  @Test
  void underTheThresholdEveryDefectIsQuarantinedWithItsReasonAndNothingIsLost(@TempDir Path dir) {
    FairshareConfig cfg =
        HostileInputs.config(
            dir.resolve("in"),
            dir.resolve("wh"),
            Map.of("validation.max_error_fraction", "1", "output.persist_staging", "true"));
    Pipeline.run(spark, cfg, List.of(stage()));
    Warehouse wh = new Warehouse(spark, cfg.warehouse());

    Map<String, String> rejects = new HashMap<>();
    for (Row r : wh.read(Quarantine.TABLE.name()).collectAsList()) {
      rejects.put(
          r.getAs(Quarantine.DATASET) + ":" + r.getAs(Quarantine.LINE_NUMBER),
          r.getAs(Quarantine.RULE_ID));
      assertThat((String) r.getAs(Quarantine.RAW_RECORD)).isNotBlank();
      assertThat((String) r.getAs(Quarantine.SOURCE_FILE)).endsWith(".csv");
    }
    assertThat(rejects).containsExactlyInAnyOrderEntriesOf(HostileInputs.EXPECTED_REJECTS);

    Map<String, String> sources =
        Map.of(
            "geography", HostileInputs.GEOGRAPHY,
            "population", HostileInputs.POPULATION,
            "deprivation", HostileInputs.DEPRIVATION,
            "activity", HostileInputs.ACTIVITY);
    for (String dataset : HostileInputs.CONTRACTS) {
      long read = sources.get(dataset).lines().count() - 1;
      long accepted = wh.read(Staging.table(Datasets.byName(dataset).orElseThrow()).name()).count();
      long quarantined =
          wh.read(Quarantine.TABLE.name()).where("dataset = '" + dataset + "'").count();
      assertThat(accepted + quarantined).as(dataset).isEqualTo(read);
    }
  }

  @Test
  void messagesNameTheOffendingValue(@TempDir Path dir) {
    FairshareConfig cfg =
        HostileInputs.config(
            dir.resolve("in"), dir.resolve("wh"), Map.of("validation.max_error_fraction", "1"));
    Pipeline.run(spark, cfg, List.of(stage()));
    Warehouse wh = new Warehouse(spark, cfg.warehouse());
    Map<Long, String> population = new HashMap<>();
    wh.read(Quarantine.TABLE.name())
        .where("dataset = 'population'")
        .collectAsList()
        .forEach(r -> population.put(r.getAs(Quarantine.LINE_NUMBER), r.getAs(Quarantine.MESSAGE)));
    assertThat(population.get(6L)).contains("persons value -5");
    assertThat(population.get(8L)).contains("XA11000003").contains("other LSOA vintage");
    assertThat(population.get(14L)).contains("'many'");
    assertThat(population.get(7L)).contains("expected 5 fields");
  }

  @Test
  void overTheThresholdTheRunStopsNamingTheWorstRuleAndStagesNothing(@TempDir Path dir) {
    FairshareConfig cfg =
        HostileInputs.config(
            dir.resolve("in"), dir.resolve("wh"), Map.of("output.persist_staging", "true"));
    assertThatThrownBy(() -> Pipeline.run(spark, cfg, List.of(stage())))
        .isInstanceOf(DataQualityException.class)
        .hasMessageContaining("rule ")
        .hasMessageContaining("quarantine");
    Warehouse wh = new Warehouse(spark, cfg.warehouse());
    assertThat(wh.read("stg_population").count()).isZero();
    assertThat(wh.read(DataQuality.TABLE.name()).where("status = 'failed'").count()).isPositive();
    Row run = wh.read(RunLog.TABLE.name()).first();
    assertThat((String) run.getAs(RunLog.STATUS)).isEqualTo(RunLog.FAILED);
    assertThat((String) run.getAs(RunLog.MESSAGE)).contains("data quality");
  }

  @Test
  void rerunningTheSameConfigLeavesTheSameRows(@TempDir Path dir) {
    FairshareConfig cfg =
        HostileInputs.config(
            dir.resolve("in"),
            dir.resolve("wh"),
            Map.of("validation.max_error_fraction", "1", "output.persist_staging", "true"));
    Pipeline.run(spark, cfg, List.of(stage()));
    Warehouse wh = new Warehouse(spark, cfg.warehouse());
    assertThat(wh.read("stg_population").count()).isPositive();
    List<Row> first = wh.read("stg_population").orderBy("area_code", "sex", "age").collectAsList();
    List<Row> firstQ = wh.read("quarantine").orderBy("dataset", "line_number").collectAsList();
    Pipeline.run(spark, cfg, List.of(stage()));
    assertThat(wh.read("stg_population").orderBy("area_code", "sex", "age").collectAsList())
        .isEqualTo(first);
    assertThat(wh.read("quarantine").orderBy("dataset", "line_number").collectAsList())
        .isEqualTo(firstQ);
    assertThat(wh.read(RunLog.TABLE.name()).count()).isEqualTo(2);
  }

  /** Returns the hostile activity input, validated against the hostile population. */
  private static Dataset<Row> validatedActivity(Path dir) {
    FairshareConfig cfg = HostileInputs.config(dir.resolve("in"), dir.resolve("wh"), Map.of());
    Map<String, Dataset<Row>> accepted = new HashMap<>();
    for (String name : List.of("geography", "population")) {
      accepted.put(
          name,
          IngestStage.validate(
                  spark,
                  cfg,
                  Datasets.byName(name).orElseThrow(),
                  InputFiles.of(cfg.input(name)),
                  accepted)
              .filter(functions.not(functions.col(Validator.IS_QUARANTINED))));
    }
    return IngestStage.validate(
        spark, cfg, Activity.CONTRACT, InputFiles.of(cfg.input("activity")), accepted);
  }

  @Test
  void activityIsShuffledOnceForItsDuplicateKeyAndPopulationChecks(@TempDir Path dir) {
    Dataset<Row> activity = validatedActivity(dir);

    // The checks join the rows (left) to what they reference (right): the left-most path is the
    // activity rows' own lineage.
    List<String> lineage = new ArrayList<>();
    SparkPlan join = null;
    for (SparkPlan node = activity.queryExecution().executedPlan();
        !node.children().isEmpty();
        node = node.children().head()) {
      lineage.add(node.nodeName());
      if (node.nodeName().equals("SortMergeJoin")) {
        join = node;
      }
    }
    assertThat(lineage).filteredOn(n -> n.equals("Exchange")).hasSize(1);
    assertThat(lineage).filteredOn(n -> n.equals("Sort")).hasSize(1);
    assertThat(lineage).contains("SortMergeJoin", "Window");
    // Population's accepted rows are unique by the columns activity joins them on: no distinct.
    assertThat(nodeNames(join.children().last())).doesNotContain("HashAggregate");
    assertThat(activity.count()).isEqualTo(HostileInputs.ACTIVITY.lines().count() - 1);
  }

  @Test
  void theRowsIngestCachesCarryTheFileLineAndFailuresOfFailedRowsAlone(@TempDir Path dir) {
    Dataset<Row> validated = validatedActivity(dir);
    Column[] bookkeeping = {
      functions.col(InputRows.SOURCE_FILE),
      functions.col(InputRows.LINE_NUMBER),
      functions.col(InputRows.FAILURES)
    };
    List<Row> failed =
        validated
            .filter(functions.size(functions.col(InputRows.FAILURES)).gt(0))
            .select(bookkeeping)
            .collectAsList();

    Dataset<Row> cached = InputRows.forCache(validated);
    Dataset<Row> unpacked = InputRows.fromCache(cached);

    assertThat(cached.columns())
        .doesNotContain(InputRows.SOURCE_FILE, InputRows.LINE_NUMBER, InputRows.FAILURES);
    assertThat(unpacked.columns()).containsExactlyInAnyOrder(validated.columns());
    assertThat(
            unpacked
                .filter(functions.col(InputRows.FAILURES).isNotNull())
                .select(bookkeeping)
                .collectAsList())
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(failed);
    Dataset<Row> clean = unpacked.filter(functions.col(InputRows.FAILURES).isNull());
    assertThat(clean.count()).isPositive().isEqualTo(validated.count() - failed.size());
    assertThat(
            clean
                .filter(
                    functions
                        .col(InputRows.SOURCE_FILE)
                        .isNotNull()
                        .or(functions.col(InputRows.LINE_NUMBER).isNotNull()))
                .count())
        .isZero();
  }

  @Test
  void everyCheckCompilesToJavaCode(@TempDir Path dir) {
    // An expression Spark cannot compile (a lambda such as filter or exists) is evaluated row by
    // row, and so are all the expressions under it; it also takes its operator out of whole-stage
    // code generation. England's activity read took 46-49 s with the checks under one, 27 s now.
    List<String> interpreted = new ArrayList<>();
    forEachExpression(
        validatedActivity(dir).queryExecution().executedPlan(),
        (node, e) -> {
          if (e instanceof CodegenFallback) {
            interpreted.add(node.nodeName() + ": " + e.prettyName());
          }
        });
    assertThat(interpreted).isEmpty();
  }

  @Test
  void aParquetRowIsQuarantinedNamingItsOwnFileAndRow(@TempDir Path dir) throws IOException {
    FairshareConfig cfg =
        HostileInputs.config(
            dir.resolve("in"),
            dir.resolve("wh"),
            Map.of(
                "validation.max_error_fraction", "1",
                "inputs.activity.path", "activity",
                "inputs.activity.format", "parquet"));
    // The CSV's rows as typed values: its 2.5 events (a type failure in CSV) cannot be Parquet.
    List<Row> rows =
        spark
            .read()
            .option("header", "true")
            .schema(Activity.SCHEMA)
            .csv(dir.resolve("in/activity.csv").toString())
            .where("events is not null")
            .collectAsList();
    Path folder = dir.resolve("in/activity");
    Files.createDirectories(folder);
    // The second file repeats the first file's first row: an exact copy, found in another file.
    writeParquet(rows, folder.resolve("a.parquet"), dir.resolve("tmp-a"));
    writeParquet(List.of(rows.get(0)), folder.resolve("b.parquet"), dir.resolve("tmp-b"));
    Pipeline.run(spark, cfg, List.of(stage()));

    List<Row> activity =
        new Warehouse(spark, cfg.warehouse())
            .read(Quarantine.TABLE.name())
            .where("dataset = 'activity'")
            .orderBy(Quarantine.SOURCE_FILE, Quarantine.LINE_NUMBER)
            .collectAsList();
    assertThat(activity)
        .extracting(
            r -> Path.of(r.<String>getAs(Quarantine.SOURCE_FILE)).getFileName().toString(),
            r -> r.<Long>getAs(Quarantine.LINE_NUMBER),
            r -> r.<String>getAs(Quarantine.RULE_ID))
        .containsExactly(
            tuple("a.parquet", 3L, "activity_without_population"),
            tuple("b.parquet", 1L, "duplicate_row"));
  }

  private static void writeParquet(List<Row> rows, Path file, Path scratch) throws IOException {
    spark.createDataFrame(rows, Activity.SCHEMA).coalesce(1).write().parquet(scratch.toString());
    try (var parts = Files.list(scratch)) {
      Path part =
          parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().get();
      Files.move(part, file);
    }
  }

  private static void forEachExpression(SparkPlan plan, BiConsumer<SparkPlan, Expression> visit) {
    asJava(plan.expressions()).forEach(e -> forEachExpression(plan, e, visit));
    asJava(plan.children()).forEach(child -> forEachExpression(child, visit));
  }

  private static void forEachExpression(
      SparkPlan node, Expression e, BiConsumer<SparkPlan, Expression> visit) {
    visit.accept(node, e);
    asJava(e.children()).forEach(child -> forEachExpression(node, child, visit));
  }

  private static List<String> nodeNames(SparkPlan plan) {
    List<String> names = new ArrayList<>(List.of(plan.nodeName()));
    asJava(plan.children()).forEach(child -> names.addAll(nodeNames(child)));
    return names;
  }
}
