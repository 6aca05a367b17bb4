package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The data_quality table: one row per rule and dataset of every validation pass. */
public final class DataQuality {
  private DataQuality() {}

  public static final String DATASET = "dataset";
  public static final String RULE_ID = "rule_id";
  public static final String SEVERITY = "severity";
  public static final String DESCRIPTION = "description";
  public static final String ROWS_CHECKED = "rows_checked";
  public static final String ROWS_FAILED = "rows_failed";
  public static final String FAILED_FRACTION = "failed_fraction";
  public static final String THRESHOLD = "threshold";
  public static final String STATUS = "status";
  public static final String SAMPLE_VALUES = "sample_values";

  public static final String PASSED = "passed";
  public static final String WARNING = "warning";
  public static final String FAILED = "failed";

  public static final StructType COLUMNS =
      new StructType(
          new StructField[] {
            Fields.required(DATASET, DataTypes.StringType, "Input dataset name"),
            Fields.required(RULE_ID, DataTypes.StringType, "Rule identifier"),
            Fields.required(SEVERITY, DataTypes.StringType, "ERROR or WARNING"),
            Fields.required(DESCRIPTION, DataTypes.StringType, "What the rule requires"),
            Fields.required(ROWS_CHECKED, DataTypes.LongType, "Rows (or groups) checked"),
            Fields.required(ROWS_FAILED, DataTypes.LongType, "Rows (or groups) failing"),
            Fields.required(FAILED_FRACTION, DataTypes.DoubleType, "rows_failed / rows_checked"),
            Fields.required(
                THRESHOLD,
                DataTypes.DoubleType,
                "Largest failed_fraction allowed for an ERROR rule"),
            Fields.required(STATUS, DataTypes.StringType, "passed, warning or failed"),
            Fields.required(
                SAMPLE_VALUES,
                DataTypes.createArrayType(DataTypes.StringType, true),
                "A few failing values with their file and line")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "data_quality",
          "Validation results: one row per rule and input dataset",
          COLUMNS,
          Map.of(
              "status_known",
              STATUS + " IN ('passed', 'warning', 'failed')",
              "failed_within_checked",
              ROWS_FAILED + " <= " + ROWS_CHECKED));
}
