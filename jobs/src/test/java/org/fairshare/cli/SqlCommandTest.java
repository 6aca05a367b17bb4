package org.fairshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.RunLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@code bin/fairshare sql} over a warehouse of two small Delta tables: the hostile-SQL corpus
 * (src/test/resources/hostile-sql/cases.csv) must be refused with one line on stderr and exit 2,
 * printing nothing, or answered; and a query opens only the tables it names.
 */
class SqlCommandTest extends SparkTestBase {

  @TempDir static Path root;

  private static Path warehouse;

  /** One corpus line: {@code message} is text the error line (refused) or stdout (ok) holds. */
  record Case(String name, String query, String outcome, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A command's exit code and what it printed. */
  record Result(int exit, String out, List<String> errLines) {}

  @BeforeAll
  static void twoTables() {
    warehouse = root.resolve("warehouse");
    writePlaceTargets(warehouse);
    StructType icbs =
        new StructType()
            .add("icb_code", DataTypes.StringType)
            .add("target_gbp", DataTypes.DoubleType);
    rows(icbs, new Object[] {"I1", 30.0}, new Object[] {"I2", 5.0})
        .write()
        .format("delta")
        .save(warehouse.resolve("icb_targets").toString());
  }

  private static void writePlaceTargets(Path warehouse) {
    StructType places =
        new StructType()
            .add("place_code", DataTypes.StringType)
            .add("icb_code", DataTypes.StringType)
            .add("target_gbp", DataTypes.DoubleType);
    rows(
            places,
            new Object[] {"P1", "I1", 10.0},
            new Object[] {"P2", "I1", 20.0},
            new Object[] {"P3", "I2", 5.0})
        .write()
        .format("delta")
        .save(warehouse.resolve("place_targets").toString());
  }

  @AfterEach
  void dropViews() {
    for (String view :
        List.of("place_targets", "icb_targets", "broken", "run_log", LatestRuns.NAME)) {
      spark.catalog().dropTempView(view);
    }
  }

  static Stream<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in =
        Objects.requireNonNull(
            SqlCommandTest.class.getResourceAsStream("/hostile-sql/cases.csv"))) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        List<String> f = csvFields(line);
        assertThat(f).as(line).hasSize(4);
        assertThat(f.get(2)).as(line).isIn("refused", "ok");
        cases.add(new Case(f.get(0), f.get(1), f.get(2), f.get(3)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedWithOneLineAndExitTwoOrAnswered(Case c) {
    Result r = run("sql", "--warehouse", warehouse.toString(), c.query());
    if (c.outcome().equals("refused")) {
      assertThat(r.exit()).as("exit code; stdout: " + r.out()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.out()).as("stdout").isEmpty();
      assertThat(r.errLines()).as("stderr").hasSize(1);
      assertThat(r.errLines().get(0)).contains(c.message());
    } else {
      assertThat(r.exit()).as("exit code; stderr: " + r.errLines()).isEqualTo(ExitCodes.OK);
      assertThat(r.out()).contains(c.message());
    }
  }

  @Test
  void aQueryFailingAsItRunsIsTheUsersToFixInSparksWordsLessTheSettingSqlRefuses() {
    Result r = run("sql", "--warehouse", warehouse.toString(), "select 1 / 0 as x");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines())
        .containsExactly(
            "fairshare: the query failed as it ran: [DIVIDE_BY_ZERO] Division by zero. Use"
                + " `try_divide` to tolerate divisor being 0 and return NULL instead.");
  }

  @Test
  void corpusHasTheCasesItPromises() throws IOException {
    assertThat(cases().filter(c -> c.outcome().equals("refused")).count()).isGreaterThan(10);
    assertThat(cases().filter(c -> c.outcome().equals("ok")).count()).isGreaterThan(3);
  }

  @Test
  void aQueryOpensOnlyTheTablesItNames() throws IOException {
    Path wh = root.resolve("with-a-broken-table");
    writePlaceTargets(wh);
    // A table whose log cannot be read: opening it fails, so the query must not open it.
    Path log = Files.createDirectories(wh.resolve("broken").resolve("_delta_log"));
    Files.writeString(log.resolve("00000000000000000000.json"), "{not json");

    Result r = run("sql", "--warehouse", wh.toString(), "select count(*) as n from place_targets");

    assertThat(r.exit()).as("stderr: " + r.errLines()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("3");
    assertThat(spark.catalog().tableExists("broken")).isFalse();
  }

  @Test
  void anEmptyWarehouseSaysWhereItLookedAndHowToPointElsewhere() {
    Path nowhere = root.resolve("no-warehouse-here");
    for (String[] args :
        List.of(
            new String[] {"sql", "--warehouse", nowhere.toString(), "select * from run_log"},
            new String[] {"tables", "--warehouse", nowhere.toString()},
            new String[] {"history", "--warehouse", nowhere.toString(), "run_log"})) {
      Result r = run(args);
      assertThat(r.exit()).as(args[0]).isEqualTo(ExitCodes.USAGE);
      assertThat(r.errLines()).as(args[0]).hasSize(1);
      assertThat(r.errLines().get(0))
          .as(args[0])
          .contains(nowhere.toString(), "no such folder", "--warehouse DIR");
    }
  }

  @Test
  void historyOfAnUnknownTableSuggestsTheClosestName() {
    Result r = run("history", "--warehouse", warehouse.toString(), "icb_target");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).contains("did you mean icb_targets?");
  }

  @Test
  void tablesListsEachTablesRowsAndVersionFromItsLogWithoutASparkJob() throws Exception {
    Path wh = root.resolve("listed");
    writePlaceTargets(wh);
    String table = wh.resolve("place_targets").toString();
    spark.read().format("delta").load(table).write().format("delta").mode("append").save(table);
    java.util.concurrent.atomic.AtomicInteger jobs =
        new java.util.concurrent.atomic.AtomicInteger();
    org.apache.spark.scheduler.SparkListener counter =
        new org.apache.spark.scheduler.SparkListener() {
          @Override
          public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart job) {
            jobs.incrementAndGet();
          }
        };
    spark.sparkContext().addSparkListener(counter);
    Result r;
    try {
      r = run("tables", "--warehouse", wh.toString());
      spark.sparkContext().listenerBus().waitUntilEmpty(60_000L);
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }

    assertThat(r.exit()).as("stderr: " + r.errLines()).isEqualTo(ExitCodes.OK);
    // Two appends of three rows: version 1, six rows.
    assertThat(r.out().lines().filter(l -> l.startsWith("place_targets")))
        .singleElement()
        .satisfies(l -> assertThat(l.split("\\s+")).startsWith("place_targets", "6", "1"));
    assertThat(jobs.get()).isZero();
  }

