package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table stream_weighted_population: per place and funding stream, the weighted population
 * after each formula step (age-sex, additional need, health inequalities, cost), England totals
 * equal to England's population at every step.
 */
public final class StreamWeightedPopulationTable {
  private StreamWeightedPopulationTable() {}

  public static final String ICB_CODE = Columns.ICB_CODE;
  public static final String PLACE_CODE = Columns.PLACE_CODE;
  public static final String STREAM = AllocationColumns.STREAM;
  public static final String POPULATION = AllocationColumns.POPULATION;
  public static final String WEIGHTED_POPULATION_AGE_SEX =
      AllocationColumns.WEIGHTED_POPULATION_AGE_SEX;
  public static final String WEIGHTED_POPULATION_NEED = "weighted_population_need";
  public static final String WEIGHTED_POPULATION_HI = "weighted_population_hi";
  public static final String COST_INDEX = "cost_index";
  public static final String WEIGHTED_POPULATION = AllocationColumns.WEIGHTED_POPULATION;
  public static final String NEED_INDEX_ICB = AllocationColumns.NEED_INDEX_ICB;
  public static final String NEED_INDEX_ENGLAND = AllocationColumns.NEED_INDEX_ENGLAND;

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(ICB_CODE, DataTypes.StringType, "ICB code"),
            Fields.required(PLACE_CODE, DataTypes.StringType, "Place code"),
            Fields.required(STREAM, DataTypes.StringType, "core or primary_medical_care"),
            Fields.required(POPULATION, DataTypes.DoubleType, "Residents (persons)"),
            Fields.required(
                WEIGHTED_POPULATION_AGE_SEX,
                DataTypes.DoubleType,
                "Spend-share blend of the services' age-sex weighted populations (persons)"),
            Fields.required(
                WEIGHTED_POPULATION_NEED,
                DataTypes.DoubleType,
                "Spend-share blend of the services' need-weighted populations (persons)"),
            Fields.required(
                WEIGHTED_POPULATION_HI,
                DataTypes.DoubleType,
                "(1 - h) x need blend + h x health-inequalities weighted population (persons)"),
            Fields.required(
                COST_INDEX,
                DataTypes.DoubleType,
                "Product of the configured unavoidable-cost indices (1.0 = average)"),
            Fields.required(
                WEIGHTED_POPULATION,
                DataTypes.DoubleType,
                "Cost-adjusted weighted population, rescaled to England's population (persons)"),
            Fields.optional(
                NEED_INDEX_ICB,
                DataTypes.DoubleType,
                "(WP_place / Pop_place) / (WP_ICB / Pop_ICB) of the final weighted population"),
            Fields.optional(
                NEED_INDEX_ENGLAND,
                DataTypes.DoubleType,
                "(WP_place / Pop_place) / (WP_England / Pop_England) of the final weighted"
                    + " population")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "stream_weighted_population",
          "Weighted population per place and funding stream after each formula step",
          SCHEMA,
          Map.of("weighted_population_not_negative", WEIGHTED_POPULATION + " >= 0"));
}
