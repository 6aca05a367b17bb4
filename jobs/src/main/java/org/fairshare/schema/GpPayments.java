package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the gp_payments input: NHS payments to each GP practice per financial year, with its
 * registered and weighted (Carr-Hill) list sizes.
 */
public final class GpPayments {
  private GpPayments() {}

  public static final String DATASET = "gp_payments";

  public static final String PRACTICE_CODE = Columns.PRACTICE_CODE;
  public static final String PAYMENT_YEAR = "payment_year";
  public static final String SUB_ICB_CODE = Columns.SUB_ICB_CODE;
  public static final String REGISTERED_PATIENTS = "registered_patients";
  public static final String WEIGHTED_PATIENTS = "weighted_patients";
  public static final String TOTAL_PAYMENTS_GBP = "total_payments_gbp";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(PRACTICE_CODE, DataTypes.StringType, "GP practice code"),
            Fields.required(
                PAYMENT_YEAR, DataTypes.StringType, "Financial year of the payments, e.g. 2022-23"),
            Fields.optional(
                SUB_ICB_CODE, DataTypes.StringType, "CCG or sub-ICB location code, as published"),
            Fields.optional(
                REGISTERED_PATIENTS,
                DataTypes.DoubleType,
                "Registered patients, last known figure (count)"),
            Fields.optional(
                WEIGHTED_PATIENTS,
                DataTypes.DoubleType,
                "Carr-Hill weighted patients, last known figure (need-weighted persons)"),
            Fields.required(
                TOTAL_PAYMENTS_GBP, DataTypes.DoubleType, "Total NHS payments in the year (GBP)")
          });

  public static final List<String> KEY = List.of(PRACTICE_CODE, PAYMENT_YEAR);

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "NHS payments to each GP practice per financial year, with list sizes.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(PRACTICE_CODE),
              new Check.NotNull(PAYMENT_YEAR),
              new Check.NotNull(TOTAL_PAYMENTS_GBP),
              new Check.Matches(PAYMENT_YEAR, "[0-9]{4}-[0-9]{2}"),
              new Check.Range(REGISTERED_PATIENTS, 0.0, null),
              new Check.Range(WEIGHTED_PATIENTS, 0.0, null)));
}
