package org.fairshare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.fairshare.cli.ExitCodes;
import org.fairshare.cli.Main;
import org.fairshare.generate.GeneratorOptions;
import org.fairshare.generate.SyntheticEngland;
import org.fairshare.output.Warehouse;
import org.fairshare.schema.RunLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety and concurrency over the smallest generated England (CSV): the pipeline is started
 * as a child JVM and killed with SIGKILL at chosen commits, then the warehouse must be readable at
 * each table's last commit, run_log must show the run unfinished, and the next run must succeed;
 * two runs at once on one warehouse must both succeed in separate slices, or one must fail with a
 * conflict message, never corrupting a table.
 */
@Tag("process")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashAndConcurrencyTest extends SparkTestBase {
  @TempDir static Path dir;
  private static Path data;
  private static Path warehouse;

  @BeforeAll
  static void generate() {
    data = dir.resolve("data");
    warehouse = dir.resolve("warehouse");
    SyntheticEngland.generate(
        spark,
        new GeneratorOptions(GeneratorOptions.MIN_AREAS, 11L, 1, 2024, "2025-26", 1.0, "csv"),
        data);
  }

  private static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.sorted().toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
    return to;
  }

  // With staging written: its tables are the largest a run writes, and their kill points the first.
  private static String[] args(String command, Path wh, String... more) {
    String[] all = java.util.Arrays.copyOf(more, more.length + 2);
    all[more.length] = "--set";
    all[more.length + 1] = "output.persist_staging=true";
    return SharedRun.args(command, data, wh, all);
  }

  private static List<Row> runLog(Path wh) {
    return new Warehouse(spark, wh)
        .read(RunLog.TABLE.name())
        .orderBy(functions.col(RunLog.STARTED_AT))
        .collectAsList();
  }

  /**
   * Asserts that every table reads at its latest commit: the log's newest version is the one a
   * reader sees, and its files are all there (a count reads every file).
   */
  private static void assertEveryTableReadable(Path wh) {
    Warehouse w = new Warehouse(spark, wh);
    for (String t : w.tableNames()) {
      long versions = ChildRuns.commits(wh.resolve(t));
      Row last =
          io.delta.tables.DeltaTable.forPath(spark, wh.resolve(t).toString()).history(1).first();
      assertThat(last.getLong(last.fieldIndex("version"))).as(t).isEqualTo(versions - 1);
      assertThat(w.read(t).count()).as(t).isNotNegative();
    }
  }

  /** Asserts that a staging table holds none or all of the input's rows, never part of them. */
  private static void assertWholeOrEmpty(Path wh, String table, long all) {
    Warehouse w = new Warehouse(spark, wh);
    if (w.exists(table)) {
      assertThat(w.read(table).count()).as(table).isIn(0L, all);
    }
  }

  @Test
  @Order(1)
  void aRunKilledMidWriteLeavesEveryTableAtItsLastCommitAndIsShownUnfinished() throws Exception {
    long population = GeneratorOptions.MIN_AREAS * 91L * 2;
    // Kill one: during ingest, once the first staging table has committed.
    Path log1 = dir.resolve("kill1.log");
    Process first = ChildRuns.start(log1, args("run", warehouse));
    try {
      assertThat(ChildRuns.awaitWrite(first, warehouse.resolve("stg_geography"), 0))
          .as(ChildRuns.log(log1))
          .isTrue();
    } finally {
      ChildRuns.kill(first);
    }
    assertEveryTableReadable(warehouse);
    assertWholeOrEmpty(warehouse, "stg_population", population);
    List<Row> runs = runLog(warehouse);
    assertThat(runs).hasSize(1);
    assertThat((String) runs.get(0).getAs(RunLog.STATUS)).isEqualTo(RunLog.RUNNING);
    assertThat((Object) runs.get(0).getAs(RunLog.ENDED_AT)).isNull();

    // Kill two: mid-allocation, once the need model's first results have committed.
    Path log2 = dir.resolve("kill2.log");
    long before = ChildRuns.writes(warehouse.resolve("weighted_population_area"));
    Process second = ChildRuns.start(log2, args("run", warehouse));
    try {
      assertThat(
              ChildRuns.awaitWrite(second, warehouse.resolve("weighted_population_area"), before))
          .as(ChildRuns.log(log2))
          .isTrue();
    } finally {
      ChildRuns.kill(second);
    }
    assertEveryTableReadable(warehouse);
    assertWholeOrEmpty(warehouse, "stg_population", population);
    runs = runLog(warehouse);
    assertThat(runs).hasSize(2);
    assertThat(runs)
        .allSatisfy(r -> assertThat((String) r.getAs(RunLog.STATUS)).isEqualTo(RunLog.RUNNING));
  }

  @Test
  @Order(2)
  void afterACrashTheNextRunSucceedsAlongsideAnotherScenarioRunningAtTheSameTime()
      throws Exception {
    // A second scenario runs in a child JVM while this JVM reruns the killed baseline.
    Path log = dir.resolve("other-scenario.log");
    Process other = ChildRuns.start(log, args("run", warehouse, "--set", "run.scenario=other"));
    int here;
    int there;
    try {
      here = Main.execute(args("run", warehouse));
      there = ChildRuns.await(other);
    } finally {
      ChildRuns.killAlive(other);
    }
    assertThat(here).isEqualTo(ExitCodes.OK);
    assertThat(there).as(ChildRuns.log(log)).isEqualTo(ExitCodes.OK);

    assertEveryTableReadable(warehouse);
    Warehouse w = new Warehouse(spark, warehouse);
    for (String scenario : List.of("baseline", "other")) {
      assertThat(
              w.read("place_allocations")
                  .where(functions.col("scenario").equalTo(scenario))
                  .count())
          .as(scenario)
          .isPositive();
      assertThat(
              w.read("stg_population").where(functions.col("scenario").equalTo(scenario)).count())
          .as(scenario)
          .isEqualTo(GeneratorOptions.MIN_AREAS * 91L * 2);
    }
    List<Row> runs = runLog(warehouse);
    assertThat(runs).hasSize(4);
    assertThat(runs.stream().filter(r -> RunLog.SUCCEEDED.equals(r.getAs(RunLog.STATUS))))
        .hasSize(2);
    assertThat(runs.stream().filter(r -> RunLog.RUNNING.equals(r.getAs(RunLog.STATUS)))).hasSize(2);
  }

  /** Returns each input's SHA-256 as run_log recorded it for the latest run. */
  private static Map<String, String> inputChecksums(Path wh) {
    Row last =
        new Warehouse(spark, wh)
            .read(RunLog.TABLE.name())
            .orderBy(functions.col(RunLog.STARTED_AT).desc())
            .first();
    Map<String, String> sums = new TreeMap<>();
    for (Row input : last.<Row>getList(last.fieldIndex(RunLog.INPUTS))) {
      sums.put(input.getAs(RunLog.INPUT_DATASET), input.getAs(RunLog.INPUT_SHA256));
    }
    return sums;
  }

  @Test
  @Order(3)
  void aChangedInputChangesItsChecksumInRunLogAndNoOther() throws IOException {
    Map<String, String> before = inputChecksums(warehouse);
    Path changed = copyTree(data, dir.resolve("changed-data"));
    Path file;
    try (Stream<Path> files = Files.list(changed.resolve("spend"))) {
      file = files.filter(f -> f.toString().endsWith(".csv")).sorted().findFirst().orElseThrow();
    }
    // One more blank line: no row changes, but the bytes do. Spark wrote the file with a .crc
    // beside it, which an edit outdates: remove it as anyone editing such a file must.
    Files.writeString(file, "\n", StandardOpenOption.APPEND);
    Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
    Path wh = dir.resolve("changed-warehouse");
    assertThat(Main.execute(SharedRun.args("validate", changed, wh))).isEqualTo(ExitCodes.OK);
    Map<String, String> after = inputChecksums(wh);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach(
        (dataset, sum) -> {
          if (dataset.equals("spend")) {
            assertThat(after.get(dataset)).as(dataset).isNotEqualTo(sum);
          } else {
            assertThat(after.get(dataset)).as(dataset).isEqualTo(sum);
          }
        });
  }

  @Test
  @Order(4)
  void twoFreshRunsOfOneSliceAtOnceBothSucceedOrOneFailsWithAConflictAndNoTableIsCorrupt()
      throws Exception {
    // Both create every table of a fresh warehouse at once, then replace the same slice.
    Path fresh = dir.resolve("fresh");
    Path logA = dir.resolve("a.log");
    Path logB = dir.resolve("b.log");
    Process a = ChildRuns.start(logA, args("validate", fresh));
    Process b = ChildRuns.start(logB, args("validate", fresh));
    int exitA;
    int exitB;
    try {
      exitA = ChildRuns.await(a);
      exitB = ChildRuns.await(b);
    } finally {
      ChildRuns.killAlive(a, b);
    }
    String logs = ChildRuns.log(logA) + ChildRuns.log(logB);

    assertThat(List.of(exitA, exitB)).as(logs).containsAnyOf(ExitCodes.OK);
    for (int exit : List.of(exitA, exitB)) {
      assertThat(exit).as(logs).isIn(ExitCodes.OK, ExitCodes.RUNTIME);
    }
    if (exitA != ExitCodes.OK || exitB != ExitCodes.OK) {
      assertThat(logs).contains("conflict: another run wrote the same table slice");
    }
    assertEveryTableReadable(fresh);
    Warehouse w = new Warehouse(spark, fresh);
    // One slice, written whole by one run: as many rule rows as a single validation writes.
    long rules = w.read("data_quality").count();
    assertThat(w.read("data_quality").select("dataset", "rule_id").distinct().count())
        .isEqualTo(rules);
    List<Row> runs = runLog(fresh);
    assertThat(runs).hasSize(2);
    long succeeded =
        runs.stream().filter(r -> RunLog.SUCCEEDED.equals(r.getAs(RunLog.STATUS))).count();
    assertThat(succeeded)
        .isEqualTo(List.of(exitA, exitB).stream().filter(e -> e == ExitCodes.OK).count());
  }

  /** Returns the rows of a table's baseline slice, in a canonical order. */
  private static List<Row> baselineRows(Path wh, String table) {
    var rows =
        new Warehouse(spark, wh).read(table).where(functions.col("scenario").equalTo("baseline"));
    return rows.orderBy(rows.columns()[0], rows.columns()).collectAsList();
  }

  @Test
  @Order(5)
  void aRunKilledDuringRunLogsClosingWriteLeavesItWholeAndTheNextRunMatchesACleanOne()
      throws Exception {
    List<Row> clean = baselineRows(warehouse, "place_allocations");
    Path runLogTable = warehouse.resolve(RunLog.TABLE.name());
    // A run's opening write to run_log adds one data file; its closing MERGE rewrites that row
    // into another, written a moment before the commit that makes it the table's.
    long files = ChildRuns.dataFiles(runLogTable);
    long allocations = ChildRuns.writes(warehouse.resolve("place_allocations"));
    Path log = dir.resolve("kill-closing.log");
    Process child = ChildRuns.start(log, args("run", warehouse));
    try {
      assertThat(ChildRuns.awaitDataFiles(child, runLogTable, files + 2))
          .as(ChildRuns.log(log))
          .isTrue();
    } finally {
      ChildRuns.kill(child);
    }
    // The kill came at the run's end, not at its opening write.
    assertThat(ChildRuns.writes(warehouse.resolve("place_allocations"))).isGreaterThan(allocations);
    assertEveryTableReadable(warehouse);
    List<Row> runs = runLog(warehouse);
    Row killed = runs.get(runs.size() - 1);
    // Killed before the commit: still running, with no end; after it: succeeded, whole.
    if (RunLog.RUNNING.equals(killed.getAs(RunLog.STATUS))) {
      assertThat((Object) killed.getAs(RunLog.ENDED_AT)).isNull();
    } else {
      assertThat((String) killed.getAs(RunLog.STATUS)).isEqualTo(RunLog.SUCCEEDED);
      assertThat((Object) killed.getAs(RunLog.ENDED_AT)).isNotNull();
      assertThat(killed.getJavaMap(killed.fieldIndex(RunLog.ROWS_WRITTEN))).isNotEmpty();
    }

    assertThat(Main.execute(args("run", warehouse))).isEqualTo(ExitCodes.OK);
    assertEveryTableReadable(warehouse);
    assertThat(baselineRows(warehouse, "place_allocations")).isEqualTo(clean);
  }

  /** Returns each table's latest Delta version and row count. */
  private static Map<String, List<Long>> versionsAndCounts(Path wh) {
    Warehouse w = new Warehouse(spark, wh);
    Map<String, List<Long>> state = new TreeMap<>();
    for (String t : w.tableNames()) {
      Row last =
          io.delta.tables.DeltaTable.forPath(spark, wh.resolve(t).toString()).history(1).first();
      state.put(t, List.of(last.getLong(last.fieldIndex("version")), w.read(t).count()));
    }
    return state;
  }

  @Test
  @Order(6)
  void aRunThatFillsTheDiskFailsWithOneLineNamingTheTableFolderAndLeavesEveryTableWhole()
      throws Exception {
    Path disk = dir.resolve("small-disk");
    try (Tmpfs tmpfs = Tmpfs.mount(disk, 64L << 20)) {
      // validate, not run: it writes quarantine, data_quality and run_log through the same
      // writers as a run, at a fraction of a run's cost. The first makes the tables; the second,
      // with room left for a quarter of what the first wrote, opens its run_log row and runs out
      // of space part way through replacing the slices.
      Path wh = disk.resolve("warehouse");
      assertThat(Main.execute(args("validate", wh))).isEqualTo(ExitCodes.OK);
      Map<String, List<Long>> before = versionsAndCounts(wh);
      tmpfs.fillLeaving(Tmpfs.pagesUsed(wh) / 4);
      Path log = dir.resolve("full-disk.log");
      Process child = ChildRuns.start(log, args("validate", wh));
      boolean ended;
      try {
        ended = child.waitFor(20, java.util.concurrent.TimeUnit.MINUTES);
      } finally {
        ChildRuns.killAlive(child);
      }
      String stderr = ChildRuns.log(log);
      assertThat(ended).as(stderr).isTrue();
      assertThat(child.exitValue()).as(stderr).isEqualTo(ExitCodes.RUNTIME);
      List<String> said = stderr.lines().filter(l -> l.startsWith("fairshare:")).toList();
      assertThat(said).as(stderr).hasSize(1);
      assertThat(said.get(0))
          .as(stderr)
          .contains("disk full: no space left on device writing " + wh + "/");
      assertThat(stderr).as("no stack trace").doesNotContainPattern("(?m)^\\s+at ");

      // Same inputs, same rows: a table the run committed to before the disk filled holds what
      // it held, at a later version; the others read at the first run's version.
      assertEveryTableReadable(wh);
      Map<String, List<Long>> after = versionsAndCounts(wh);
      assertThat(after.keySet()).isEqualTo(before.keySet());
      for (String t : before.keySet()) {
        assertThat(after.get(t).get(0)).as(t).isGreaterThanOrEqualTo(before.get(t).get(0));
        if (!t.equals(RunLog.TABLE.name())) {
          assertThat(after.get(t).get(1)).as(t).isEqualTo(before.get(t).get(1));
        }
      }
      // The disk filled after the run began, not at its start: run_log gained its row, marked
      // failed if there was room left to say so.
      List<Row> runs = runLog(wh);
      assertThat(runs).hasSize(before.get(RunLog.TABLE.name()).get(1).intValue() + 1);
      assertThat((String) runs.get(runs.size() - 1).getAs(RunLog.STATUS))
          .isIn(RunLog.FAILED, RunLog.RUNNING);
    }
  }
}
