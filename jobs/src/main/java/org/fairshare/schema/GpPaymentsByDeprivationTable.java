package org.fairshare.schema;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table {@code gp_payments_by_deprivation}: NHS payments to general practice per weighted
 * (Carr-Hill need-adjusted) patient by practice deprivation quintile, England and per ICB, per
 * payment year.
 */
public final class GpPaymentsByDeprivationTable {
  private GpPaymentsByDeprivationTable() {}

  public static final String NAME = "gp_payments_by_deprivation";

  public static final String PAYMENT_YEAR = GpPayments.PAYMENT_YEAR;
  public static final String GEOGRAPHY_LEVEL = "geography_level";
  public static final String GEOGRAPHY_CODE = "geography_code";
  public static final String IMD_QUINTILE = "imd_quintile";
  public static final String PRACTICES = "practices";
  public static final String REGISTERED_PATIENTS = "registered_patients";
  public static final String WEIGHTED_PATIENTS = "weighted_patients";
  public static final String TOTAL_PAYMENTS_GBP = "total_payments_gbp";
  public static final String PER_WEIGHTED_PATIENT_GBP = "payments_per_weighted_patient_gbp";
  public static final String STANDARD_ERROR_GBP = "standard_error_gbp";
  public static final String LOWER_CI_GBP = "lower_ci_gbp";
  public static final String UPPER_CI_GBP = "upper_ci_gbp";
  public static final String PER_REGISTERED_PATIENT_GBP = "payments_per_registered_patient_gbp";

  public static final StructType COLUMNS =
      new StructType(
          new StructField[] {
            Fields.required(PAYMENT_YEAR, DataTypes.StringType, "Financial year of the payments"),
            Fields.required(GEOGRAPHY_LEVEL, DataTypes.StringType, "england or icb"),
            Fields.required(GEOGRAPHY_CODE, DataTypes.StringType, "E92000001 or the ICB code"),
            Fields.required(
                IMD_QUINTILE,
                DataTypes.IntegerType,
                "National quintile of practices by IMD score, 1 = most deprived fifth"),
            Fields.required(PRACTICES, DataTypes.LongType, "Practices (count)"),
            Fields.required(REGISTERED_PATIENTS, DataTypes.DoubleType, "Registered patients"),
            Fields.required(
                WEIGHTED_PATIENTS, DataTypes.DoubleType, "Carr-Hill weighted patients (persons)"),
            Fields.required(TOTAL_PAYMENTS_GBP, DataTypes.DoubleType, "Total NHS payments (GBP)"),
            Fields.required(
                PER_WEIGHTED_PATIENT_GBP,
                DataTypes.DoubleType,
                "Total payments / weighted patients (GBP per need-weighted patient)"),
            Fields.optional(
                STANDARD_ERROR_GBP,
                DataTypes.DoubleType,
                "Standard error of the ratio over practices (linearisation, GBP)"),
            Fields.optional(LOWER_CI_GBP, DataTypes.DoubleType, "Lower 95% limit (GBP)"),
            Fields.optional(UPPER_CI_GBP, DataTypes.DoubleType, "Upper 95% limit (GBP)"),
            Fields.required(
                PER_REGISTERED_PATIENT_GBP,
                DataTypes.DoubleType,
                "Total payments / registered patients (GBP per patient)")
          });

  public static final List<String> KEY =
      List.of(PAYMENT_YEAR, GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, IMD_QUINTILE);

  public static final OutputTable TABLE =
      OutputTable.sliced(
          NAME,
          "GP payments per need-weighted patient by practice IMD quintile, England and ICBs",
          COLUMNS,
          Map.of());
}
