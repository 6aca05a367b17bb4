package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the nhse_weighted_populations input: NHS England's published weighted populations by
 * GP practice, allocation year and formula component (the ICB allocation tool's practice file, one
 * row per component).
 */
public final class PublishedWeightedPopulations {
  private PublishedWeightedPopulations() {}

  public static final String DATASET = "nhse_weighted_populations";

  public static final String PRACTICE_CODE = Columns.PRACTICE_CODE;
  public static final String ALLOCATION_YEAR = "allocation_year";
  public static final String COMPONENT = "component";
  public static final String PCN_CODE = Columns.PCN_CODE;
  public static final String SUB_ICB_CODE = Columns.SUB_ICB_CODE;
  public static final String ICB_CODE = Columns.ICB_CODE;
  public static final String LA_CODE = Columns.LA_CODE;
  public static final String REGISTERED_PATIENTS = "registered_patients";
  public static final String POPULATION = "population";
  public static final String WEIGHTED_POPULATION = "weighted_population";

  /** The published components, in the publication's column order. */
  public static final List<String> COMPONENTS =
      List.of(
          "general_acute",
          "community",
          "mental_health",
          "maternity",
          "health_inequalities",
          "prescribing",
          "core_final",
          "primary_medical_care",
          "primary_medical_care_final");

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(PRACTICE_CODE, DataTypes.StringType, "GP practice code"),
            Fields.required(
                ALLOCATION_YEAR, DataTypes.StringType, "Allocation financial year, e.g. 2022-23"),
            Fields.required(
                COMPONENT, DataTypes.StringType, "Formula component, e.g. general_acute"),
            Fields.optional(PCN_CODE, DataTypes.StringType, "Primary care network code"),
            Fields.optional(SUB_ICB_CODE, DataTypes.StringType, "Sub-ICB location code"),
            Fields.required(ICB_CODE, DataTypes.StringType, "ICB code (ODS, e.g. QHM)"),
            Fields.optional(LA_CODE, DataTypes.StringType, "Local authority of the practice"),
            Fields.optional(
                REGISTERED_PATIENTS, DataTypes.DoubleType, "Registered patients (count)"),
            Fields.required(
                POPULATION,
                DataTypes.DoubleType,
                "Projected unweighted population for the allocation year (persons)"),
            Fields.optional(
                WEIGHTED_POPULATION,
                DataTypes.DoubleType,
                "Need-weighted population for the component (persons); blank counts as 0")
          });

  public static final List<String> KEY = List.of(PRACTICE_CODE, ALLOCATION_YEAR, COMPONENT);

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "NHS England published weighted populations by GP practice, year and component.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(PRACTICE_CODE),
              new Check.NotNull(ICB_CODE),
              new Check.NotNull(ALLOCATION_YEAR),
              new Check.NotNull(POPULATION),
              // NHS England's tool sums each column with blanks as zero (17 practices publish no
              // maternity weight in 2022/23): quarantining the row would drop the practice's
              // population from that component's denominator.
              new Check.BlankIsZero(WEIGHTED_POPULATION),
              new Check.OneOf(COMPONENT, COMPONENTS),
              new Check.Range(POPULATION, 0.0, null),
              new Check.Range(WEIGHTED_POPULATION, 0.0, null)));
}
