package org.fairshare.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.fairshare.config.FairshareConfig;
import org.fairshare.ingest.IngestStage;
import org.fairshare.pipeline.Pipeline;
import org.fairshare.pipeline.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fairshare validate}: contracts and data quality only. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Checks every input against its contract and stages nothing.",
    description =
        "Writes the quarantine and data_quality tables. Exit 1 when an error rule fails more"
            + " rows than the threshold allows.")
public final class ValidateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    FairshareConfig cfg = common.config();
    boolean generate = DefaultData.mustGenerate(cfg);
    SparkSession spark = common.spark(cfg);
    if (generate) {
      DefaultData.generate(spark, cfg);
    }
    RunResult result = Pipeline.run(spark, cfg, List.of(IngestStage.validateOnly()));
    RunCommand.printSummary(cfg, result);
    Console.out(
        "  see: bin/fairshare sql \"select dataset, rule_id, status, rows_failed from data_quality"
            + " where rows_failed > 0\"");
    return ExitCodes.OK;
  }
}
