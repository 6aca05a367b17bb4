package org.fairshare.schema;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table allocation_waterfall: per place and stream, the steps from baseline to final
 * allocation in GBP; the baseline plus the steps equals the final allocation to the penny.
 */
public final class AllocationWaterfallTable {
  private AllocationWaterfallTable() {}

  public static final String ICB_CODE = Columns.ICB_CODE;
  public static final String PLACE_CODE = Columns.PLACE_CODE;
  public static final String STREAM = AllocationColumns.STREAM;
  public static final String STEP_ORDER = "step_order";
  public static final String STEP = "step";
  public static final String AMOUNT_GBP = "amount_gbp";
  public static final String CUMULATIVE_GBP = "cumulative_gbp";

  /** The steps in order; the first and last are levels, the others changes. */
  public static final List<String> STEPS =
      List.of(
          "baseline",
          "population_change",
          "age_sex",
          "additional_need",
          "health_inequalities",
          "cost_adjustment",
          "pace_of_change",
          "final_allocation");

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(ICB_CODE, DataTypes.StringType, "ICB code"),
            Fields.required(PLACE_CODE, DataTypes.StringType, "Place code"),
            Fields.required(STREAM, DataTypes.StringType, "core or primary_medical_care"),
            Fields.required(STEP_ORDER, DataTypes.IntegerType, "1 = baseline ... 8 = final"),
            Fields.required(
                STEP,
                DataTypes.StringType,
                "baseline, population_change, age_sex, additional_need, health_inequalities,"
                    + " cost_adjustment, pace_of_change, final_allocation"),
            Fields.required(
                AMOUNT_GBP,
                Money.TYPE,
                "Baseline and final: the level; other steps: the change they make (GBP)"),
            Fields.required(CUMULATIVE_GBP, Money.TYPE, "Running total after the step (GBP)")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "allocation_waterfall",
          "Baseline to final allocation per place, step by step, in GBP",
          SCHEMA,
          Map.of());
}
