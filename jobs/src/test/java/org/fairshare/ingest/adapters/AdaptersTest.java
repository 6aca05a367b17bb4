package org.fairshare.ingest.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.ingest.InputRows;
import org.fairshare.schema.GpPayments;
import org.fairshare.schema.Population;
import org.fairshare.schema.PublishedWeightedPopulations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdaptersTest extends SparkTestBase {

  private static StructType withRowColumns(StructType s) {
    return s.add(InputRows.SOURCE_FILE, DataTypes.StringType)
        .add(InputRows.LINE_NUMBER, DataTypes.LongType)
        .add(InputRows.RAW_RECORD, DataTypes.StringType);
  }

  private static Dataset<Row> withNoFailures(Dataset<Row> d) {
    return d.withColumn(InputRows.FAILURES, InputRows.noFailures());
  }

  @Test
  void financialYearComesFromTheFileName() {
    assertThat(Adapters.financialYearOf(Path.of("gp_practice_weighted_populations_2022_2023.csv")))
        .isEqualTo("2022-23");
    assertThat(Adapters.financialYearOf(Path.of("payments_to_general_practice_2014-15.csv.gz")))
        .isEqualTo("2014-15");
  }

  @Test
  void paymentsHeadersAreTheDefaultsUnlessTheYearOverridesThem() {
    assertThat(GpPaymentsAdapter.headers("2022-23").get(GpPayments.TOTAL_PAYMENTS_GBP))
        .isEqualTo("Total NHS Payments to General Practice");
    assertThat(GpPaymentsAdapter.headers("2014-15"))
        .containsAllEntriesOf(GpPaymentsAdapter.HEADERS);
  }

  @Test
  void weightedPopulationsBecomeOneRowPerComponent() {
    StructType s =
        new StructType()
            .add(PublishedWeightedPopulations.PRACTICE_CODE, DataTypes.StringType)
            .add(PublishedWeightedPopulations.PCN_CODE, DataTypes.StringType)
            .add(PublishedWeightedPopulations.SUB_ICB_CODE, DataTypes.StringType)
            .add(PublishedWeightedPopulations.ICB_CODE, DataTypes.StringType)
            .add(PublishedWeightedPopulations.LA_CODE, DataTypes.StringType)
            .add(PublishedWeightedPopulations.REGISTERED_PATIENTS, DataTypes.DoubleType)
            .add(PublishedWeightedPopulations.POPULATION, DataTypes.DoubleType);
    Object[] values = new Object[7 + 9 + 3];
    Object[] head = {"A81001", "U1", "16C", "QHM", "E06000004", 4073.0, 4086.3};
    System.arraycopy(head, 0, values, 0, 7);
    for (int i = 0; i < 9; i++) {
      s =
          s.add(
              WeightedPopulationsAdapter.wpColumn(PublishedWeightedPopulations.COMPONENTS.get(i)),
              DataTypes.DoubleType);
      values[7 + i] = 1000.0 + i;
    }
    values[16] = "f.csv";
    values[17] = 2L;
    values[18] = "line";
    List<Row> out =
        WeightedPopulationsAdapter.toLong(
                withNoFailures(rows(withRowColumns(s), values)), "2022-23")
            .collectAsList();
    assertThat(out).hasSize(9);
    Row mh =
        out.stream()
            .filter(r -> r.getAs(PublishedWeightedPopulations.COMPONENT).equals("mental_health"))
            .findFirst()
            .orElseThrow();
    assertThat((double) mh.getAs(PublishedWeightedPopulations.WEIGHTED_POPULATION))
        .isEqualTo(1002.0);
    assertThat((String) mh.getAs(PublishedWeightedPopulations.ALLOCATION_YEAR))
        .isEqualTo("2022-23");
    assertThat((long) mh.getAs(InputRows.LINE_NUMBER)).isEqualTo(2L);
  }

  @Test
  void censusAgeGroupsAreSpreadEvenlyOverTheirYears() {
    StructType s =
        new StructType()
            .add(Population.AREA_CODE, DataTypes.StringType)
            .add("age_group", DataTypes.StringType)
            .add(Population.PERSONS, DataTypes.DoubleType);
    Dataset<Row> out =
        PopulationAdapter.spreadBands(
            withNoFailures(
                rows(
                    withRowColumns(s),
                    new Object[] {"E01", "Aged 15 years and under", 160.0, "f", 2L, "x"},
                    new Object[] {"E01", "Aged 16 to 24 years", 90.0, "f", 3L, "x"},
                    new Object[] {"E01", "Aged 65 years and over", 260.0, "f", 4L, "x"})),
            2021);
    assertThat(out.count()).isEqualTo(16 + 9 + 26);
    Row age20 = out.where(functions.col(Population.AGE).equalTo(20)).first();
    assertThat((double) age20.getAs(Population.PERSONS)).isEqualTo(10.0);
    Row age90 = out.where(functions.col(Population.AGE).equalTo(90)).first();
    assertThat((double) age90.getAs(Population.PERSONS)).isEqualTo(10.0);
  }

  @Test
  void personsAreSplitByTheirAuthoritysBandRatioOrEnglandsWhereItHasNone() {
    StructType ratios =
        new StructType()
            .add("_la_code", DataTypes.StringType)
            .add("total_population", DataTypes.DoubleType)
            .add("total_females", DataTypes.DoubleType)
            .add("total_males", DataTypes.DoubleType)
            .add("f0", DataTypes.DoubleType)
            .add("f1", DataTypes.DoubleType)
            .add("f2", DataTypes.DoubleType)
            .add("m0", DataTypes.DoubleType)
            .add("m1", DataTypes.DoubleType)
            .add("m2", DataTypes.DoubleType);
    Dataset<Row> shares =
        PopulationAdapter.femaleShares(
            rows(
                ratios,
                new Object[] {"LA1", 0.0, 0.0, 0.0, 50.0, 50.0, 60.0, 50.0, 50.0, 40.0},
                new Object[] {"LA2", 0.0, 0.0, 0.0, 50.0, 50.0, 80.0, 50.0, 50.0, 20.0}));
    StructType p =
        new StructType()
            .add(Population.AREA_CODE, DataTypes.StringType)
            .add(Population.YEAR, DataTypes.IntegerType)
            .add(Population.AGE, DataTypes.IntegerType)
            .add(Population.PERSONS, DataTypes.DoubleType);
    Dataset<Row> persons =
        withNoFailures(
            rows(
                withRowColumns(p),
                new Object[] {"E1", 2020, 70, 100.0, "f", 2L, "x"},
                new Object[] {"E2", 2020, 70, 100.0, "f", 3L, "x"}));
    Dataset<Row> areaLa =
        rows(
            new StructType()
                .add(Population.AREA_CODE, DataTypes.StringType)
                .add("_la_code", DataTypes.StringType),
            new Object[] {"E1", "LA1"},
            new Object[] {"E2", "LA9"});
    Dataset<Row> out = PopulationAdapter.splitBySex(persons, areaLa, shares);
    double e1Women = out.where("area_code = 'E1' and sex = 'F'").first().getAs(Population.PERSONS);
    double e2Women = out.where("area_code = 'E2' and sex = 'F'").first().getAs(Population.PERSONS);
    double e2Men = out.where("area_code = 'E2' and sex = 'M'").first().getAs(Population.PERSONS);
    assertThat(e1Women).isCloseTo(60.0, within(1e-9));
    assertThat(e2Women).isCloseTo(70.0, within(1e-9));
    assertThat(e2Women + e2Men).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void anLsoaInAnMsoaFirstDrawnIn2021TakesItsPredecessorsMsoa(@TempDir Path dir)
      throws IOException {
    Path msoas = dir.resolve("msoa11_msoa21.csv");
    Files.writeString(
        msoas,
        """
        "msoa11_name","msoa11_code","msoa21_name","msoa21_code","ltla22_name","ltla22_code"
        "Greenwich 004","E02000317","Greenwich 004","E02000317","Greenwich","E09000011"
        "St. Helens 019","E02001424","St. Helens 024","E02006935","St. Helens","E08000013"
        """);
    Path lsoas = dir.resolve("lsoa11_lsoa21.csv");
    Files.writeString(
        lsoas,
        """
        "lsoa11_name","lsoa11_code","change_code","lsoa21_name","lsoa21_code","ltla22_name","ltla22_code"
        "Greenwich 004A","E01000001","U","Greenwich 004A","E01000001","Greenwich","E09000011"
        "Greenwich 004H","E01033736","U","Greenwich 039A","E01033736","Greenwich","E09000011"
        "St. Helens 019A","E01006830","U","St. Helens 025A","E01006830","St. Helens","E08000013"
        "Greenwich 004B","E01000002","M","Greenwich 004K","E01099999","Greenwich","E09000011"
        "St. Helens 019B","E01000003","M","Greenwich 004K","E01099999","Greenwich","E09000011"
        """);
    List<Row> out =
        GeographyAdapter.msoaOfLsoa21(spark, msoas, lsoas).orderBy("area_code").collectAsList();
    assertThat(out)
        .extracting(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2))
        .containsExactly(
            "E01000001 Greenwich 004 E02000317",
            "E01006830 St. Helens 024 E02006935",
            "E01033736 Greenwich 004 E02000317",
            "E01099999 Greenwich 004 E02000317");
  }
}
