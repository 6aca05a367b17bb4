package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the activity input: health-care use (events) by small area of residence, age, sex,
 * service and year.
 */
public final class Activity {
  private Activity() {}

  public static final String DATASET = "activity";

  public static final String AREA_CODE = Columns.AREA_CODE;
  public static final String YEAR = Columns.YEAR;
  public static final String SEX = Columns.SEX;
  public static final String AGE = Columns.AGE;
  public static final String SERVICE = Columns.SERVICE;
  public static final String EVENTS = "events";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(
                AREA_CODE,
                DataTypes.StringType,
                "Small-area (LSOA) code of the patient's residence"),
            Fields.required(YEAR, DataTypes.IntegerType, "Calendar year of the activity"),
            Fields.required(SEX, DataTypes.StringType, "F or M"),
            Fields.required(
                AGE, DataTypes.IntegerType, "Single year of age, 0 to 90; 90 means 90 and over"),
            Fields.required(
                SERVICE,
                DataTypes.StringType,
                "Service or point of delivery, e.g. emergency_admissions"),
            Fields.required(
                EVENTS,
                DataTypes.LongType,
                "Events: admissions, attendances, contacts or items (count)")
          });

  public static final List<String> KEY = List.of(AREA_CODE, YEAR, SEX, AGE, SERVICE);

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "health-care use (events) by small area of residence, age, sex, service and year.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(AREA_CODE),
              new Check.MatchesConfiguredPattern(AREA_CODE, "geography.area_code_pattern"),
              new Check.Range(YEAR, 1990.0, 2100.0),
              new Check.OneOf(SEX, List.of("F", "M")),
              new Check.Range(AGE, 0.0, (double) Columns.MAX_AGE),
              new Check.NotNull(SERVICE),
              new Check.Range(EVENTS, 0.0, null),
              new Check.References(
                  "unknown_area",
                  Check.Severity.ERROR,
                  List.of(AREA_CODE),
                  GeographyLookup.DATASET,
                  List.of(GeographyLookup.AREA_CODE),
                  null),
              new Check.References(
                  "activity_without_population",
                  Check.Severity.ERROR,
                  List.of(AREA_CODE, YEAR, SEX, AGE),
                  Population.DATASET,
                  List.of(Population.AREA_CODE, Population.YEAR, Population.SEX, Population.AGE),
                  Population.PERSONS)));
}
