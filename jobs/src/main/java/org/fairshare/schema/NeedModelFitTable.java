package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Output table need_model_fit: how well each service's model predicts use at place level. */
public final class NeedModelFitTable {
  private NeedModelFitTable() {}

  public static final String SERVICE = Columns.SERVICE;
  public static final String PLACES = "places";
  public static final String R_SQUARED = "r_squared";
  public static final String MEAN_ABSOLUTE_PERCENTAGE_ERROR = "mean_absolute_percentage_error";
  public static final String MODEL_PATH = "model_path";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(SERVICE, DataTypes.StringType, "Service the model predicts"),
            Fields.required(PLACES, DataTypes.LongType, "Places compared (count)"),
            Fields.optional(
                R_SQUARED,
                DataTypes.DoubleType,
                "1 - residual / total sum of squares of place events, fitted with actual supply"),
            Fields.optional(
                MEAN_ABSOLUTE_PERCENTAGE_ERROR,
                DataTypes.DoubleType,
                "Mean over places of |observed - fitted| / observed (fraction, 0.05 = 5%)"),
            Fields.required(
                MODEL_PATH,
                DataTypes.StringType,
                "Where the fitted model was saved, relative to the warehouse folder")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "need_model_fit",
          "Place-level fit of each service's additional-need model",
          SCHEMA,
          Map.of());
}
