package org.fairshare.ingest.adapters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.ingest.InputFiles;
import org.fairshare.schema.Fields;
import org.fairshare.schema.GeographyLookup;

/**
 * The ONS/NHS England small-area lookups (as republished in humaniverse/geographr) made into the
 * geography contract: LSOA to sub-ICB location and ICB (NHS ODS codes, as NHS England's allocation
 * files use), local authority, MSOA and region. Place is the local authority. The region is the ONS
 * region of the local authority (E12...), the only region the lookups carry.
 *
 * <ul>
 *   <li>{@value #LSOA11_2022}: 2011 LSOAs, 2022 sub-ICB/ICB/LA (main file
 *       lookup_lsoa11_sicbl22_icb22_ltla22); options {@code msoa} (lookup_lsoa11_msoa11) and {@code
 *       region} (lookup_ltla21_region21).
 *   <li>{@value #LSOA21_2024}: 2021 LSOAs, 2024 sub-ICB/ICB (main file lookup_lsoa21_icb24);
 *       options {@code la} (lookup_lsoa21_ward24_ltla24), {@code region} (lookup_ltla24_region24),
 *       {@code msoa} (lookup_msoa11_msoa21_ltla22) and {@code lsoa11}
 *       (lookup_lsoa11_lsoa21_ltla22), which together give each LSOA its MSOA (see {@link
 *       #msoaOfLsoa21}).
 * </ul>
 */
public final class GeographyAdapter {
  private GeographyAdapter() {}

  public static final String LSOA11_2022 = "geographr_lsoa11_icb22";
  public static final String LSOA21_2024 = "geographr_lsoa21_icb24";

  static Dataset<Row> read(
      SparkSession spark, InputFiles files, String adapter, Adapters.Options options) {
    boolean v2011 = adapter.equals(LSOA11_2022);
    Map<String, String> h = new LinkedHashMap<>();
    h.put(GeographyLookup.AREA_CODE, v2011 ? "lsoa11_code" : "lsoa21_code");
    h.put(GeographyLookup.AREA_NAME, v2011 ? "lsoa11_name" : "lsoa21_name");
    h.put(GeographyLookup.SUB_ICB_CODE, v2011 ? "sicbl22_code_h" : "sicbl24_code_nhs");
    h.put(GeographyLookup.SUB_ICB_NAME, v2011 ? "sicbl22_name" : "sicbl24_name");
    h.put(GeographyLookup.ICB_CODE, v2011 ? "icb22_code_h" : "icb24_code_nhs");
    h.put(GeographyLookup.ICB_NAME, v2011 ? "icb22_name" : "icb24_name");
    StructType layout =
        new StructType()
            .add(Fields.required(GeographyLookup.AREA_CODE, DataTypes.StringType, ""))
            .add(Fields.optional(GeographyLookup.AREA_NAME, DataTypes.StringType, ""))
            .add(Fields.required(GeographyLookup.SUB_ICB_CODE, DataTypes.StringType, ""))
            .add(Fields.optional(GeographyLookup.SUB_ICB_NAME, DataTypes.StringType, ""))
            .add(Fields.required(GeographyLookup.ICB_CODE, DataTypes.StringType, ""))
            .add(Fields.optional(GeographyLookup.ICB_NAME, DataTypes.StringType, ""));
    if (v2011) {
      h.put(GeographyLookup.LA_CODE, "ltla22_code");
      h.put(GeographyLookup.LA_NAME, "ltla22_name");
      layout =
          layout
              .add(Fields.required(GeographyLookup.LA_CODE, DataTypes.StringType, ""))
              .add(Fields.optional(GeographyLookup.LA_NAME, DataTypes.StringType, ""));
    }
    Path main = files.files().get(0);
    Dataset<Row> areas = Adapters.readPublished(spark, files.spec(), main, layout, h);
    if (!v2011) {
      areas = areas.join(laOfLsoa21(spark, options.file("la")), GeographyLookup.AREA_CODE, "left");
    }
    Dataset<Row> msoa =
        v2011
            ? msoaOfLsoa11(spark, options.file("msoa"))
            : msoaOfLsoa21(spark, options.file("msoa"), options.file("lsoa11"));
    return withLookups(
        areas,
        msoa,
        regions(spark, options.file("region"), v2011 ? "ltla21" : "ltla24"),
        v2011 ? 2011 : 2021);
  }

  /** Returns the areas with MSOA, region, vintage, and place = LA. */
  public static Dataset<Row> withLookups(
      Dataset<Row> areas, Dataset<Row> msoa, Dataset<Row> regions, int vintage) {
    return areas
        .join(msoa, GeographyLookup.AREA_CODE, "left")
        .join(regions, GeographyLookup.LA_CODE, "left")
        .withColumn(GeographyLookup.LSOA_VINTAGE, lit(vintage))
        .withColumn(GeographyLookup.PLACE_CODE, col(GeographyLookup.LA_CODE))
        .withColumn(GeographyLookup.PLACE_NAME, col(GeographyLookup.LA_NAME));
  }

