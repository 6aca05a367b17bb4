package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table allocation_checks: Mental Health Investment Standard, primary-care ring-fence and
 * envelope reconciliation, pass or fail with the figures.
 */
public final class AllocationChecksTable {
  private AllocationChecksTable() {}

  public static final String CHECK_NAME = "check_name";
  public static final String ICB_CODE = Columns.ICB_CODE;
  public static final String PLACE_CODE = Columns.PLACE_CODE;
  public static final String STREAM = AllocationColumns.STREAM;
  public static final String AMOUNT_GBP = "amount_gbp";
  public static final String REFERENCE_GBP = "reference_gbp";
  public static final String MEASURED_GROWTH = "measured_growth";
  public static final String REQUIRED_GROWTH = "required_growth";
  public static final String IS_PASSED = "is_passed";
  public static final String DETAIL = "detail";

  public static final String MENTAL_HEALTH_INVESTMENT_STANDARD =
      "mental_health_investment_standard";
  public static final String PRIMARY_CARE_RING_FENCE = "primary_care_ring_fence";
  public static final String ENVELOPE_RECONCILIATION = "envelope_reconciliation";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(
                CHECK_NAME,
                DataTypes.StringType,
                "mental_health_investment_standard, primary_care_ring_fence or"
                    + " envelope_reconciliation"),
            Fields.required(ICB_CODE, DataTypes.StringType, "ICB code"),
            Fields.optional(PLACE_CODE, DataTypes.StringType, "Place code; null for ICB-level"),
            Fields.optional(STREAM, DataTypes.StringType, "Funding stream checked, if one"),
            Fields.optional(
                AMOUNT_GBP,
                Money.TYPE,
                "MHIS: this year's mental-health spend; ring-fence and reconciliation: allocated"
                    + " total incl. hold-backs (GBP)"),
            Fields.optional(
                REFERENCE_GBP,
                Money.TYPE,
                "MHIS: last year's mental-health spend; ring-fence and reconciliation: envelope"
                    + " (GBP)"),
            Fields.optional(
                MEASURED_GROWTH,
                DataTypes.DoubleType,
                "MHIS: mental-health spend growth (fraction)"),
            Fields.optional(
                REQUIRED_GROWTH,
                DataTypes.DoubleType,
                "MHIS: allocation growth the spend growth must match (fraction)"),
            Fields.optional(
                IS_PASSED,
                DataTypes.BooleanType,
                "True if passed; null if it could not be assessed"),
            Fields.required(DETAIL, DataTypes.StringType, "What was compared, in words")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "allocation_checks",
          "Allocation checks: MHIS, primary-care ring-fence, envelope reconciliation",
          SCHEMA,
          Map.of());
}
