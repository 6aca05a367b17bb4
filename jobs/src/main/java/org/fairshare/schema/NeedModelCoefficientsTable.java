package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Output table need_model_coefficients: one row per service and model term. */
public final class NeedModelCoefficientsTable {
  private NeedModelCoefficientsTable() {}

  public static final String SERVICE = Columns.SERVICE;
  public static final String TERM = "term";
  public static final String IS_SUPPLY = "is_supply";
  public static final String COEFFICIENT = "coefficient";
  public static final String STANDARD_ERROR = "standard_error";
  public static final String T_VALUE = "t_value";
  public static final String P_VALUE = "p_value";
  public static final String SUPPLY_MEAN = "supply_mean";
  public static final String FAMILY = "family";
  public static final String DEVIANCE = "deviance";
  public static final String NULL_DEVIANCE = "null_deviance";
  public static final String DISPERSION = "dispersion";
  public static final String AREAS = "areas";

  /** The term name of the intercept. */
  public static final String INTERCEPT = "(intercept)";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(SERVICE, DataTypes.StringType, "Service the model predicts"),
            Fields.required(TERM, DataTypes.StringType, "Variable name, or (intercept)"),
            Fields.required(
                IS_SUPPLY,
                DataTypes.BooleanType,
                "True for supply variables: fitted, then held at the national mean to predict"),
            Fields.required(
                COEFFICIENT,
                DataTypes.DoubleType,
                "Effect on the log of use per unit of the variable (log-rate ratio)"),
            Fields.optional(
                STANDARD_ERROR, DataTypes.DoubleType, "Standard error of the coefficient"),
            Fields.optional(T_VALUE, DataTypes.DoubleType, "Coefficient / standard error"),
            Fields.optional(P_VALUE, DataTypes.DoubleType, "Two-sided p-value"),
            Fields.optional(
                SUPPLY_MEAN,
                DataTypes.DoubleType,
                "National population-weighted mean the supply variable is held at; null for need"),
            Fields.required(FAMILY, DataTypes.StringType, "GLM family: poisson or tweedie"),
            Fields.required(DEVIANCE, DataTypes.DoubleType, "Residual deviance of the model"),
            Fields.required(
                NULL_DEVIANCE, DataTypes.DoubleType, "Deviance of the offset-only model"),
            Fields.required(
                DISPERSION, DataTypes.DoubleType, "Estimated dispersion (1.0 for Poisson)"),
            Fields.required(
                AREAS, DataTypes.LongType, "Small areas the model was fitted on (count)")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "need_model_coefficients",
          "Additional-need model per service: coefficients, standard errors, deviance, dispersion",
          SCHEMA,
          Map.of());
}
