package org.fairshare.geography;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restates IMD 2019 figures, published on 2011 LSOAs, on 2021 LSOAs with the ONS best-fit lookup
 * (split areas shared by their Census 2021 populations) and checks that England's totals are
 * conserved. Reads ../shared/data/raw beside the checkout; skips, loudly, when it is absent.
 */
@Tag("realdata")
class RealLsoaBridgeTest extends SparkTestBase {
  private static final Logger LOG = LoggerFactory.getLogger(RealLsoaBridgeTest.class);

  private static Path raw() {
    return Path.of(System.getProperty("fairshare.repo.root", "."))
        .toAbsolutePath()
        .resolve("../shared/data/raw")
        .normalize();
  }

  private static Path file(String relative) {
    return raw().resolve(relative);
  }

  @BeforeAll
  static void requireRawData() {
    Path lookup = file("humaniverse-geographr/lookup_lsoa11_lsoa21_ltla22.csv.gz");
    if (!Files.isRegularFile(lookup)) {
      String message = "real public data missing, LSOA bridge test SKIPPED: " + lookup;
      LOG.warn(message);
      assumeTrue(false, message);
    }
  }

  /** Returns a gzipped CSV read with every column as text (the schema from its header line). */
  private static Dataset<Row> csv(String relative) throws IOException {
    Path path = file(relative);
    String header;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(path)), StandardCharsets.UTF_8))) {
      header = r.readLine().replace("\uFEFF", "");
    }
    StructType schema = new StructType();
    for (String name : header.split(",", -1)) {
      schema = schema.add(name.replace("\"", ""), DataTypes.StringType);
    }
    return spark
        .read()
        .schema(schema)
        .option("header", "true")
        .option("mode", "FAILFAST")
        .csv(path.toString());
  }

  private static Dataset<Row> bridge() throws IOException {
    Dataset<Row> pairs =
        csv("humaniverse-geographr/lookup_lsoa11_lsoa21_ltla22.csv.gz")
            .where(col("lsoa11_code").startsWith("E01"))
            .select(
                col("lsoa11_code").as(LsoaBridge.FROM_CODE),
                col("lsoa21_code").as(LsoaBridge.TO_CODE));
    Dataset<Row> population21 =
        csv("ons-census2021-lsoa21-age6-via-hack25usefuldata/census21_usual_residents_lsoa21_age6.csv.gz")
            .groupBy(col("lsoa21_code").as(LsoaBridge.TO_CODE))
            .agg(sum(col("usual_residents").try_cast("double")).as(LsoaBridge.POPULATION));
    return LsoaBridge.weights(pairs, population21).cache();
  }

  @Test
  void incomeDeprivedCountsRestatedOn2021LsoasKeepEnglandsTotal() throws IOException {
    Dataset<Row> bridge = bridge();
    Dataset<Row> income =
        csv("humaniverse-IMD/imd2019_england_lsoa11_indicators.csv.gz")
            .select(
                col("lsoa11_code"),
                col("income_domain_numerator").try_cast("double").as("income_deprived"));
    assertThat(LsoaBridge.unbridged(income, bridge, "lsoa11_code").count()).isZero();
    Dataset<Row> restated =
        LsoaBridge.restateCounts(
                income, bridge, "lsoa11_code", List.of(), List.of("income_deprived"))
            .withColumnRenamed("lsoa11_code", "lsoa21_code");
    double before = income.agg(sum("income_deprived")).first().getDouble(0);
    double after = restated.agg(sum("income_deprived")).first().getDouble(0);
    LOG.info("income-deprived people, 2011 LSOAs {} -> 2021 LSOAs {}", before, after);
    assertThat(before).isGreaterThan(5_000_000);
    assertThat(after).isCloseTo(before, within(before * 1e-9));
    assertThat(restated.count()).isEqualTo(33_755L);
  }

  @Test
  void populationWeightedImdScoreRestatedOn2021LsoasKeepsEnglandsMean() throws IOException {
    Dataset<Row> bridge = bridge();
    Dataset<Row> scores =
        csv("mysociety-composite-uk-imd/UK_IMD_E.csv.gz")
            .where(col("nation").equalTo("E"))
            .select(
                col("lsoa").as("lsoa11_code"),
                col("overall_local_score").try_cast("double").as("imd_score"))
            .join(
                csv("humaniverse-demographr/population19_lsoa11.csv.gz")
                    .select(
                        col("lsoa11_code"),
                        col("total_population").try_cast("double").as("population")),
                "lsoa11_code");
    Dataset<Row> restated =
        LsoaBridge.restateMeans(
            scores, bridge, "lsoa11_code", List.of(), "population", List.of("imd_score"));
    double[] before = weightedMean(scores);
    double[] after = weightedMean(restated);
    LOG.info("population-weighted IMD 2019 score, 2011 LSOAs {} -> 2021 LSOAs {}", before, after);
    assertThat(after[1]).isCloseTo(before[1], within(before[1] * 1e-9));
    assertThat(after[0]).isCloseTo(before[0], within(1e-9));
  }

  private static double[] weightedMean(Dataset<Row> rows) {
    Row r =
        rows.agg(
                sum(col("imd_score").multiply(col("population"))).as("sp"),
                sum("population").as("p"))
            .first();
    return new double[] {r.getDouble(0) / r.getDouble(1), r.getDouble(1)};
  }
}
