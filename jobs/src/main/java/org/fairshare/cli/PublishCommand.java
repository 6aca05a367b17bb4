package org.fairshare.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.output.OwnedFolder;
import org.fairshare.output.Warehouse;
import org.fairshare.publish.Disclosure;
import org.fairshare.publish.Publication;
import org.fairshare.publish.RunSlices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fairshare publish}: the publication folder of a run (CSVs, workbook, HTML report). */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    header = "Writes a run's publication folder: CSVs, a workbook and an HTML report.",
    description =
        "Writes a CSV per published table, one XLSX workbook (a sheet per table and a Notes"
            + " sheet) and a self-contained HTML report with charts. Small numbers are withheld"
            + " (publish.suppress_from..publish.suppress_to) with complementary suppression.")
public final class PublishCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--run",
      paramLabel = "RUN_ID",
      description = "Run to publish (as in run_log). Default: the latest succeeded run.")
  String runId;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder to write. Default: publish/<run id>.")
  Path out;

  @Override
  public Integer call() {
    FairshareConfig cfg = common.config();
    if (out != null) {
      OwnedFolder.requireReplaceable(out, Publication.fileNames(), "publish --out " + out);
    }
    SparkSession spark = common.spark(cfg);
    Warehouse warehouse = new Warehouse(spark, cfg.warehouse());
    RunSlices slices = new RunSlices(spark, warehouse);
    RunSlices.Run run;
    try {
      run = runId == null ? slices.latestSucceeded() : slices.resolve(runId);
    } catch (RunSlices.RunNotFoundException e) {
      Console.err("fairshare: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Disclosure.Policy policy =
        new Disclosure.Policy(
            cfg.getLong(ConfigKeys.SUPPRESS_FROM),
            cfg.getLong(ConfigKeys.SUPPRESS_TO),
            cfg.getLong(ConfigKeys.ROUND_TO));
    Path folder = out != null ? out : Path.of("publish", run.runId());
    Publication.Result result = Publication.write(spark, warehouse, run, folder, policy);
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Long> e : result.rows().entrySet()) {
      Long withheld = result.withheldRows().get(e.getKey());
      rows.add(
          List.of(
              e.getKey() + ".csv",
              String.valueOf(e.getValue()),
              withheld == null ? "" : String.valueOf(withheld)));
    }
    Console.table(List.of("file", "rows", "withheld_rows"), rows);
    Console.out(
        "published run "
            + run.runId()
            + " ("
            + run.financialYear()
            + ", "
            + run.scenario()
            + ") to "
            + folder.toAbsolutePath().normalize());
    Console.out("  workbook: " + folder.resolve(Publication.WORKBOOK));
    Console.out("  report:   " + folder.resolve(Publication.REPORT));
    return ExitCodes.OK;
  }
}