  /**
   * A warehouse whose run_log holds, per slice (financial year, scenario): two succeeded runs; a
   * succeeded run then one that failed before writing; a succeeded run then one still marked
   * running; a succeeded run then one that failed while writing place_targets; only a failed run.
   */
  private static Path warehouseWithRuns() {
    Path wh = root.resolve("with-runs");
    if (Files.isDirectory(wh)) {
      return wh;
    }
    writePlaceTargets(wh);
    Map<String, Long> diagnostics = Map.of("quarantine", 3L, "data_quality", 40L);
    Map<String, Long> written = Map.of("place_targets", 3L, "data_quality", 40L);
    rows(
            RunLog.SCHEMA,
            runLogRow("r1", "2025-26", "baseline", RunLog.SUCCEEDED, 1, written),
            runLogRow("r2", "2025-26", "baseline", RunLog.SUCCEEDED, 2, written),
            runLogRow("r3", "2025-26", "hi15", RunLog.SUCCEEDED, 1, written),
            runLogRow("r4", "2025-26", "hi15", RunLog.FAILED, 2, diagnostics),
            runLogRow("r5", "2024-25", "baseline", RunLog.SUCCEEDED, 1, written),
            runLogRow("r6", "2024-25", "baseline", RunLog.RUNNING, 2, null),
            runLogRow("r7", "2024-25", "hi15", RunLog.SUCCEEDED, 1, written),
            runLogRow("r8", "2024-25", "hi15", RunLog.FAILED, 2, written),
            runLogRow("r9", "2023-24", "baseline", RunLog.FAILED, 1, diagnostics))
        .write()
        .format("delta")
        .save(wh.resolve(RunLog.TABLE.name()).toString());
    return wh;
  }

  /**
   * Returns a run_log row started at hour h of a day, and ended half an hour later unless running.
   */
  private static Object[] runLogRow(
      String runId, String year, String scenario, String status, int h, Map<String, Long> rows) {
    Timestamp started = Timestamp.valueOf(LocalDateTime.of(2026, 12, 1, h, 0));
    Timestamp ended = Timestamp.valueOf(LocalDateTime.of(2026, 12, 1, h, 30));
    return new Object[] {
      runId,
      year,
      scenario,
      status,
      started,
      status.equals(RunLog.RUNNING) ? null : ended,
      "hash",
      "run.scenario=" + scenario,
      "test",
      List.of(),
      rows,
      null,
      null
    };
  }

