package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the mortality input: deaths by small area, five-year age band (ESP2013 bands), sex
 * and year, split by avoidability.
 */
public final class Mortality {
  private Mortality() {}

  public static final String DATASET = "mortality";

  public static final String AREA_CODE = Columns.AREA_CODE;
  public static final String YEAR = Columns.YEAR;
  public static final String SEX = Columns.SEX;
  public static final String AGE_BAND_START = "age_band_start";
  public static final String IS_AVOIDABLE = "is_avoidable";
  public static final String DEATHS = "deaths";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(AREA_CODE, DataTypes.StringType, "Small-area (LSOA) code of residence"),
            Fields.required(YEAR, DataTypes.IntegerType, "Calendar year of registration"),
            Fields.required(SEX, DataTypes.StringType, "F or M"),
            Fields.required(
                AGE_BAND_START,
                DataTypes.IntegerType,
                "First age of the five-year band: 0, 5, ..., 90; 90 means 90 and over"),
            Fields.required(
                IS_AVOIDABLE,
                DataTypes.BooleanType,
                "True for deaths from causes classed as avoidable (ONS definition)"),
            Fields.required(DEATHS, DataTypes.LongType, "Deaths (count)")
          });

  public static final List<String> KEY =
      List.of(AREA_CODE, YEAR, SEX, AGE_BAND_START, IS_AVOIDABLE);

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "deaths by small area, five-year age band (ESP2013 bands), sex and year, split by avoidability.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(AREA_CODE),
              new Check.MatchesConfiguredPattern(AREA_CODE, "geography.area_code_pattern"),
              new Check.Range(YEAR, 1990.0, 2100.0),
              new Check.OneOf(SEX, List.of("F", "M")),
              new Check.OneOf(
                  AGE_BAND_START,
                  List.of(
                      "0", "5", "10", "15", "20", "25", "30", "35", "40", "45", "50", "55", "60",
                      "65", "70", "75", "80", "85", "90")),
              new Check.Range(DEATHS, 0.0, null),
              new Check.References(
                  "unknown_area",
                  Check.Severity.ERROR,
                  List.of(AREA_CODE),
                  GeographyLookup.DATASET,
                  List.of(GeographyLookup.AREA_CODE),
                  null)));
}
