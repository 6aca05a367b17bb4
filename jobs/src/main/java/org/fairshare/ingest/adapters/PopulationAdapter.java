package org.fairshare.ingest.adapters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.ingest.InputFiles;
import org.fairshare.ingest.InputRows;
import org.fairshare.schema.Columns;
import org.fairshare.schema.Fields;
import org.fairshare.schema.Population;

/**
 * ONS small-area population (persons only) made into the population contract (area x year x sex x
 * single year of age), England rows only.
 *
 * <p>The published LSOA estimates have no sex split. Each area's persons of an age are split by the
 * sex ratio of its local authority in that age's broad band (0-15, 16-64, 65+) from Census 2021
 * (option {@code sex_ratios}: age_gender21_ltla21_ew.csv); an area whose authority is not in that
 * file (boundary changes after 2021) takes England's ratio. Option {@code la_lookup} names a file
 * with the area's authority: {@code lookup_lsoa11_sicbl22_icb22_ltla22} for 2011 LSOAs, {@code
 * lookup_lsoa21_ward24_ltla24} for 2021 LSOAs. Persons are therefore fractional.
 *
 * <ul>
 *   <li>{@value #LSOA11_SINGLE_YEAR}: mid-year estimates by single year (populationYY_lsoa11,
 *       columns 0..89, 90+); option {@code year} (default 2020).
 *   <li>{@value #CENSUS21_AGE6}: Census 2021 usual residents in six age groups; each group's
 *       residents are spread evenly over its single years (65 and over: 65 to 90, 90 meaning 90 and
 *       over), a documented approximation: single-year detail inside a band is not published here.
 * </ul>
 */
public final class PopulationAdapter {
  private PopulationAdapter() {}

  public static final String LSOA11_SINGLE_YEAR = "ons_sape_lsoa11_persons";
  public static final String CENSUS21_AGE6 = "ons_census21_lsoa21_age6";

  static final String FEMALE_SHARE = "_female_share";
  private static final String BAND = "_band";
  private static final String LA = "_la_code";

  static Dataset<Row> read(
      SparkSession spark, InputFiles files, String adapter, Adapters.Options options) {
    Path main = files.files().get(0);
    boolean v2011 = adapter.equals(LSOA11_SINGLE_YEAR);
    Dataset<Row> persons =
        v2011
            ? singleYear(spark, files, main, Integer.parseInt(options.value("year", "2020")))
            : census21(spark, files, main);
    persons = persons.where(col(Population.AREA_CODE).startsWith("E"));
    Dataset<Row> areaLa = areaLa(spark, options.file("la_lookup"), v2011);
    return splitBySex(persons, areaLa, sexRatios(spark, options.file("sex_ratios")));
  }

  private static Dataset<Row> singleYear(
      SparkSession spark, InputFiles files, Path file, int year) {
    Map<String, String> h = new LinkedHashMap<>();
    StructType layout =
        new StructType().add(Fields.required(Population.AREA_CODE, DataTypes.StringType, ""));
    h.put(Population.AREA_CODE, "lsoa11_code");
    for (int age = 0; age <= Columns.MAX_AGE; age++) {
      layout = layout.add(Fields.required("age_" + age, DataTypes.DoubleType, ""));
      h.put("age_" + age, age == Columns.MAX_AGE ? age + "+" : String.valueOf(age));
    }
    Dataset<Row> wide = Adapters.readPublished(spark, files.spec(), file, layout, h);
    return toLong(wide, year);
  }

  /** Returns one row per area and single year of age from the wide layout (age_0 .. age_90). */
  public static Dataset<Row> toLong(Dataset<Row> wide, int year) {
    List<Column> pairs = new ArrayList<>();
    for (int age = 0; age <= Columns.MAX_AGE; age++) {
      pairs.add(
          functions.struct(lit(age).as(Population.AGE), col("age_" + age).as(Population.PERSONS)));
    }
    List<Column> out = new ArrayList<>();
    out.add(col(Population.AREA_CODE));
    out.add(lit(year).as(Population.YEAR));
    out.add(col("_p." + Population.AGE).as(Population.AGE));
    out.add(col("_p." + Population.PERSONS).as(Population.PERSONS));
    out.addAll(Adapters.rowColumns());
    return wide.withColumn("_p", functions.explode(functions.array(pairs.toArray(Column[]::new))))
        .select(out.toArray(Column[]::new));
  }

  private static Dataset<Row> census21(SparkSession spark, InputFiles files, Path file) {
    Map<String, String> h =
        Map.of(
            Population.AREA_CODE,
            "lsoa21_code",
            "age_group",
            "age_group",
            Population.PERSONS,
            "usual_residents");
    StructType layout =
        new StructType()
            .add(Fields.required(Population.AREA_CODE, DataTypes.StringType, ""))
            .add(Fields.required("age_group", DataTypes.StringType, ""))
            .add(Fields.required(Population.PERSONS, DataTypes.DoubleType, ""));
    return spreadBands(Adapters.readPublished(spark, files.spec(), file, layout, h), 2021);
  }

