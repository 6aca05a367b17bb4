package org.fairshare.trends;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.fairshare.SparkTestBase;
import org.fairshare.config.FairshareConfig;
import org.fairshare.generate.GeneratorOptions;
import org.fairshare.generate.SyntheticEngland;
import org.fairshare.geography.GeographyStage;
import org.fairshare.inequality.IndicatorsStage;
import org.fairshare.ingest.IngestStage;
import org.fairshare.output.Warehouse;
import org.fairshare.pipeline.Pipeline;
import org.fairshare.pipeline.Stage;
import org.fairshare.schema.RunGeographyTable;
import org.fairshare.schema.TrendsTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two financial years of a small generated England (60 areas, calendar years 2023 and 2024) run
 * through ingest, geography, indicators and trends into one warehouse: the second run's trends
 * slice holds both years.
 */
@Tag("pipeline")
class TrendsPipelineTest extends SparkTestBase {
  @TempDir static Path dir;
  private static Warehouse warehouse;

  @BeforeAll
  static void runTwoYears() {
    Path data = dir.resolve("data");
    SyntheticEngland.generate(
        spark, new GeneratorOptions(60, 3L, 2, 2024, "2025-26", 1.0, "parquet"), data);
    List<Stage> stages =
        List.of(new IngestStage(), new GeographyStage(), new IndicatorsStage(), new TrendsStage());
    for (String[] year : new String[][] {{"2024-25", "2023"}, {"2025-26", "2024"}}) {
      FairshareConfig cfg =
          FairshareConfig.of(
              Map.of(
                  "data.dir",
                  data.toString(),
                  "warehouse.path",
                  dir.resolve("warehouse").toString(),
                  "run.financial_year",
                  year[0],
                  "run.data_year",
                  year[1]));
      Pipeline.run(spark, cfg, stages);
    }
    warehouse = new Warehouse(spark, dir.resolve("warehouse"));
  }

  private static Dataset<Row> latestTrends() {
    return warehouse.read(TrendsTable.TABLE.name()).where(col("financial_year").equalTo("2025-26"));
  }

  @Test
  void theLatestSliceHoldsBothYearsWithChangesSinceTheFirst() {
    List<String> years =
        latestTrends()
            .select(TrendsTable.VALUE_YEAR)
            .distinct()
            .orderBy(TrendsTable.VALUE_YEAR)
            .as(Encoders.STRING())
            .collectAsList();
    assertThat(years).containsExactly("2024-25", "2025-26");
    Dataset<Row> placeChanges =
        latestTrends()
            .where(
                col(TrendsTable.GEOGRAPHY_LEVEL)
                    .equalTo("place")
                    .and(col(TrendsTable.VALUE_YEAR).equalTo("2025-26"))
                    .and(col(TrendsTable.CHANGE).isNotNull()));
    assertThat(placeChanges.where(col(TrendsTable.FIRST_YEAR).equalTo("2024-25")).count())
        .isPositive();
    // A series with no row in the first year (e.g. a group with no events then) starts now: its
    // change is zero against itself, never against another series' value.
    assertThat(
            placeChanges
                .where(col(TrendsTable.FIRST_YEAR).notEqual("2024-25"))
                .where(
                    col(TrendsTable.FIRST_YEAR)
                        .notEqual(col(TrendsTable.VALUE_YEAR))
                        .or(col(TrendsTable.CHANGE).notEqual(0.0)))
                .count())
        .isZero();
  }

  @Test
  void gapsBetweenMostAndLeastDeprivedSayWhetherTheyNarrow() {
    Dataset<Row> sii =
        latestTrends()
            .where(
                col(TrendsTable.SOURCE)
                    .equalTo(TrendsTable.FROM_SUMMARY)
                    .and(col(TrendsTable.MEASURE).equalTo("sii"))
                    .and(col(TrendsTable.VALUE_YEAR).equalTo("2025-26"))
                    .and(col(TrendsTable.IS_SIGNIFICANT).isNotNull()));
    assertThat(sii.count()).isPositive();
    assertThat(sii.where(col(TrendsTable.IS_NARROWING).isNull()).count()).isZero();
  }

  @Test
  void theFirstYearsSliceHasOnlyItsOwnYear() {
    assertThat(
            warehouse
                .read(TrendsTable.TABLE.name())
                .where(col("financial_year").equalTo("2024-25"))
                .select(TrendsTable.VALUE_YEAR)
                .distinct()
                .as(Encoders.STRING())
                .collectAsList())
        .containsExactly("2024-25");
  }

  @Test
  void eachRunRecordsItsGeographyVintages() {
    List<Row> rows = warehouse.read(RunGeographyTable.TABLE.name()).collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows)
        .allSatisfy(
            r -> assertThat(r.<String>getAs(RunGeographyTable.LSOA_VINTAGE)).isEqualTo("2021"));
  }
}
