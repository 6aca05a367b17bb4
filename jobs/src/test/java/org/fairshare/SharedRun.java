package org.fairshare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.fairshare.cli.ExitCodes;
import org.fairshare.cli.Main;
import org.fairshare.generate.GeneratorOptions;
import org.fairshare.generate.SyntheticEngland;
import org.fairshare.schema.Datasets;

/**
 * One full pipeline run per test JVM over a small generated England (300 areas, CSV), made on first
 * use and shared by every test that reads a finished run: a full run costs minutes even on small
 * data, so tests must not each make their own. Its data and warehouse are read-only to tests: a
 * test that writes copies them first ({@link #copyData}, {@link #copyWarehouse}).
 */
public final class SharedRun {
  public static final int AREAS = 300;
  private static SharedRun instance;

  private final Path data;
  private final Path warehouse;

  private SharedRun(Path root) {
    this.data = root.resolve("data");
    this.warehouse = root.resolve("warehouse");
  }

  /** Returns the shared run, running the pipeline on first call; fails if the run fails. */
  public static synchronized SharedRun get() {
    if (instance == null) {
      try {
        Path root = Files.createTempDirectory("fairshare-shared-run");
        SharedRun run = new SharedRun(root);
        SyntheticEngland.generate(
            SparkTestBase.spark,
            new GeneratorOptions(AREAS, 7L, 1, 2024, "2025-26", 1.0, "csv"),
            run.data);
        // With staging: tests that rerun one stage over this warehouse read its inputs there.
        int exit =
            Main.execute(
                run.args("run", run.data, run.warehouse, "--set", "output.persist_staging=true"));
        if (exit != ExitCodes.OK) {
          throw new IllegalStateException("the shared pipeline run exited " + exit);
        }
        instance = run;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** Returns the generated CSV inputs (do not modify). */
  public Path data() {
    return data;
  }

  /** Returns the finished run's warehouse (do not write to it). */
  public Path warehouse() {
    return warehouse;
  }

  /**
   * Returns CLI arguments for a command over the given inputs and warehouse: every input read as
   * CSV, then the extra arguments.
   */
  public static String[] args(String command, Path data, Path warehouse, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--data-dir", data.toString()));
    args.addAll(List.of("--warehouse", warehouse.toString()));
    for (var contract : Datasets.ALL) {
      args.addAll(List.of("--set", "inputs." + contract.name() + ".format=csv"));
    }
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** Copies the inputs into {@code target} (for tests that add rows to them). */
  public Path copyData(Path target) {
    copyTree(data, target);
    return target;
  }

  /** Copies the finished warehouse into {@code target} (for tests that write to it). */
  public Path copyWarehouse(Path target) {
    copyTree(warehouse, target);
    return target;
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
