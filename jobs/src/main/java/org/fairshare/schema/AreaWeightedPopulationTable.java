package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table weighted_population_area: per small area and service, use observed and expected and
 * the weighted populations (age-sex only, and with sterilised additional need).
 */
public final class AreaWeightedPopulationTable {
  private AreaWeightedPopulationTable() {}

  public static final String AREA_CODE = Columns.AREA_CODE;
  public static final String SERVICE = Columns.SERVICE;
  public static final String POPULATION = AllocationColumns.POPULATION;
  public static final String OBSERVED_EVENTS = AllocationColumns.OBSERVED_EVENTS;
  public static final String EXPECTED_EVENTS = AllocationColumns.EXPECTED_EVENTS;
  public static final String FITTED_EVENTS = "fitted_events";
  public static final String STERILISED_EVENTS = "sterilised_events";
  public static final String WEIGHTED_POPULATION_AGE_SEX =
      AllocationColumns.WEIGHTED_POPULATION_AGE_SEX;
  public static final String WEIGHTED_POPULATION = AllocationColumns.WEIGHTED_POPULATION;

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(AREA_CODE, DataTypes.StringType, "Small-area (LSOA) code"),
            Fields.required(SERVICE, DataTypes.StringType, "Service, as in activity"),
            Fields.required(POPULATION, DataTypes.DoubleType, "Residents (persons)"),
            Fields.required(OBSERVED_EVENTS, DataTypes.LongType, "Events recorded (count)"),
            Fields.required(
                EXPECTED_EVENTS,
                DataTypes.DoubleType,
                "Events expected at national age-sex rates (count); the model's offset"),
            Fields.required(
                FITTED_EVENTS, DataTypes.DoubleType, "Model prediction with actual supply (count)"),
            Fields.required(
                STERILISED_EVENTS,
                DataTypes.DoubleType,
                "Model prediction with supply held at the national mean (count)"),
            Fields.required(
                WEIGHTED_POPULATION_AGE_SEX,
                DataTypes.DoubleType,
                "Population x age-sex cost weight (persons; England total = its population)"),
            Fields.required(
                WEIGHTED_POPULATION,
                DataTypes.DoubleType,
                "Sterilised prediction rescaled so England's total is its population (persons)")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "weighted_population_area",
          "Need-weighted population per small area and service",
          SCHEMA,
          Map.of("weighted_population_not_negative", WEIGHTED_POPULATION + " >= 0"));
}
