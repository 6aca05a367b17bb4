package org.fairshare.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.fairshare.SparkTestBase;
import org.fairshare.config.ConfigException;
import org.fairshare.config.FairshareConfig;
import org.fairshare.schema.DataQuality;
import org.fairshare.schema.DatasetContract;
import org.fairshare.schema.Datasets;
import org.fairshare.schema.GeographyLookup;
import org.fairshare.schema.Population;
import org.fairshare.schema.Quarantine;
import org.fairshare.schema.Staging;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus (src/test/resources/hostile, listed in cases.csv): every case runs
 * through the ingest stage over a tiny clean base with the case's files in place of the base's.
 * Each must either quarantine exactly the listed lines with the listed first rule, or stop with an
 * input or configuration error (which the CLI prints as one line, no trace) naming the file or key;
 * and in every case rows read = accepted + quarantined.
 */
@Tag("pipeline")
class HostileCorpusTest extends SparkTestBase {

  /**
   * One manifest line.
   *
   * @param datasets the case's dataset first, then any other dataset it needs validated
   * @param rowsRead records the case's dataset should read; null for an error, or where it depends
   *     on how the file is split (a stray quote joins the lines after it, up to the end of the
   *     split, into one quarantined record whose raw text keeps them)
   * @param outcome "ok", "error", or space-separated dataset:line=rule of every quarantined row
   * @param message a fragment the error, or the first quarantined row's message, must contain; in
   *     an ok case, a skipped file the data_quality warning must list
   */
  record Case(
      String name,
      List<String> datasets,
      Long rowsRead,
      String outcome,
      Map<String, String> settings,
      String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Path corpus() {
    try {
      return Path.of(
          Objects.requireNonNull(HostileCorpusTest.class.getResource("/hostile/cases.csv"))
              .toURI()
              .resolve("."));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Case> cases() throws IOException {
    List<String> lines = Files.readAllLines(corpus().resolve("cases.csv"), StandardCharsets.UTF_8);
    List<Case> cases = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", 6);
      Map<String, String> settings = new LinkedHashMap<>();
      for (String s : f[4].split(" ")) {
        if (!s.isBlank()) {
          settings.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        }
      }
      cases.add(
          new Case(
              f[0],
              List.of(f[1].split(" ")),
              f[2].isBlank() ? null : Long.parseLong(f[2]),
              f[3],
              settings,
              f[5]));
    }
    // -Dhostile.only=case,case runs just those (the whole corpus takes minutes).
    List<String> only = List.of(System.getProperty("hostile.only", "").split(","));
    return cases.stream().filter(c -> only.equals(List.of("")) || only.contains(c.name()));
  }

  /**
   * Returns the datasets to ingest for a case, in ingest order: its own and what they reference.
   */
  private static List<DatasetContract> contracts(Case c) {
    List<String> needed = new ArrayList<>(c.datasets());
    needed.add(GeographyLookup.DATASET);
    if (needed.contains("activity")) {
      needed.add(Population.DATASET);
    }
    return Datasets.ALL.stream().filter(d -> needed.contains(d.name())).toList();
  }

  private static FairshareConfig setUp(Case c, Path dir) throws IOException {
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("data.dir", dir.toString());
    cfg.put("warehouse.path", dir.resolve("warehouse").toString());
    cfg.put("generate.if_missing", "false");
    cfg.put("validation.max_error_fraction", "1");
    for (DatasetContract d : contracts(c)) {
      Path input = input(c, d.name());
      copy(input, dir.resolve(input.getFileName()));
      cfg.put("inputs." + d.name() + ".path", input.getFileName().toString());
      cfg.put("inputs." + d.name() + ".format", isParquet(input) ? "parquet" : "csv");
    }
    cfg.putAll(c.settings());
    return FairshareConfig.of(cfg);
  }

  /**
   * Returns the case's own input for a dataset (a file named {@code <dataset>.<extension>} or a
   * folder named {@code <dataset>}), else the base CSV.
   */
  private static Path input(Case c, String dataset) throws IOException {
    try (Stream<Path> own = Files.list(corpus().resolve(c.name()))) {
      return own.filter(
              p -> {
                String name = p.getFileName().toString();
                return name.equals(dataset) || name.startsWith(dataset + ".");
              })
          .findFirst()
          .orElse(corpus().resolve("base").resolve(dataset + ".csv"));
    }
  }

  private static boolean isParquet(Path input) throws IOException {
    try (Stream<Path> files = Files.walk(input)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
    }
  }

  /** Copies a file, or a folder with everything in it (hidden files too). */
  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachHostileInputIsQuarantinedWithItsRuleOrRefusedWithAClearError(Case c, @TempDir Path dir)
      throws IOException {
    FairshareConfig cfg = setUp(c, dir);
    IngestStage stage = new IngestStage(contracts(c), true);
    CapturingStageContext ctx = new CapturingStageContext(spark, cfg);
    String main = c.datasets().get(0);

    if (c.outcome().equals("error")) {
      String input = cfg.input(main).path().getFileName().toString();
      assertThatThrownBy(() -> stage.run(ctx))
          // The CLI prints these as one line (exit 1 or 2), never as a trace.
          .isInstanceOfAny(InputException.class, ConfigException.class)
          .hasMessageContaining(c.message())
          .satisfies(e -> assertThat(e.getMessage()).containsAnyOf(input, "inputs." + main + "."))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      // The datasets that could be read are reported, the failed one says why; none is staged.
      List<Row> dq = ctx.rows(DataQuality.TABLE.name());
      assertThat(ctx.wrote(Quarantine.TABLE.name())).as("quarantine written").isTrue();
      assertThat(dq)
          .filteredOn(r -> main.equals(r.getAs(DataQuality.DATASET)))
          .filteredOn(r -> DataQuality.FAILED.equals(r.getAs(DataQuality.STATUS)))
          .extracting(r -> r.getList(r.fieldIndex(DataQuality.SAMPLE_VALUES)).toString())
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains(c.message());
      for (DatasetContract d : contracts(c)) {
        assertThat(ctx.wrote(Staging.table(d).name())).as(d.name() + " staged").isFalse();
        if (!d.name().equals(main)) {
          assertThat(dq).extracting(r -> r.getAs(DataQuality.DATASET)).contains(d.name());
        }
      }
      return;
    }
    stage.run(ctx);

    Map<String, String> expected = new HashMap<>();
    if (!c.outcome().equals("ok")) {
      for (String token : c.outcome().split(" ")) {
        expected.put(
            token.substring(0, token.indexOf('=')), token.substring(token.indexOf('=') + 1));
      }
    }
    Map<String, String> actual = new HashMap<>();
    Map<String, String> messages = new HashMap<>();
    for (Row q : ctx.rows(Quarantine.TABLE.name())) {
      String where = q.getAs(Quarantine.DATASET) + ":" + q.getAs(Quarantine.LINE_NUMBER);
      actual.put(where, q.getAs(Quarantine.RULE_ID));
      messages.put(where, q.getAs(Quarantine.MESSAGE));
      assertThat((String) q.getAs(Quarantine.MESSAGE)).as(where).isNotBlank();
      assertThat((String) q.getAs(Quarantine.RAW_RECORD)).as(where).isNotBlank();
      assertThat((String) q.getAs(Quarantine.SOURCE_FILE))
          .endsWith(q.getAs(Quarantine.DATASET) + ".csv");
    }
    assertThat(actual).as("quarantined rows and first rules").isEqualTo(expected);
    if (!c.message().isBlank() && c.outcome().equals("ok")) {
      // An ok case's message is a file of its folder that was skipped, and listed as such.
      assertThat(ctx.rows(DataQuality.TABLE.name()))
          .filteredOn(r -> main.equals(r.getAs(DataQuality.DATASET)))
          .filteredOn(r -> DataQuality.WARNING.equals(r.getAs(DataQuality.STATUS)))
          .extracting(r -> r.getList(r.fieldIndex(DataQuality.SAMPLE_VALUES)).toString())
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains(c.message());
    } else if (!c.message().isBlank()) {
      String first = expected.keySet().stream().sorted().findFirst().orElseThrow();
      assertThat(messages.get(first)).contains(c.message());
    }

    for (DatasetContract d : contracts(c)) {
      long accepted = ctx.rows(Staging.table(d).name()).size();
      long quarantined = actual.keySet().stream().filter(k -> k.startsWith(d.name() + ":")).count();
      List<Long> checked =
          ctx.rows(DataQuality.TABLE.name()).stream()
              .filter(r -> d.name().equals(r.getAs(DataQuality.DATASET)))
              .filter(r -> !((String) r.getAs(DataQuality.RULE_ID)).startsWith("sums_to_"))
              // Counted in files, not rows.
              .filter(r -> !IngestStage.SKIPPED_FILE.equals(r.getAs(DataQuality.RULE_ID)))
              .map(r -> (Long) r.getAs(DataQuality.ROWS_CHECKED))
              .distinct()
              .toList();
      assertThat(checked).as(d.name() + " rows checked by every rule").hasSize(1);
      assertThat(accepted + quarantined)
          .as(d.name() + " accepted + quarantined")
          .isEqualTo(checked.get(0));
      if (d.name().equals(main) && c.rowsRead() != null) {
        assertThat(checked.get(0)).as(main + " rows read").isEqualTo(c.rowsRead());
      }
    }
  }
}
