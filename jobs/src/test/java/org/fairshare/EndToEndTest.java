package org.fairshare;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.fairshare.cli.ExitCodes;
import org.fairshare.cli.Main;
import org.fairshare.output.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline through the CLI over a small generated England (CSV, so hostile lines can be
 * added to it): the shared clean run, a rerun, hostile rows under and over the threshold. Writes go
 * to copies, so the shared run stays as it was.
 */
@Tag("pipeline")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest extends SparkTestBase {
  @TempDir static Path dir;
  private static Path data;
  private static Path warehouse;

  @BeforeAll
  static void copyTheSharedRun() {
    SharedRun shared = SharedRun.get();
    data = shared.copyData(dir.resolve("data"));
    warehouse = shared.copyWarehouse(dir.resolve("warehouse"));
  }

  private static int fairshare(String command, String... more) {
    return Main.execute(SharedRun.args(command, data, warehouse, more));
  }

  private static Map<String, List<Row>> contents() {
    Warehouse wh = new Warehouse(spark, warehouse);
    Map<String, List<Row>> all = new TreeMap<>();
    for (String t : wh.tableNames()) {
      if (t.equals("run_log")) {
        continue;
      }
      var df = wh.read(t);
      all.put(t, df.orderBy(df.columns()[0], df.columns()).collectAsList());
    }
    return all;
  }

  /** Returns where the rows differ, or null: every value exactly equal, doubles included. */
  private static String firstDifference(String table, List<Row> expected, List<Row> actual) {
    if (actual.size() != expected.size()) {
      return table + ": " + expected.size() + " rows before, " + actual.size() + " after";
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!actual.get(i).equals(expected.get(i))) {
        return table + " row " + i + ": " + expected.get(i) + " became " + actual.get(i);
      }
    }
    return null;
  }

  @Test
  @Order(1)
  void aCleanRunWritesEveryTableAndRejectsNothing() {
    Warehouse wh = new Warehouse(spark, warehouse);
    // The shared run asks for staging (output.persist_staging).
    assertThat(wh.tableNames()).contains("run_log", "quarantine", "data_quality", "stg_activity");
    for (String t : wh.tableNames()) {
      assertThat(warehouse.resolve(t).resolve("_delta_log")).isDirectory();
    }
    assertThat(wh.read("quarantine").count()).isZero();
    assertThat(wh.read("data_quality").where("status = 'failed'").count()).isZero();
    assertThat(wh.read("stg_population").count()).isEqualTo(SharedRun.AREAS * 91L * 2);
    var reconciliation =
        wh.read("allocation_checks").where("check_name = 'envelope_reconciliation'");
    assertThat(reconciliation.count()).isPositive();
    assertThat(reconciliation.where("not is_passed").count()).isZero();
    assertThat(wh.read("place_allocations").count()).isPositive();
  }

  @Test
  @Order(1)
  void everyCommitAfterATablesCreationNamesTheRunThatMadeIt() {
    Warehouse wh = new Warehouse(spark, warehouse);
    for (String t : wh.tableNames()) {
      long unnamed =
          DeltaTable.forPath(spark, warehouse.resolve(t).toString())
              .history()
              .where("version > 0 and coalesce(get_json_object(userMetadata, '$.run_id'), '') = ''")
              .count();
      assertThat(unnamed).as(t).isZero();
    }
  }

  @Test
  @Order(2)
  void aRerunOfTheSameConfigLeavesIdenticalContents() {
    Map<String, List<Row>> before = contents();
    assertThat(fairshare("run")).isEqualTo(ExitCodes.OK);
    Map<String, List<Row>> after = contents();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    // Every differing table, not just the first: which ones differ points at the cause.
    List<String> differences =
        before.keySet().stream()
            .map(t -> firstDifference(t, before.get(t), after.get(t)))
            .filter(d -> d != null)
            .toList();
    assertThat(differences).isEmpty();
    assertThat(
            new Warehouse(spark, warehouse).read("run_log").where("status = 'succeeded'").count())
        .isEqualTo(2);
  }

  @Test
  @Order(3)
  void hostileRowsUnderTheThresholdAreQuarantinedAndValidationPasses() throws IOException {
    Files.writeString(
        data.resolve("population").resolve("zz-hostile.csv"),
        """
        area_code,year,sex,age,persons
        XA21000001,2024,F,0,-5
        XA11000001,2024,F,0,5
        XA21999999,2024,F,0,5
        XA21000002,2024,F,0,5,oops
        """);
    Files.writeString(
        data.resolve("activity").resolve("zz-hostile.csv"),
        """
        area_code,year,sex,age,service,events
        XA21000001,2023,F,0,emergency_admissions,4
        """);
    // validate is the ingest stage alone: enough to show the rows are quarantined, cheaper than a
    // run.
    assertThat(fairshare("validate")).isEqualTo(ExitCodes.OK);
    Warehouse wh = new Warehouse(spark, warehouse);
    List<String> rules =
        wh.read("quarantine")
            .orderBy("dataset", "line_number")
            .select("rule_id")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(rules)
        .contains(
            "range_persons",
            "area_vintage_mismatch",
            "unknown_area",
            "malformed_line",
            "activity_without_population");
    // XA21000001/F/0 now has two conflicting rows: both are rejected as a duplicate key.
    assertThat(rules).contains("duplicate_key");
    long populationLines = 0;
    try (var files = Files.list(data.resolve("population"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        populationLines += Files.readAllLines(f).size() - 1;
      }
    }
    Row counts =
        wh.read("data_quality")
            .where("dataset = 'population' and rule_id = 'duplicate_key'")
            .first();
    long quarantined = wh.read("quarantine").where("dataset = 'population'").count();
    assertThat((long) counts.getAs("rows_checked")).isEqualTo(populationLines);
    // The four hostile rows, plus any clean row now sharing a key with a different hostile one.
    assertThat(quarantined).isBetween(4L, 6L);
  }

  @Test
  @Order(4)
  void overTheThresholdValidationExitsOne() {
    assertThat(fairshare("run", "--set", "validation.max_error_fraction=0"))
        .isEqualTo(ExitCodes.DATA_QUALITY);
    Row last =
        new Warehouse(spark, warehouse)
            .read("run_log")
            .orderBy(org.apache.spark.sql.functions.col("started_at").desc())
            .first();
    assertThat((String) last.getAs("status")).isEqualTo("failed");
  }
}
