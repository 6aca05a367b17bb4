package org.fairshare.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.fairshare.SparkTestBase;
import org.fairshare.config.FairshareConfig;
import org.fairshare.output.Warehouse;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.RunLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose input changes or vanishes while it runs fails, naming the file, and run_log records
 * it failed: the tables it wrote came from inputs other than those whose checksums it recorded. One
 * stage stands in for ingest and changes the input itself, at the moment a writer would.
 */
@Tag("pipeline")
class InputChangedDuringRunTest extends SparkTestBase {
  @TempDir Path dir;

  private FairshareConfig config() {
    return FairshareConfig.of(
        Map.of(
            "data.dir",
            dir.toString(),
            "warehouse.path",
            dir.resolve("warehouse").toString(),
            "inputs.spend.path",
            "spend.csv",
            "inputs.spend.format",
            "csv"));
  }

  private static Stage stage(Consumer<StageContext> body) {
    return new Stage() {
      @Override
      public String name() {
        return "reads_spend";
      }

      @Override
      public List<OutputTable> outputs() {
        return List.of();
      }

      @Override
      public void run(StageContext ctx) {
        body.accept(ctx);
      }
    };
  }

  private Row lastRun() {
    return new Warehouse(spark, dir.resolve("warehouse"))
        .read(RunLog.TABLE.name())
        .orderBy(org.apache.spark.sql.functions.col(RunLog.STARTED_AT).desc())
        .first();
  }

  @Test
  void anInputRewrittenWhileTheRunReadsItFailsTheRunNamingTheFileAndItsSizes() throws IOException {
    Path spend = Files.writeString(dir.resolve("spend.csv"), "a,b\n1,2\n");
    Stage rewrites =
        stage(
            ctx -> {
              try {
                Files.writeString(spend, "3,4\n", StandardOpenOption.APPEND);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    String expected = "input changed while the run read it: " + spend + " (size 8 -> 12 bytes)";

    assertThatThrownBy(() -> Pipeline.run(spark, config(), List.of(rewrites)))
        .hasMessageStartingWith(expected);
    assertThat((String) lastRun().getAs(RunLog.STATUS)).isEqualTo(RunLog.FAILED);
    assertThat((String) lastRun().getAs(RunLog.MESSAGE)).startsWith(expected);
  }

  @Test
  void anInputDeletedUnderSparksReadFailsTheRunNamingTheFileNotSparksError() throws IOException {
    Path spend = Files.writeString(dir.resolve("spend.csv"), "a,b\n1,2\n");
    Stage readsWhatVanishes =
        stage(
            ctx -> {
              var rows = ctx.spark().read().schema("a string, b string").csv(spend.toString());
              try {
                Files.delete(spend);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              rows.count();
            });

    assertThatThrownBy(() -> Pipeline.run(spark, config(), List.of(readsWhatVanishes)))
        .hasMessageStartingWith("input changed while the run read it: " + spend + " (deleted)");
    assertThat((String) lastRun().getAs(RunLog.STATUS)).isEqualTo(RunLog.FAILED);
  }
}
