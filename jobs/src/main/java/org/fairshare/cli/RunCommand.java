package org.fairshare.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.fairshare.config.FairshareConfig;
import org.fairshare.pipeline.Pipeline;
import org.fairshare.pipeline.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fairshare run}: every stage for a configuration. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    header = "Runs every stage for the configuration and writes the Delta tables.",
    description =
        "With no arguments: generates the synthetic default inputs if absent, then runs on them.")
public final class RunCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    FairshareConfig cfg = common.config();
    boolean generate = DefaultData.mustGenerate(cfg);
    SparkSession spark = common.spark(cfg);
    if (generate) {
      DefaultData.generate(spark, cfg);
    }
    RunResult result = Pipeline.run(spark, cfg, Pipeline.stages());
    printSummary(cfg, result);
    return ExitCodes.OK;
  }

  static void printSummary(FairshareConfig cfg, RunResult result) {
    Console.out("run " + result.runId() + " succeeded");
    Console.out("  financial year " + cfg.financialYear() + ", scenario " + cfg.scenario());
    Console.out("  warehouse " + cfg.warehouse());
    Console.out("  stages:");
    for (Map.Entry<String, Double> e : result.stageSeconds().entrySet()) {
      Console.out(String.format("    %-28s %8.1f s", e.getKey(), e.getValue()));
    }
    Console.out("  rows written:");
    for (Map.Entry<String, Long> e : result.rowsWritten().entrySet()) {
      Console.out(String.format("    %-28s %,12d", e.getKey(), e.getValue()));
    }
    if (!result.summary().isEmpty()) {
      Console.out("  summary:");
      result.summary().forEach(l -> Console.out("    " + l));
    }
  }
}
