package org.fairshare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fairshare.cli.Main;

/**
 * Starts {@code fairshare} commands as child JVMs over the test classpath, so a test can kill one
 * mid-write (SIGKILL: {@link Process#destroyForcibly} on Linux) or run two at once.
 */
final class ChildRuns {
  private ChildRuns() {}

  /** Returns a started child running the CLI with these arguments; stderr goes to {@code log}. */
  static Process start(Path log, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // The surefire JVM's module openings, system properties and JIT flags; not its heap or
      // agents.
      if (a.startsWith("--add-opens") || a.startsWith("-D") || a.startsWith("-XX:")) {
        command.add(a);
      }
    }
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    // Cheap Spark settings for tiny data, as the tests' own session uses.
    command.addAll(
        List.of(
            "--set", "spark.master=local[2]",
            "--set", "spark.sql.shuffle.partitions=2",
            "--set", "spark.ui.enabled=false",
            "--set", "spark.databricks.delta.snapshotPartitions=2",
            "--set", "spark.sql.adaptive.enabled=false"));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.redirectError(log.toFile());
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the number of commits in a Delta table's log (0 when it has none yet). */
  static long commits(Path table) {
    Path log = table.resolve("_delta_log");
    if (!Files.isDirectory(log)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(log)) {
      return files.filter(f -> f.getFileName().toString().matches("[0-9]{20}\\.json")).count();
    } catch (IOException e) {
      // The log is being written; the next poll sees it.
      return 0;
    }
  }

  /** Returns the number of data writes (not creations or constraints) in a table's log. */
  static long writes(Path table) {
    Path log = table.resolve("_delta_log");
    if (!Files.isDirectory(log)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(log)) {
      long n = 0;
      for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        if (Files.readString(f).contains("\"operation\":\"WRITE\"")) {
          n++;
        }
      }
      return n;
    } catch (IOException e) {
      // The log is being written; the next poll sees it.
      return 0;
    }
  }

  /**
   * Waits until the table has more than {@code writes} data writes, or the child ends; returns true
   * when the commit came first. A generous deadline stops a hung child from hanging the build.
   */
  static boolean awaitWrite(Process child, Path table, long writes) throws InterruptedException {
    long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (writes(table) > writes) {
        return true;
      }
      if (!child.isAlive()) {
        return writes(table) > writes;
      }
      Thread.sleep(100);
    }
    return false;
  }

  /** Returns the number of Parquet data files directly in a table's folder (0 when none yet). */
  static long dataFiles(Path table) {
    try (Stream<Path> files = Files.list(table)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count();
    } catch (IOException e) {
      // The folder is being written; the next poll sees it.
      return 0;
    }
  }

  /**
   * Waits until an unpartitioned table's folder holds {@code count} data files, or the child ends;
   * returns true when the files came first. Polls often: a MERGE writes its data files a moment
   * before its commit, and a kill is meant to land in that moment.
   */
  static boolean awaitDataFiles(Process child, Path table, long count) throws InterruptedException {
    long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (dataFiles(table) >= count) {
        return true;
      }
      if (!child.isAlive()) {
        return dataFiles(table) >= count;
      }
      Thread.sleep(5);
    }
    return false;
  }

  /** Kills the child with SIGKILL and waits for it to die. */
  static void kill(Process child) throws InterruptedException {
    child.destroyForcibly();
    child.waitFor();
  }

  /** Kills whichever of the children still run, so a failed test leaves no process behind. */
  static void killAlive(Process... children) throws InterruptedException {
    for (Process p : children) {
      if (p != null && p.isAlive()) {
        kill(p);
      }
    }
  }

  /** Waits for the child and returns its exit code. */
  static int await(Process child) throws InterruptedException {
    return child.waitFor();
  }

  /** Returns what the child wrote to stderr. */
  static String log(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
