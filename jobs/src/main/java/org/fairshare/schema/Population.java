package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the population input: residents by small area (LSOA), single year of age and sex,
 * mid-year estimate.
 */
public final class Population {
  private Population() {}

  public static final String DATASET = "population";

  public static final String AREA_CODE = Columns.AREA_CODE;
  public static final String YEAR = Columns.YEAR;
  public static final String SEX = Columns.SEX;
  public static final String AGE = Columns.AGE;
  public static final String PERSONS = "persons";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(
                AREA_CODE,
                DataTypes.StringType,
                "Small-area (LSOA) code of the configured vintage"),
            Fields.required(
                YEAR, DataTypes.IntegerType, "Mid-year of the estimate (calendar year)"),
            Fields.required(SEX, DataTypes.StringType, "F or M"),
            Fields.required(
                AGE, DataTypes.IntegerType, "Single year of age, 0 to 90; 90 means 90 and over"),
            Fields.required(
                PERSONS,
                DataTypes.DoubleType,
                "Resident persons (count; fractional where split by a documented method)")
          });

  public static final List<String> KEY = List.of(AREA_CODE, YEAR, SEX, AGE);

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "residents by small area (LSOA), single year of age and sex, mid-year estimate.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(AREA_CODE),
              new Check.MatchesConfiguredPattern(AREA_CODE, "geography.area_code_pattern"),
              new Check.Range(YEAR, 1990.0, 2100.0),
              new Check.OneOf(SEX, List.of("F", "M")),
              new Check.Range(AGE, 0.0, (double) Columns.MAX_AGE),
              new Check.Range(PERSONS, 0.0, null),
              new Check.References(
                  "unknown_area",
                  Check.Severity.ERROR,
                  List.of(AREA_CODE),
                  GeographyLookup.DATASET,
                  List.of(GeographyLookup.AREA_CODE),
                  null)));
}
