package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The quarantine table: every input row that failed an error rule, as read, with the reasons. */
public final class Quarantine {
  private Quarantine() {}

  public static final String DATASET = "dataset";
  public static final String SOURCE_FILE = "source_file";
  public static final String LINE_NUMBER = "line_number";
  public static final String RULE_ID = "rule_id";
  public static final String FAILED_RULES = "failed_rules";
  public static final String MESSAGE = "message";
  public static final String RAW_RECORD = "raw_record";

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "quarantine",
          "Input rows rejected by validation, as read, with the rules they failed",
          new StructType(
              new StructField[] {
                Fields.required(DATASET, DataTypes.StringType, "Input dataset name"),
                Fields.required(SOURCE_FILE, DataTypes.StringType, "File the row was read from"),
                Fields.required(
                    LINE_NUMBER,
                    DataTypes.LongType,
                    "Line in the file (CSV, header = line 1) or row number (Parquet, from 1)"),
                Fields.required(RULE_ID, DataTypes.StringType, "First rule the row failed"),
                Fields.required(
                    FAILED_RULES,
                    DataTypes.createArrayType(DataTypes.StringType, true),
                    "Every rule the row failed"),
                Fields.required(MESSAGE, DataTypes.StringType, "What is wrong, naming the values"),
                Fields.required(
                    RAW_RECORD,
                    DataTypes.StringType,
                    "The row as read: the CSV line, or the Parquet row as JSON")
              }),
          Map.of("line_number_positive", LINE_NUMBER + " >= 1"));
}