  /**
   * Returns one row per area and single year of age from age-group rows ("Aged 15 years and under",
   * "Aged 16 to 24 years", "Aged 65 years and over"), each group's persons spread evenly over its
   * years; 90 stands for 90 and over.
   */
  public static Dataset<Row> spreadBands(Dataset<Row> groups, int year) {
    Column label = col("age_group");
    Column under = functions.regexp_extract(label, "Aged ([0-9]+) years and under", 1);
    Column from = functions.regexp_extract(label, "Aged ([0-9]+) (to|years and over)", 1);
    Column to = functions.regexp_extract(label, "to ([0-9]+) years", 1);
    Column lo = when(under.notEqual(""), lit(0)).otherwise(from.cast("int"));
    Column hi =
        when(under.notEqual(""), under.cast("int"))
            .when(to.notEqual(""), to.cast("int"))
            .otherwise(lit(Columns.MAX_AGE));
    List<Column> out = new ArrayList<>();
    out.add(col(Population.AREA_CODE));
    out.add(lit(year).as(Population.YEAR));
    out.add(col(Population.AGE));
    out.add(
        col(Population.PERSONS)
            .divide(col("_hi").minus(col("_lo")).plus(1))
            .as(Population.PERSONS));
    out.addAll(Adapters.rowColumns());
    return groups
        .withColumn("_lo", lo)
        .withColumn("_hi", hi)
        .withColumn(Population.AGE, functions.explode(functions.sequence(col("_lo"), col("_hi"))))
        .select(out.toArray(Column[]::new));
  }

  /**
   * Returns two rows (F, M) per area and age: persons times the female share of the area's
   * authority in the age's band, and the rest; England's share where the authority has none.
   *
   * @param areaLa area_code, _la_code
   * @param ratios _la_code, _band (0, 1, 2 for 0-15, 16-64, 65+), _female_share (0..1); the row
   *     with a null _la_code is England's
   */
  public static Dataset<Row> splitBySex(
      Dataset<Row> persons, Dataset<Row> areaLa, Dataset<Row> ratios) {
    Column band =
        when(col(Population.AGE).leq(15), lit(0))
            .when(col(Population.AGE).leq(64), lit(1))
            .otherwise(lit(2));
    Dataset<Row> local = ratios.where(col(LA).isNotNull());
    Dataset<Row> england =
        ratios.where(col(LA).isNull()).select(col(BAND), col(FEMALE_SHARE).as("_england_share"));
    Dataset<Row> withShare =
        persons
            .join(functions.broadcast(areaLa), Population.AREA_CODE, "left")
            .withColumn(BAND, band)
            .join(functions.broadcast(local), new String[] {LA, BAND}, "left")
            .join(functions.broadcast(england), BAND, "left")
            .withColumn(FEMALE_SHARE, functions.coalesce(col(FEMALE_SHARE), col("_england_share")));
    Column sexes =
        functions.array(
            functions.struct(lit("F").as(Population.SEX), col(FEMALE_SHARE).as("_share")),
            functions.struct(
                lit("M").as(Population.SEX), lit(1.0).minus(col(FEMALE_SHARE)).as("_share")));
    List<Column> out = new ArrayList<>();
    out.add(col(Population.AREA_CODE));
    out.add(col(Population.YEAR));
    out.add(col("_s." + Population.SEX).as(Population.SEX));
    out.add(col(Population.AGE));
    out.add(col(Population.PERSONS).multiply(col("_s._share")).as(Population.PERSONS));
    out.add(col(InputRows.SOURCE_FILE));
    out.add(col(InputRows.LINE_NUMBER));
    // The published line is wide (all ages); rejected rows are shown as their contract values.
    out.add(lit(null).cast(DataTypes.StringType).as(InputRows.RAW_RECORD));
    out.add(col(InputRows.FAILURES));
    return withShare.withColumn("_s", functions.explode(sexes)).select(out.toArray(Column[]::new));
  }

  /** Returns (_la_code, _band, _female_share) per authority, plus England's (null _la_code). */
  static Dataset<Row> sexRatios(SparkSession spark, Path file) {
    StructType s =
        new StructType()
            .add(LA, DataTypes.StringType)
            .add("total_population", DataTypes.DoubleType)
            .add("total_females", DataTypes.DoubleType)
            .add("total_males", DataTypes.DoubleType)
            .add("f0", DataTypes.DoubleType)
            .add("f1", DataTypes.DoubleType)
            .add("f2", DataTypes.DoubleType)
            .add("m0", DataTypes.DoubleType)
            .add("m1", DataTypes.DoubleType)
            .add("m2", DataTypes.DoubleType);
    Dataset<Row> la = GeographyAdapter.lookup(spark, file, s).where(col(LA).startsWith("E"));
    return femaleShares(la);
  }

  /** Returns the female share per authority and band, and England's (summed over authorities). */
  public static Dataset<Row> femaleShares(Dataset<Row> la) {
    Dataset<Row> all = null;
    for (int b = 0; b < 3; b++) {
      Column f = col("f" + b);
      Column m = col("m" + b);
      Dataset<Row> local =
          la.select(col(LA), lit(b).as(BAND), functions.try_divide(f, f.plus(m)).as(FEMALE_SHARE));
      Dataset<Row> england =
          la.agg(functions.sum(f).as("f"), functions.sum(m).as("m"))
              .select(
                  lit(null).cast(DataTypes.StringType).as(LA),
                  lit(b).as(BAND),
                  functions.try_divide(col("f"), col("f").plus(col("m"))).as(FEMALE_SHARE));
      Dataset<Row> one = local.unionByName(england);
      all = all == null ? one : all.unionByName(one);
    }
    return all;
  }

  private static Dataset<Row> areaLa(SparkSession spark, Path file, boolean v2011) {
    StructType s = new StructType();
    List<String> names =
        v2011
            ? List.of(
                "lsoa11_name",
                Population.AREA_CODE,
                "a",
                "b",
                "c",
                "d",
                "e",
                "f",
                "ltla22_name",
                LA)
            : List.of("lsoa21_name", Population.AREA_CODE, "a", "b", "ltla24_name", LA);
    for (String n : names) {
      s = s.add(n, DataTypes.StringType);
    }
    return GeographyAdapter.lookup(spark, file, s)
        .select(Population.AREA_CODE, LA)
        .dropDuplicates(Population.AREA_CODE);
  }
}
