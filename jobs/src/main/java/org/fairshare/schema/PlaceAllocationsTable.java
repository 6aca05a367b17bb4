package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table place_allocations: each place's allocation for the run's year after pace of change;
 * over an ICB's places they add up to its distributable envelope exactly.
 */
public final class PlaceAllocationsTable {
  private PlaceAllocationsTable() {}

  public static final String ICB_CODE = Columns.ICB_CODE;
  public static final String PLACE_CODE = Columns.PLACE_CODE;
  public static final String STREAM = AllocationColumns.STREAM;
  public static final String PATH_YEAR = "path_year";
  public static final String PATH_FINANCIAL_YEAR = "path_financial_year";
  public static final String ENVELOPE_GBP = AllocationColumns.DISTRIBUTABLE_GBP;
  public static final String BASELINE_GBP = AllocationColumns.BASELINE_GBP;
  public static final String TARGET_GBP = AllocationColumns.TARGET_GBP;
  public static final String FLOOR_GBP = "floor_gbp";
  public static final String ALLOCATION_GBP = AllocationColumns.ALLOCATION_GBP;
  public static final String GROWTH = "growth";
  public static final String DISTANCE_FROM_TARGET = AllocationColumns.DISTANCE_FROM_TARGET;
  public static final String BOUNDS = "bounds";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(ICB_CODE, DataTypes.StringType, "ICB code"),
            Fields.required(PLACE_CODE, DataTypes.StringType, "Place code"),
            Fields.required(STREAM, DataTypes.StringType, "core or primary_medical_care"),
            Fields.required(
                PATH_YEAR,
                DataTypes.IntegerType,
                "Year of the convergence path: 1 = the run's year"),
            Fields.required(
                PATH_FINANCIAL_YEAR, DataTypes.StringType, "Financial year of that path year"),
            Fields.required(
                ENVELOPE_GBP,
                Money.TYPE,
                "The ICB's distributable envelope that year (GBP); later years projected"),
            Fields.required(
                BASELINE_GBP, Money.TYPE, "Baseline: the previous year's allocation (GBP)"),
            Fields.required(TARGET_GBP, Money.TYPE, "Target that year (GBP)"),
            Fields.required(
                FLOOR_GBP, Money.TYPE, "Minimum-growth floor, tapered over target (GBP)"),
            Fields.required(ALLOCATION_GBP, Money.TYPE, "Allocation after pace of change (GBP)"),
            Fields.optional(
                GROWTH, DataTypes.DoubleType, "Allocation / baseline - 1 (fraction); null if none"),
            Fields.optional(
                DISTANCE_FROM_TARGET,
                DataTypes.DoubleType,
                "(allocation - target) / target after pace of change; positive is over target"),
            Fields.required(
                BOUNDS,
                DataTypes.StringType,
                "Bounds honoured: ALL, FLOORS_AND_MAX_UNDER, FLOORS or SCALED_FLOORS")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "place_allocations",
          "Place allocations after pace of change, with the multi-year convergence path",
          SCHEMA,
          Map.of("allocation_not_negative", ALLOCATION_GBP + " >= 0"));
}
