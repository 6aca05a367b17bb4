package org.fairshare.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.assertj.core.data.Offset;
import org.fairshare.SparkTestBase;
import org.fairshare.cli.ExitCodes;
import org.fairshare.cli.Main;
import org.fairshare.generate.GeneratorOptions;
import org.fairshare.generate.SyntheticEngland;
import org.fairshare.output.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark-submit jar on a real Spark standalone cluster (a master and two workers on loopback,
 * child processes of this test) writes the same tables as a local run of the same inputs. Runs in
 * the integration-test phase, after the jar is packaged.
 */
class ClusterIT extends SparkTestBase {
  private static final int AREAS = GeneratorOptions.MIN_AREAS;

  @TempDir Path dir;

  @Test
  void theSparkSubmitJarOnAStandaloneClusterWritesTheSameTablesAsALocalRun() throws Exception {
    Path jar = Path.of(System.getProperty("fairshare.spark.jar"));
    Path sparkClasspath = Path.of(System.getProperty("fairshare.spark.classpath"));
    assertThat(jar).as("run mvn package first").isRegularFile();
    List<Path> sparkJars =
        Arrays.stream(Files.readString(sparkClasspath).trim().split(java.io.File.pathSeparator))
            .map(Path::of)
            .toList();
    List<String> flags =
        Arrays.stream(System.getProperty("fairshare.jvm.flags").trim().split("\\s+")).toList();
    Path data = dir.resolve("data");
    SyntheticEngland.generate(
        spark, new GeneratorOptions(AREAS, 11L, 1, 2024, "2025-26", 1.0, "parquet"), data);
    Path local = dir.resolve("warehouse-local");
    Path remote = dir.resolve("warehouse-cluster");
    Path workDir = Path.of(System.getProperty("user.dir"));
    Path submitLog = dir.resolve("submit.log");

    try (LocalCluster cluster = new LocalCluster(dir.resolve("cluster"), sparkJars, flags)) {
      cluster.start();
      Process submit =
          cluster.submit(
              jar,
              "org.fairshare.cli.Main",
              workDir,
              submitLog,
              "run",
              "--data-dir",
              data.toString(),
              "--warehouse",
              remote.toString());
      // The local run overlaps the cluster's: the machine has two cores and both wait on I/O.
      assertThat(
              Main.execute("run", "--data-dir", data.toString(), "--warehouse", local.toString()))
          .isEqualTo(ExitCodes.OK);
      boolean ended = submit.waitFor(20, TimeUnit.MINUTES);
      assertThat(ended).as("spark-submit ended:\n" + LocalCluster.tail(submitLog, 40)).isTrue();
      assertThat(submit.exitValue())
          .as("spark-submit exit code:\n" + LocalCluster.tail(submitLog, 60))
          .isEqualTo(ExitCodes.OK);
      assertThat(Files.readString(submitLog)).contains("succeeded");
    }

    Warehouse localTables = new Warehouse(spark, local);
    Warehouse clusterTables = new Warehouse(spark, remote);
    assertThat(clusterTables.tableNames()).isEqualTo(localTables.tableNames());
    for (String table : localTables.tableNames()) {
      if (table.equals("run_log")) {
        continue;
      }
      assertSameRows(table, sorted(localTables.read(table)), sorted(clusterTables.read(table)));
    }
    assertThat(clusterTables.read("run_log").where("status = 'succeeded'").count()).isEqualTo(1);
  }

  private static List<Row> sorted(Dataset<Row> df) {
    return df.orderBy(df.columns()[0], df.columns()).collectAsList();
  }

  /** Asserts equal rows; doubles may differ in their last bits (another summation order). */
  private static void assertSameRows(String table, List<Row> expected, List<Row> actual) {
    assertThat(actual).as(table + " row count").hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      Row e = expected.get(i);
      Row a = actual.get(i);
      for (int f = 0; f < e.length(); f++) {
        Object ev = e.get(f);
        Object av = a.get(f);
        String where = table + " row " + i + " column " + e.schema().fields()[f].name();
        if (ev instanceof Double d && av instanceof Double ad) {
          assertThat(ad).as(where).isCloseTo(d, Offset.offset(1e-9 * Math.max(1.0, Math.abs(d))));
        } else {
          assertThat(av).as(where).isEqualTo(ev);
        }
      }
    }
  }
}
