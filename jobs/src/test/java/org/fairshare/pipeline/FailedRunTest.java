package org.fairshare.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.fairshare.SparkTestBase;
import org.fairshare.config.FairshareConfig;
import org.fairshare.output.Warehouse;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.RunLog;
import org.fairshare.schema.Spend;
import org.fairshare.schema.Staging;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that fails after a stage computed a table leaves the table as the last whole run left it.
 */
@Tag("pipeline")
class FailedRunTest extends SparkTestBase {
  private static final OutputTable STG_SPEND = Staging.table(Spend.CONTRACT);

  @TempDir Path dir;

  @Test
  void aLaterStagesFailureLeavesAnEarlierStagesTableAtThePreviousRunsRows() {
    FairshareConfig cfg =
        FairshareConfig.of(
            Map.of(
                "data.dir",
                dir.toString(),
                "warehouse.path",
                dir.resolve("warehouse").toString(),
                "output.persist_staging",
                "true"));
    Pipeline.run(spark, cfg, List.of(writesSpend(10.0)));

    assertThatThrownBy(() -> Pipeline.run(spark, cfg, List.of(writesSpend(20.0), fails())))
        .hasMessage("the model did not converge");

    Warehouse warehouse = new Warehouse(spark, cfg.warehouse());
    assertThat(
            warehouse.read(STG_SPEND.name()).first().<java.math.BigDecimal>getAs(Spend.SPEND_GBP))
        .isEqualByComparingTo("10");
    Row last =
        warehouse
            .read(RunLog.TABLE.name())
            .orderBy(functions.col(RunLog.STARTED_AT).desc())
            .first();
    assertThat((String) last.getAs(RunLog.STATUS)).isEqualTo(RunLog.FAILED);
    assertThat(last.getJavaMap(last.fieldIndex(RunLog.ROWS_WRITTEN))).isEmpty();
  }

  @Test
  void aRunFailedOrNotHandsTheSessionBackWithTheSettingsItHad() {
    // shuffle partitions "auto": the run sizes them from its inputs.
    FairshareConfig cfg =
        FairshareConfig.of(
            Map.of(
                "data.dir", dir.toString(), "warehouse.path", dir.resolve("warehouse").toString()));
    String partitions = spark.conf().get("spark.sql.shuffle.partitions");

    Pipeline.run(spark, cfg, List.of(writesSpend(10.0)));
    assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo(partitions);
    // Staging is opt-in (output.persist_staging): run_log pins every input by its checksum.
    assertThat(new Warehouse(spark, cfg.warehouse()).tableNames())
        .containsExactly(RunLog.TABLE.name());
    assertThatThrownBy(() -> Pipeline.run(spark, cfg, List.of(fails())));
    assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo(partitions);
  }

  private static Stage writesSpend(double amount) {
    return stage(
        "writes_spend",
        List.of(STG_SPEND),
        ctx ->
            ctx.write(
                STG_SPEND,
                ctx.spark()
                    .range(1)
                    .selectExpr(
                        "'ICB1' as " + Spend.ORGANISATION_CODE,
                        "'emergency_admissions' as " + Spend.SERVICE,
                        "2024 as " + Spend.YEAR,
                        amount + " as " + Spend.SPEND_GBP)));
  }

  private static Stage fails() {
    return stage(
        "fails",
        List.of(),
        ctx -> {
          throw new IllegalStateException("the model did not converge");
        });
  }

  private static Stage stage(
      String name, List<OutputTable> outputs, java.util.function.Consumer<StageContext> body) {
    return new Stage() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<OutputTable> outputs() {
        return outputs;
      }

      @Override
      public void run(StageContext ctx) {
        body.accept(ctx);
      }
    };
  }
}
