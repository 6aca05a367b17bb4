package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the deprivation input: Index of Multiple Deprivation and its seven domains by small
 * area.
 */
public final class Deprivation {
  private Deprivation() {}

  public static final String DATASET = "deprivation";

  public static final String AREA_CODE = Columns.AREA_CODE;
  public static final String IMD_VINTAGE = "imd_vintage";
  public static final String IMD_SCORE = "imd_score";
  public static final String IMD_RANK = "imd_rank";
  public static final String IMD_DECILE = "imd_decile";
  public static final String INCOME_SCORE = "income_score";
  public static final String EMPLOYMENT_SCORE = "employment_score";
  public static final String EDUCATION_SCORE = "education_score";
  public static final String HEALTH_SCORE = "health_score";
  public static final String CRIME_SCORE = "crime_score";
  public static final String BARRIERS_SCORE = "barriers_score";
  public static final String LIVING_ENVIRONMENT_SCORE = "living_environment_score";
  public static final String INCOME_RANK = "income_rank";
  public static final String EMPLOYMENT_RANK = "employment_rank";
  public static final String EDUCATION_RANK = "education_rank";
  public static final String HEALTH_RANK = "health_rank";
  public static final String CRIME_RANK = "crime_rank";
  public static final String BARRIERS_RANK = "barriers_rank";
  public static final String LIVING_ENVIRONMENT_RANK = "living_environment_rank";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(
                AREA_CODE,
                DataTypes.StringType,
                "Small-area (LSOA) code of the configured vintage"),
            Fields.required(
                IMD_VINTAGE,
                DataTypes.StringType,
                "Index release, e.g. IMD2019, IoD2025, SYNTHETIC"),
            Fields.optional(
                IMD_SCORE,
                DataTypes.DoubleType,
                "Index of Multiple Deprivation score (higher is more deprived)"),
            Fields.required(
                IMD_RANK, DataTypes.IntegerType, "Rank among all areas, 1 = most deprived"),
            Fields.required(
                IMD_DECILE, DataTypes.IntegerType, "National decile, 1 = most deprived 10%"),
            Fields.optional(
                INCOME_SCORE,
                DataTypes.DoubleType,
                "Income domain score (higher is more deprived)"),
            Fields.optional(
                EMPLOYMENT_SCORE,
                DataTypes.DoubleType,
                "Employment domain score (higher is more deprived)"),
            Fields.optional(
                EDUCATION_SCORE,
                DataTypes.DoubleType,
                "Education domain score (higher is more deprived)"),
            Fields.optional(
                HEALTH_SCORE,
                DataTypes.DoubleType,
                "Health domain score (higher is more deprived)"),
            Fields.optional(
                CRIME_SCORE, DataTypes.DoubleType, "Crime domain score (higher is more deprived)"),
            Fields.optional(
                BARRIERS_SCORE,
                DataTypes.DoubleType,
                "Barriers domain score (higher is more deprived)"),
            Fields.optional(
                LIVING_ENVIRONMENT_SCORE,
                DataTypes.DoubleType,
                "Living environment domain score (higher is more deprived)"),
            Fields.optional(
                INCOME_RANK, DataTypes.IntegerType, "Income domain rank, 1 = most deprived"),
            Fields.optional(
                EMPLOYMENT_RANK,
                DataTypes.IntegerType,
                "Employment domain rank, 1 = most deprived"),
            Fields.optional(
                EDUCATION_RANK, DataTypes.IntegerType, "Education domain rank, 1 = most deprived"),
            Fields.optional(
                HEALTH_RANK, DataTypes.IntegerType, "Health domain rank, 1 = most deprived"),
            Fields.optional(
                CRIME_RANK, DataTypes.IntegerType, "Crime domain rank, 1 = most deprived"),
            Fields.optional(
                BARRIERS_RANK, DataTypes.IntegerType, "Barriers domain rank, 1 = most deprived"),
            Fields.optional(
                LIVING_ENVIRONMENT_RANK,
                DataTypes.IntegerType,
                "Living environment domain rank, 1 = most deprived")
          });

  public static final List<String> KEY = List.of(AREA_CODE);

  /** The seven domains in the order the indices publish them. */
  public static final List<String> DOMAINS =
      List.of(
          "income", "employment", "education", "health", "crime", "barriers", "living_environment");

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "Index of Multiple Deprivation and its seven domains by small area.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(AREA_CODE),
              new Check.MatchesConfiguredPattern(AREA_CODE, "geography.area_code_pattern"),
              new Check.NotNull(IMD_VINTAGE),
              new Check.Range(IMD_RANK, 1.0, null),
              new Check.Range(IMD_DECILE, 1.0, 10.0),
              new Check.Range(IMD_SCORE, 0.0, null),
              new Check.References(
                  "unknown_area",
                  Check.Severity.ERROR,
                  List.of(AREA_CODE),
                  GeographyLookup.DATASET,
                  List.of(GeographyLookup.AREA_CODE),
                  null)));
}
