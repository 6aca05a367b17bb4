package org.fairshare.inequality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access to the PHEindicatormethods peer cases in {@code <repo root>/../shared/data/peer/
 * phe_indicatormethods}, and the README's tolerance rule. Tests skip loudly when the folder is
 * absent.
 */
final class PeerData {
  private PeerData() {}

  private static final Logger LOG = LoggerFactory.getLogger(PeerData.class);

  /** README: rel = |actual - expected| <= tol x |expected|, absolute floor 1e-12 at 0. */
  static final double DETERMINISTIC = 1e-8;

  static final double SIMULATION = 0.05;
  static final double LIFE_EXPECTANCY_ABS = 5e-5;

  /** Returns the peer folder, located from the system property fairshare.repo.root. */
  static Path folder() {
    String root = System.getProperty("fairshare.repo.root", ".");
    return Path.of(root)
        .toAbsolutePath()
        .normalize()
        .resolve("../shared/data/peer/phe_indicatormethods")
        .normalize();
  }

  /** Returns true when the peer folder is absent (CI without a copy of shared/). */
  static boolean absent() {
    return !Files.isDirectory(folder());
  }

  /**
   * Returns one dynamic test that is skipped, loudly: a WARN line and an assumption failure that
   * names the missing folder, so the skip shows in the test counts.
   */
  static Stream<DynamicTest> skipped() {
    String message = "PHEindicatormethods peer folder missing, peer tests SKIPPED: " + folder();
    LOG.warn(message);
    return Stream.of(
        DynamicTest.dynamicTest(
            "peer data missing: " + folder(), () -> Assumptions.assumeTrue(false, message)));
  }

  /** Returns the path of a peer file, or skips the calling test (with a WARN) when it is absent. */
  static Path file(String name) {
    Path path = folder().resolve(name);
    if (!Files.isRegularFile(path)) {
      LOG.warn("PHEindicatormethods peer file missing, peer tests SKIPPED: {}", path);
      Assumptions.assumeTrue(
          false, "PHEindicatormethods peer file missing, peer tests skipped: " + path);
    }
    return path;
  }

  /** Returns a peer CSV read with an explicit schema (header row, empty cell = null). */
  static Dataset<Row> read(SparkSession spark, String name, StructType schema) {
    return spark
        .read()
        .option("header", "true")
        .option("mode", "FAILFAST")
        .schema(schema)
        .csv(file(name).toString());
  }

  /** Returns the rows keyed by the given function (keys must be unique). */
  static Map<String, Row> byKey(Dataset<Row> rows, Function<Row, String> key) {
    List<Row> all = rows.collectAsList();
    return all.stream().collect(Collectors.toMap(key, r -> r));
  }

  /** Asserts actual within rel tol of expected; both null, or both present. */
  static void assertClose(Double actual, Double expected, double tol, String what) {
    if (expected == null) {
      assertThat(actual).as(what + " must be null").isNull();
      return;
    }
    assertThat(actual).as(what + " must be present").isNotNull();
    double allowed = Math.max(tol * Math.abs(expected), 1e-12);
    assertThat(Math.abs(actual - expected))
        .as("%s: actual %s, expected %s (rel tol %s)", what, actual, expected, tol)
        .isLessThanOrEqualTo(allowed);
  }

  /** Asserts actual within an absolute tolerance of expected; both null, or both present. */
  static void assertAbs(Double actual, Double expected, double tol, String what) {
    if (expected == null) {
      assertThat(actual).as(what + " must be null").isNull();
      return;
    }
    assertThat(actual).as(what + " must be present").isNotNull();
    assertThat(Math.abs(actual - expected))
        .as("%s: actual %s, expected %s (abs tol %s)", what, actual, expected, tol)
        .isLessThanOrEqualTo(tol);
  }

  /** Returns the named double field of a row, null when null. */
  static Double d(Row row, String field) {
    Object v = row.get(row.fieldIndex(field));
    return v == null ? null : ((Number) v).doubleValue();
  }
}
