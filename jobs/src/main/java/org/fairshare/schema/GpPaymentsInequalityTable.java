package org.fairshare.schema;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table {@code gp_payments_inequality}: the slope index of inequality of payments per
 * weighted patient across practice deprivation quintiles, with the most and least deprived
 * quintiles' values, per payment year, England and ICB.
 */
public final class GpPaymentsInequalityTable {
  private GpPaymentsInequalityTable() {}

  public static final String NAME = "gp_payments_inequality";

  public static final String PAYMENT_YEAR = GpPayments.PAYMENT_YEAR;
  public static final String GEOGRAPHY_LEVEL = GpPaymentsByDeprivationTable.GEOGRAPHY_LEVEL;
  public static final String GEOGRAPHY_CODE = GpPaymentsByDeprivationTable.GEOGRAPHY_CODE;
  public static final String MOST_DEPRIVED_GBP = "most_deprived_per_weighted_patient_gbp";
  public static final String LEAST_DEPRIVED_GBP = "least_deprived_per_weighted_patient_gbp";
  public static final String MOST_TO_LEAST_RATIO = "most_to_least_deprived_ratio";
  public static final String SII_GBP = "sii_gbp";
  public static final String SII_LOWER_GBP = "sii_lower_ci_gbp";
  public static final String SII_UPPER_GBP = "sii_upper_ci_gbp";
  public static final String RII = "rii";
  public static final String RII_LOWER = "rii_lower_ci";
  public static final String RII_UPPER = "rii_upper_ci";

  public static final StructType COLUMNS =
      new StructType(
          new StructField[] {
            Fields.required(PAYMENT_YEAR, DataTypes.StringType, "Financial year of the payments"),
            Fields.required(GEOGRAPHY_LEVEL, DataTypes.StringType, "england or icb"),
            Fields.required(GEOGRAPHY_CODE, DataTypes.StringType, "E92000001 or the ICB code"),
            Fields.optional(
                MOST_DEPRIVED_GBP,
                DataTypes.DoubleType,
                "Payments per weighted patient, most deprived fifth of practices (GBP)"),
            Fields.optional(
                LEAST_DEPRIVED_GBP,
                DataTypes.DoubleType,
                "Payments per weighted patient, least deprived fifth of practices (GBP)"),
            Fields.optional(
                MOST_TO_LEAST_RATIO,
                DataTypes.DoubleType,
                "Most deprived / least deprived fifth (below 1: most deprived get less)"),
            Fields.optional(
                SII_GBP,
                DataTypes.DoubleType,
                "Slope index of inequality: fitted least minus most deprived end, GBP per"
                    + " weighted patient (positive: least deprived practices get more)"),
            Fields.optional(SII_LOWER_GBP, DataTypes.DoubleType, "Lower 95% limit (GBP)"),
            Fields.optional(SII_UPPER_GBP, DataTypes.DoubleType, "Upper 95% limit (GBP)"),
            Fields.optional(
                RII,
                DataTypes.DoubleType,
                "Relative index: fitted least / most deprived end (above 1: least deprived get more)"),
            Fields.optional(RII_LOWER, DataTypes.DoubleType, "Lower 95% limit"),
            Fields.optional(RII_UPPER, DataTypes.DoubleType, "Upper 95% limit")
          });

  public static final List<String> KEY = List.of(PAYMENT_YEAR, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE);

  public static final OutputTable TABLE =
      OutputTable.sliced(
          NAME,
          "SII of GP payments per weighted patient across practice IMD quintiles, England and ICBs",
          COLUMNS,
          Map.of());
}