  @Test
  void latestRunsIsEachSlicesNewestSucceededRunWhileTheTablesHoldItWhole() {
    Path wh = warehouseWithRuns();

    Result r =
        run(
            "sql",
            "--warehouse",
            wh.toString(),
            "--format",
            "csv",
            "select * from latest_runs order by financial_year, scenario");

    assertThat(r.exit()).as("stderr: " + r.errLines()).isEqualTo(ExitCodes.OK);
    assertThat(r.out().lines())
        .containsExactly(
            "financial_year,scenario,run_id,ended_at",
            "2025-26,baseline,r2,2026-12-01 02:30:00.0",
            "2025-26,hi15,r3,2026-12-01 01:30:00.0");
  }

  @Test
  void latestRunsJoinsTheTablesAndIsOpenedOnlyWhenAQueryNamesIt() {
    Path wh = warehouseWithRuns();

    Result plain = run("sql", "--warehouse", wh.toString(), "select count(*) from place_targets");
    assertThat(plain.exit()).as("stderr: " + plain.errLines()).isEqualTo(ExitCodes.OK);
    assertThat(spark.catalog().tableExists(LatestRuns.NAME)).isFalse();
    assertThat(spark.catalog().tableExists(RunLog.TABLE.name())).isFalse();

    Result joined =
        run(
            "sql",
            "--warehouse",
            wh.toString(),
            "--format",
            "csv",
            "select r.run_id, count(*) as places from place_targets p cross join latest_runs r"
                + " where r.scenario = 'baseline' group by r.run_id");
    assertThat(joined.exit()).as("stderr: " + joined.errLines()).isEqualTo(ExitCodes.OK);
    assertThat(joined.out().lines()).containsExactly("run_id,places", "r2,3");
    assertThat(wh.resolve(LatestRuns.NAME)).doesNotExist();
  }

  @Test
  void latestRunsIsListedWithTheTablesAndSuggestedForACloseName() {
    Path wh = warehouseWithRuns();

    Result shown = run("sql", "--warehouse", wh.toString(), "show tables");
    assertThat(shown.exit()).as("stderr: " + shown.errLines()).isEqualTo(ExitCodes.OK);
    assertThat(shown.out()).contains(LatestRuns.NAME);

    Result typo = run("sql", "--warehouse", wh.toString(), "select * from latest_run");
    assertThat(typo.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(typo.errLines()).singleElement().asString().contains("did you mean latest_runs?");
  }

  @Test
  void latestRunsWithoutARunLogSaysWhatItReads() {
    Result r = run("sql", "--warehouse", warehouse.toString(), "select * from latest_runs");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines())
        .singleElement()
        .asString()
        .contains("latest_runs reads run_log", warehouse.toString(), "bin/fairshare run");
  }

  @Test
  void theNotebookSqlInTheSchedulingDocsMakesTheSameView() throws IOException {
    Path wh = warehouseWithRuns();
    String docs =
        Files.readString(
            Path.of(System.getProperty("fairshare.repo.root", ".."), "docs", "scheduling.md"));
    int start = docs.indexOf("```sql\n") + "```sql\n".length();
    String block = docs.substring(start, docs.indexOf("```", start));
    assertThat(block.replaceAll("\\s+", " "))
        .contains(LatestRuns.SQL.replaceAll("\\s+", " ").strip() + ";");

    for (String statement : block.split(";")) {
      if (!statement.isBlank()) {
        spark.sql(statement.replace("/path/to/warehouse", wh.toString()));
      }
    }
    List<String> rows =
        spark.table(LatestRuns.NAME).orderBy("financial_year", "scenario").collectAsList().stream()
            .map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2))
            .toList();

    assertThat(rows).containsExactly("2025-26 baseline r2", "2025-26 hi15 r3");
  }

  /** Runs the CLI capturing stdout and stderr, and restores any Spark setting it changed. */
  private static Result run(String... args) {
    Map<String, String> settings = settings();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = Main.execute(args);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
      restore(settings);
    }
    List<String> errLines =
        err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    // The row count a table answer ends with is not an error line.
    if (exit == ExitCodes.OK) {
      errLines = errLines.stream().filter(l -> !l.matches("\\(.*rows.*\\)")).toList();
    }
    return new Result(exit, out.toString(StandardCharsets.UTF_8), errLines);
  }

  private static Map<String, String> settings() {
    return new HashMap<>(CollectionConverters.asJava(spark.conf().getAll()));
  }

  private static void restore(Map<String, String> before) {
    Map<String, String> now = settings();
    for (Map.Entry<String, String> e : now.entrySet()) {
      String key = e.getKey();
      if (!spark.conf().isModifiable(key) || e.getValue().equals(before.get(key))) {
        continue;
      }
      if (before.containsKey(key)) {
        spark.conf().set(key, before.get(key));
      } else {
        spark.conf().unset(key);
      }
    }
  }

  /** Returns the fields of one RFC 4180 line: commas inside quotes, quotes doubled. */
  private static List<String> csvFields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
