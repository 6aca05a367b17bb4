package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the supply input: supply (access and capacity) variables by small area, fitted and
 * then held at the national mean.
 */
public final class Supply {
  private Supply() {}

  public static final String DATASET = "supply";

  public static final String AREA_CODE = Columns.AREA_CODE;
  public static final String YEAR = Columns.YEAR;
  public static final String GP_FTE_PER_10K = "gp_fte_per_10k";
  public static final String TRAVEL_MINUTES = "travel_minutes";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(AREA_CODE, DataTypes.StringType, "Small-area (LSOA) code"),
            Fields.required(YEAR, DataTypes.IntegerType, "Calendar year"),
            Fields.required(
                GP_FTE_PER_10K,
                DataTypes.DoubleType,
                "GP full-time equivalents per 10,000 registered patients nearby"),
            Fields.required(
                TRAVEL_MINUTES,
                DataTypes.DoubleType,
                "Travel time to the nearest acute hospital (minutes)")
          });

  public static final List<String> KEY = List.of(AREA_CODE, YEAR);

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "supply (access and capacity) variables by small area, fitted and then held at the national mean.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(AREA_CODE),
              new Check.MatchesConfiguredPattern(AREA_CODE, "geography.area_code_pattern"),
              new Check.Range(YEAR, 1990.0, 2100.0),
              new Check.Range(GP_FTE_PER_10K, 0.0, null),
              new Check.Range(TRAVEL_MINUTES, 0.0, null),
              new Check.References(
                  "unknown_area",
                  Check.Severity.ERROR,
                  List.of(AREA_CODE),
                  GeographyLookup.DATASET,
                  List.of(GeographyLookup.AREA_CODE),
                  null)));
}