  private static Dataset<Row> msoaOfLsoa11(SparkSession spark, Path file) {
    StructType s =
        new StructType()
            .add("lsoa11_name", DataTypes.StringType)
            .add(GeographyLookup.AREA_CODE, DataTypes.StringType)
            .add(GeographyLookup.MSOA_NAME, DataTypes.StringType)
            .add(GeographyLookup.MSOA_CODE, DataTypes.StringType);
    return lookup(spark, file, s).drop("lsoa11_name").dropDuplicates(GeographyLookup.AREA_CODE);
  }

  /**
   * Returns area_code, msoa_name and msoa_code of every 2021 LSOA. An LSOA's name is its MSOA's
   * name plus a letter, so most are found by name in the MSOA 2011-to-2021 lookup. That lookup has
   * a row per 2011 MSOA, so it lacks the MSOAs first drawn in 2021 (355 of England's LSOAs are in
   * one): such an LSOA takes the 2021 MSOA that its 2011 predecessor's MSOA became, a neighbour.
   */
  static Dataset<Row> msoaOfLsoa21(SparkSession spark, Path msoaFile, Path lsoa11File) {
    StructType msoaLayout =
        new StructType()
            .add("msoa11_name", DataTypes.StringType)
            .add("msoa11_code", DataTypes.StringType)
            .add(GeographyLookup.MSOA_NAME, DataTypes.StringType)
            .add(GeographyLookup.MSOA_CODE, DataTypes.StringType)
            .add("ltla22_name", DataTypes.StringType)
            .add("ltla22_code", DataTypes.StringType);
    StructType lsoaLayout =
        new StructType()
            .add("lsoa11_name", DataTypes.StringType)
            .add("lsoa11_code", DataTypes.StringType)
            .add("change_code", DataTypes.StringType)
            .add("lsoa21_name", DataTypes.StringType)
            .add(GeographyLookup.AREA_CODE, DataTypes.StringType)
            .add("ltla22_name", DataTypes.StringType)
            .add("ltla22_code", DataTypes.StringType);
    Dataset<Row> msoas = lookup(spark, msoaFile, msoaLayout);
    Column msoa21 =
        functions.struct(col(GeographyLookup.MSOA_CODE), col(GeographyLookup.MSOA_NAME));
    Dataset<Row> byName =
        msoas.select(col(GeographyLookup.MSOA_NAME).as("_name21"), msoa21.as("_by_name"));
    Dataset<Row> byPredecessor =
        msoas.select(col("msoa11_name").as("_name11"), msoa21.as("_by_predecessor"));
    // A merged LSOA has several predecessors and a name may repeat: the least candidate, by name
    // first, keeps the result the same from run to run.
    Column chosen =
        functions.min(
            functions
                .when(
                    col("_by_name").isNotNull(),
                    functions.struct(lit(0).as("p"), col("_by_name").as("m")))
                .otherwise(functions.struct(lit(1).as("p"), col("_by_predecessor").as("m"))));
    return lookup(spark, lsoa11File, lsoaLayout)
        .select(
            col(GeographyLookup.AREA_CODE),
            msoaNameOf(col("lsoa21_name")).as("_name21"),
            msoaNameOf(col("lsoa11_name")).as("_name11"))
        .join(byName, "_name21", "left")
        .join(byPredecessor, "_name11", "left")
        .groupBy(GeographyLookup.AREA_CODE)
        .agg(chosen.as("_c"))
        .select(
            col(GeographyLookup.AREA_CODE),
            col("_c.m." + GeographyLookup.MSOA_NAME).as(GeographyLookup.MSOA_NAME),
            col("_c.m." + GeographyLookup.MSOA_CODE).as(GeographyLookup.MSOA_CODE));
  }

  private static Column msoaNameOf(Column lsoaName) {
    return functions.regexp_replace(functions.trim(lsoaName), "[A-Z]$", "");
  }

  private static Dataset<Row> laOfLsoa21(SparkSession spark, Path file) {
    StructType s =
        new StructType()
            .add("lsoa21_name", DataTypes.StringType)
            .add(GeographyLookup.AREA_CODE, DataTypes.StringType)
            .add("ward24_name", DataTypes.StringType)
            .add("ward24_code", DataTypes.StringType)
            .add(GeographyLookup.LA_NAME, DataTypes.StringType)
            .add(GeographyLookup.LA_CODE, DataTypes.StringType);
    return lookup(spark, file, s)
        .select(GeographyLookup.AREA_CODE, GeographyLookup.LA_CODE, GeographyLookup.LA_NAME)
        .dropDuplicates(GeographyLookup.AREA_CODE);
  }

  private static Dataset<Row> regions(SparkSession spark, Path file, String prefix) {
    StructType s =
        new StructType()
            .add(prefix + "_name", DataTypes.StringType)
            .add(GeographyLookup.LA_CODE, DataTypes.StringType)
            .add(GeographyLookup.REGION_NAME, DataTypes.StringType)
            .add(GeographyLookup.REGION_CODE, DataTypes.StringType);
    return lookup(spark, file, s)
        .select(GeographyLookup.LA_CODE, GeographyLookup.REGION_CODE, GeographyLookup.REGION_NAME)
        .dropDuplicates(GeographyLookup.LA_CODE);
  }

  /** Returns a small published lookup read with this positional schema (header skipped). */
  static Dataset<Row> lookup(SparkSession spark, Path file, StructType schema) {
    return spark.read().option("header", "true").schema(schema).csv(file.toString());
  }
}
