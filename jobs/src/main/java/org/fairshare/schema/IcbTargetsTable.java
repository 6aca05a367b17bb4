package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Output table icb_targets: each ICB's fair share of the national quantum per funding stream. */
public final class IcbTargetsTable {
  private IcbTargetsTable() {}

  public static final String ICB_CODE = Columns.ICB_CODE;
  public static final String STREAM = AllocationColumns.STREAM;
  public static final String POPULATION = AllocationColumns.POPULATION;
  public static final String WEIGHTED_POPULATION = AllocationColumns.WEIGHTED_POPULATION;
  public static final String TARGET_SHARE = AllocationColumns.TARGET_SHARE;
  public static final String QUANTUM_GBP = "quantum_gbp";
  public static final String TARGET_GBP = AllocationColumns.TARGET_GBP;
  public static final String ENVELOPE_GBP = AllocationColumns.ENVELOPE_GBP;
  public static final String DISTANCE_FROM_TARGET = AllocationColumns.DISTANCE_FROM_TARGET;

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(ICB_CODE, DataTypes.StringType, "ICB code"),
            Fields.required(STREAM, DataTypes.StringType, "core or primary_medical_care"),
            Fields.required(POPULATION, DataTypes.DoubleType, "Residents (persons)"),
            Fields.required(
                WEIGHTED_POPULATION, DataTypes.DoubleType, "Weighted population (persons)"),
            Fields.required(
                TARGET_SHARE,
                DataTypes.DoubleType,
                "Share of England's weighted population (0 to 1)"),
            Fields.required(
                QUANTUM_GBP,
                Money.TYPE,
                "National quantum shared: configured, else the sum of the envelopes (GBP)"),
            Fields.required(TARGET_GBP, Money.TYPE, "Target: share x quantum, to the penny (GBP)"),
            Fields.optional(
                ENVELOPE_GBP, Money.TYPE, "The ICB's envelope (GBP); null if none given"),
            Fields.optional(
                DISTANCE_FROM_TARGET,
                DataTypes.DoubleType,
                "(envelope - target) / target; positive is over target")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "icb_targets",
          "ICB target shares and targets within the national quantum",
          SCHEMA,
          Map.of());
}
