package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table weighted_population_place: per place and component (each service, the
 * health-inequalities component, and each funding stream after blending and cost adjustment), the
 * weighted population and need indices.
 */
public final class PlaceWeightedPopulationTable {
  private PlaceWeightedPopulationTable() {}

  public static final String ICB_CODE = Columns.ICB_CODE;
  public static final String PLACE_CODE = Columns.PLACE_CODE;
  public static final String COMPONENT = AllocationColumns.COMPONENT;
  public static final String POPULATION = AllocationColumns.POPULATION;
  public static final String WEIGHTED_POPULATION = AllocationColumns.WEIGHTED_POPULATION;
  public static final String NEED_INDEX_ICB = AllocationColumns.NEED_INDEX_ICB;
  public static final String NEED_INDEX_ENGLAND = AllocationColumns.NEED_INDEX_ENGLAND;

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(ICB_CODE, DataTypes.StringType, "ICB code"),
            Fields.required(PLACE_CODE, DataTypes.StringType, "Place code"),
            Fields.required(
                COMPONENT,
                DataTypes.StringType,
                "A service, health_inequalities, or a funding stream (core, primary_medical_care)"),
            Fields.required(POPULATION, DataTypes.DoubleType, "Residents (persons)"),
            Fields.required(
                WEIGHTED_POPULATION, DataTypes.DoubleType, "Weighted population (persons)"),
            Fields.optional(
                NEED_INDEX_ICB,
                DataTypes.DoubleType,
                "(WP_place / Pop_place) / (WP_ICB / Pop_ICB); 1.0 = the ICB's average"),
            Fields.optional(
                NEED_INDEX_ENGLAND,
                DataTypes.DoubleType,
                "(WP_place / Pop_place) / (WP_England / Pop_England); 1.0 = England's average")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "weighted_population_place",
          "Weighted population and need indices per place and component",
          SCHEMA,
          Map.of());
}
