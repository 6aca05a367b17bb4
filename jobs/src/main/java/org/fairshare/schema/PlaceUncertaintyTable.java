package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table place_uncertainty: simulated intervals of each place's need indices, target share
 * and target, from the need model's coefficient uncertainty and the Poisson noise of the
 * health-inequalities mortality ratios.
 */
public final class PlaceUncertaintyTable {
  private PlaceUncertaintyTable() {}

  public static final String ICB_CODE = Columns.ICB_CODE;
  public static final String PLACE_CODE = Columns.PLACE_CODE;
  public static final String STREAM = AllocationColumns.STREAM;
  public static final String DRAWS = "draws";
  public static final String CONFIDENCE = "confidence";
  public static final String NEED_INDEX_ICB = AllocationColumns.NEED_INDEX_ICB;
  public static final String NEED_INDEX_ICB_LOWER = "need_index_icb_lower";
  public static final String NEED_INDEX_ICB_UPPER = "need_index_icb_upper";
  public static final String NEED_INDEX_ENGLAND = AllocationColumns.NEED_INDEX_ENGLAND;
  public static final String NEED_INDEX_ENGLAND_LOWER = "need_index_england_lower";
  public static final String NEED_INDEX_ENGLAND_UPPER = "need_index_england_upper";
  public static final String TARGET_SHARE = AllocationColumns.TARGET_SHARE;
  public static final String TARGET_SHARE_LOWER = "target_share_lower";
  public static final String TARGET_SHARE_UPPER = "target_share_upper";
  public static final String TARGET_GBP = AllocationColumns.TARGET_GBP;
  public static final String TARGET_GBP_LOWER = "target_gbp_lower";
  public static final String TARGET_GBP_UPPER = "target_gbp_upper";
  public static final String NEED_INDEX_ICB_WIDTH = "need_index_icb_width";
  public static final String IS_CAUTION = "is_caution";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(ICB_CODE, DataTypes.StringType, "ICB code"),
            Fields.required(PLACE_CODE, DataTypes.StringType, "Place code"),
            Fields.required(STREAM, DataTypes.StringType, "core or primary_medical_care"),
            Fields.required(DRAWS, DataTypes.IntegerType, "Simulation draws (uncertainty.draws)"),
            Fields.required(
                CONFIDENCE, DataTypes.DoubleType, "Coverage of the intervals, e.g. 0.95"),
            Fields.optional(
                NEED_INDEX_ICB, DataTypes.DoubleType, "Need index against the ICB, as estimated"),
            Fields.optional(
                NEED_INDEX_ICB_LOWER, DataTypes.DoubleType, "Lower limit of need_index_icb"),
            Fields.optional(
                NEED_INDEX_ICB_UPPER, DataTypes.DoubleType, "Upper limit of need_index_icb"),
            Fields.optional(
                NEED_INDEX_ENGLAND,
                DataTypes.DoubleType,
                "Need index against England, as estimated"),
            Fields.optional(
                NEED_INDEX_ENGLAND_LOWER,
                DataTypes.DoubleType,
                "Lower limit of need_index_england"),
            Fields.optional(
                NEED_INDEX_ENGLAND_UPPER,
                DataTypes.DoubleType,
                "Upper limit of need_index_england"),
            Fields.optional(
                TARGET_SHARE,
                DataTypes.DoubleType,
                "Share of the ICB's weighted population, as estimated (0 to 1)"),
            Fields.optional(
                TARGET_SHARE_LOWER, DataTypes.DoubleType, "Lower limit of target_share"),
            Fields.optional(
                TARGET_SHARE_UPPER, DataTypes.DoubleType, "Upper limit of target_share"),
            Fields.optional(TARGET_GBP, Money.TYPE, "Target as in place_targets (GBP)"),
            Fields.optional(
                TARGET_GBP_LOWER,
                Money.TYPE,
                "Lower limit of the target: drawn share x distributable envelope (GBP)"),
            Fields.optional(TARGET_GBP_UPPER, Money.TYPE, "Upper limit of the target (GBP)"),
            Fields.optional(
                NEED_INDEX_ICB_WIDTH,
                DataTypes.DoubleType,
                "need_index_icb_upper - need_index_icb_lower (index points)"),
            Fields.required(
                IS_CAUTION,
                DataTypes.BooleanType,
                "True when the need_index_icb interval is wider than uncertainty.caution_width:"
                    + " treat with caution")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "place_uncertainty",
          "Simulated intervals of place need indices, target shares and targets, and the places"
              + " to treat with caution",
          SCHEMA,
          Map.of(
              "ordered_limits",
              NEED_INDEX_ICB_LOWER
                  + " IS NULL OR "
                  + NEED_INDEX_ICB_UPPER
                  + " IS NULL OR "
                  + NEED_INDEX_ICB_LOWER
                  + " <= "
                  + NEED_INDEX_ICB_UPPER));
}
