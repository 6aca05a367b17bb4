package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Output table place_targets: each place's fair share of its ICB's envelope per stream. */
public final class PlaceTargetsTable {
  private PlaceTargetsTable() {}

  public static final String ICB_CODE = Columns.ICB_CODE;
  public static final String PLACE_CODE = Columns.PLACE_CODE;
  public static final String STREAM = AllocationColumns.STREAM;
  public static final String POPULATION = AllocationColumns.POPULATION;
  public static final String WEIGHTED_POPULATION = AllocationColumns.WEIGHTED_POPULATION;
  public static final String TARGET_SHARE = AllocationColumns.TARGET_SHARE;
  public static final String ENVELOPE_GBP = AllocationColumns.ENVELOPE_GBP;
  public static final String DISTRIBUTABLE_GBP = AllocationColumns.DISTRIBUTABLE_GBP;
  public static final String TARGET_GBP = AllocationColumns.TARGET_GBP;
  public static final String TARGET_PER_HEAD_GBP = "target_per_head_gbp";
  public static final String BASELINE_GBP = AllocationColumns.BASELINE_GBP;
  public static final String ICB_GROWTH = "icb_growth";
  public static final String DISTANCE_FROM_TARGET = AllocationColumns.DISTANCE_FROM_TARGET;

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(ICB_CODE, DataTypes.StringType, "ICB code"),
            Fields.required(PLACE_CODE, DataTypes.StringType, "Place code"),
            Fields.required(STREAM, DataTypes.StringType, "core or primary_medical_care"),
            Fields.required(POPULATION, DataTypes.DoubleType, "Residents (persons)"),
            Fields.required(
                WEIGHTED_POPULATION, DataTypes.DoubleType, "Final weighted population (persons)"),
            Fields.required(
                TARGET_SHARE,
                DataTypes.DoubleType,
                "Share of the ICB's weighted population (0 to 1)"),
            Fields.required(ENVELOPE_GBP, Money.TYPE, "The ICB's envelope for the stream (GBP)"),
            Fields.required(
                DISTRIBUTABLE_GBP,
                Money.TYPE,
                "Envelope less the configured system-wide hold-backs (GBP)"),
            Fields.required(
                TARGET_GBP,
                Money.TYPE,
                "Share of the distributable envelope; places add up to it exactly (GBP)"),
            Fields.optional(
                TARGET_PER_HEAD_GBP, DataTypes.DoubleType, "Target per resident (GBP per person)"),
            Fields.required(
                BASELINE_GBP, Money.TYPE, "Last year's recurrent allocation, 0 if none (GBP)"),
            Fields.optional(
                ICB_GROWTH,
                DataTypes.DoubleType,
                "Distributable envelope / sum of the ICB's baselines - 1 (fraction)"),
            Fields.optional(
                DISTANCE_FROM_TARGET,
                DataTypes.DoubleType,
                "(baseline x (1 + ICB growth) - target) / target; positive is over target")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "place_targets",
          "Place target shares, targets and distance from target within each ICB's envelope",
          SCHEMA,
          Map.of("target_not_negative", TARGET_GBP + " >= 0"));
}
