package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Output table allocation_holdbacks: system-wide budgets held back before place shares. */
public final class HoldbacksTable {
  private HoldbacksTable() {}

  public static final String ICB_CODE = Columns.ICB_CODE;
  public static final String STREAM = AllocationColumns.STREAM;
  public static final String HOLDBACK_NAME = "holdback_name";
  public static final String SHARE = "share";
  public static final String AMOUNT_GBP = "amount_gbp";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(ICB_CODE, DataTypes.StringType, "ICB code"),
            Fields.required(STREAM, DataTypes.StringType, "core or primary_medical_care"),
            Fields.required(HOLDBACK_NAME, DataTypes.StringType, "Name of the held-back budget"),
            Fields.required(
                SHARE, DataTypes.DoubleType, "Configured share of the envelope (0 to 1)"),
            Fields.required(
                AMOUNT_GBP, Money.TYPE, "Envelope x share, rounded half-even to the penny (GBP)")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "allocation_holdbacks",
          "System-wide budgets held back from each ICB envelope before place targets",
          SCHEMA,
          Map.of());
}
