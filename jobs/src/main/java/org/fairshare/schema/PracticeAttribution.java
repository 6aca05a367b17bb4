package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the attribution input: where each practice's registered patients live: patients and
 * share by small area.
 */
public final class PracticeAttribution {
  private PracticeAttribution() {}

  public static final String DATASET = "attribution";

  public static final String PRACTICE_CODE = Columns.PRACTICE_CODE;
  public static final String AREA_CODE = Columns.AREA_CODE;
  public static final String YEAR = Columns.YEAR;
  public static final String PATIENTS = "patients";
  public static final String SHARE = "share";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(PRACTICE_CODE, DataTypes.StringType, "GP practice code"),
            Fields.required(AREA_CODE, DataTypes.StringType, "Small-area (LSOA) code of residence"),
            Fields.required(YEAR, DataTypes.IntegerType, "Calendar year of the snapshot"),
            Fields.required(
                PATIENTS, DataTypes.LongType, "Registered patients living in the area (count)"),
            Fields.required(
                SHARE,
                DataTypes.DoubleType,
                "Share of the practice list living in the area (0 to 1)")
          });

  public static final List<String> KEY = List.of(PRACTICE_CODE, AREA_CODE, YEAR);

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "where each practice's registered patients live: patients and share by small area.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(PRACTICE_CODE),
              new Check.NotNull(AREA_CODE),
              new Check.MatchesConfiguredPattern(AREA_CODE, "geography.area_code_pattern"),
              new Check.Range(YEAR, 1990.0, 2100.0),
              new Check.Range(PATIENTS, 0.0, null),
              new Check.Range(SHARE, 0.0, 1.0),
              new Check.References(
                  "unknown_practice",
                  Check.Severity.ERROR,
                  List.of(PRACTICE_CODE),
                  Practices.DATASET,
                  List.of(Practices.PRACTICE_CODE),
                  null),
              new Check.References(
                  "unknown_area",
                  Check.Severity.ERROR,
                  List.of(AREA_CODE),
                  GeographyLookup.DATASET,
                  List.of(GeographyLookup.AREA_CODE),
                  null),
              new Check.SumsTo(SHARE, List.of(PRACTICE_CODE, YEAR), 1.0, 0.001)));
}
