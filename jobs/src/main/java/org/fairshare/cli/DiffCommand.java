package org.fairshare.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairshare.config.FairshareConfig;
import org.fairshare.output.OwnedFolder;
import org.fairshare.output.Warehouse;
import org.fairshare.publish.RunDiff;
import org.fairshare.publish.RunSlices;
import org.fairshare.publish.TableFiles;
import org.fairshare.schema.InequalityIndicators;
import org.fairshare.schema.PlaceAllocationsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fairshare diff}: what changed between two runs, read through Delta time travel. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    header = "Compares two runs: allocations per place and indicators that moved.",
    description =
        "Lists the first-year allocation change per place and stream (GBP and %%), and the"
            + " indicators whose new value lies outside the earlier run's confidence interval."
            + " Each run is read as it wrote its tables (Delta time travel), whatever ran since.")
public final class DiffCommand implements Callable<Integer> {
  /** File names written by --out. */
  public static final String ALLOCATIONS_CSV = "allocation_changes.csv";

  public static final String INDICATORS_CSV = "indicator_changes.csv";

  @Mixin CommonOptions common;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "RUN",
      description = "Earlier run: a run id, or a version of place_allocations (see history).")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "RUN",
      description = "Later run: a run id, or a version of place_allocations.")
  String to;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Also write " + ALLOCATIONS_CSV + " and " + INDICATORS_CSV + " here.")
  Path out;

  @Option(
      names = "--limit",
      defaultValue = "50",
      description = "Most indicator rows printed (the CSV has all). Default: ${DEFAULT-VALUE}.")
  int limit;

  @Override
  public Integer call() {
    common.requirePositive("--limit", limit);
    FairshareConfig cfg = common.config();
    List<String> files = List.of(ALLOCATIONS_CSV, INDICATORS_CSV);
    if (out != null) {
      OwnedFolder.requireReplaceable(out, files, "diff --out " + out);
    }
    SparkSession spark = common.spark(cfg);
    RunSlices slices = new RunSlices(spark, new Warehouse(spark, cfg.warehouse()));
    RunSlices.Run a;
    RunSlices.Run b;
    try {
      a = slices.resolve(from);
      b = slices.resolve(to);
    } catch (RunSlices.RunNotFoundException e) {
      Console.err("fairshare: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    String allocations = PlaceAllocationsTable.TABLE.name();
    Dataset<Row> changes =
        RunDiff.allocationChanges(slices.slice(allocations, a), slices.slice(allocations, b))
            .orderBy(
                PlaceAllocationsTable.STREAM,
                PlaceAllocationsTable.ICB_CODE,
                PlaceAllocationsTable.PLACE_CODE);
    Dataset<Row> moves =
        RunDiff.indicatorMoves(
            slices.slice(InequalityIndicators.NAME, a), slices.slice(InequalityIndicators.NAME, b));
    // Places x streams and the moved indicators of two runs: small enough to print.
    List<Row> changeRows = changes.collectAsList();
    List<Row> moveRows = moves.collectAsList();
    Console.out("from " + describe(a));
    Console.out("to   " + describe(b));
    Console.out("");
    Console.out("Allocation changes, first year (GBP):");
    Console.table(List.of(changes.columns()), cells(changeRows, changeRows.size()));
    Console.out("");
    Console.out(
        moveRows.size()
            + " indicator values moved outside the earlier run's confidence interval"
            + (moveRows.size() > limit ? " (largest " + limit + " shown)" : "")
            + ":");
    if (!moveRows.isEmpty()) {
      Console.table(List.of(moves.columns()), cells(moveRows, limit));
    }
    if (out != null) {
      try {
        Files.createDirectories(out);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + out, e);
      }
      TableFiles.writeCsv(
          new TableFiles.Table("allocation_changes", "", changes.schema(), changeRows),
          out.resolve(ALLOCATIONS_CSV));
      TableFiles.writeCsv(
          new TableFiles.Table("indicator_changes", "", moves.schema(), moveRows),
          out.resolve(INDICATORS_CSV));
      OwnedFolder.add(out, files);
      Console.out("wrote " + out.resolve(ALLOCATIONS_CSV) + " and " + out.resolve(INDICATORS_CSV));
    }
    return ExitCodes.OK;
  }

  private static String describe(RunSlices.Run r) {
    return r.runId() + " (" + r.financialYear() + ", " + r.scenario() + ", " + r.status() + ")";
  }

  /**
   * Returns the first rows as printed cells: doubles to four significant figures (the CSVs keep
   * every digit), everything else as the CSVs write it.
   */
  static List<List<String>> cells(List<Row> rows, int limit) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, rows.size()); i++) {
      Row r = rows.get(i);
      List<String> c = new ArrayList<>();
      for (int j = 0; j < r.length(); j++) {
        Object v = r.get(j);
        c.add(v == null ? null : v instanceof Double d ? ReadableNumber.of(d) : TableFiles.text(v));
      }
      out.add(c);
    }
    return out;
  }
}
