package org.fairshare.schema;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The run_log table: one row per run, written when it starts and updated when it ends. */
public final class RunLog {
  private RunLog() {}

  public static final String RUN_ID = "run_id";
  public static final String FINANCIAL_YEAR = Columns.FINANCIAL_YEAR;
  public static final String SCENARIO = Columns.SCENARIO;
  public static final String STATUS = "status";
  public static final String STARTED_AT = "started_at";
  public static final String ENDED_AT = "ended_at";
  public static final String CONFIG_HASH = "config_hash";
  public static final String CONFIG = "config";
  public static final String CODE_VERSION = "code_version";
  public static final String INPUTS = "inputs";
  public static final String ROWS_WRITTEN = "rows_written";
  public static final String STAGE_SECONDS = "stage_seconds";
  public static final String MESSAGE = "message";

  public static final String INPUT_DATASET = "dataset";
  public static final String INPUT_PATH = "path";
  public static final String INPUT_FORMAT = "format";
  public static final String INPUT_FILES = "files";
  public static final String INPUT_BYTES = "bytes";
  public static final String INPUT_SHA256 = "sha256";

  public static final String RUNNING = "running";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  /** Delta cannot enforce NOT NULL inside arrays, so these nested fields are nullable. */
  public static final StructType INPUT =
      new StructType(
          new StructField[] {
            Fields.optional(INPUT_DATASET, DataTypes.StringType, "Input dataset name"),
            Fields.optional(INPUT_PATH, DataTypes.StringType, "Absolute path read"),
            Fields.optional(INPUT_FORMAT, DataTypes.StringType, "csv or parquet"),
            Fields.optional(INPUT_FILES, DataTypes.IntegerType, "Data files read"),
            Fields.optional(INPUT_BYTES, DataTypes.LongType, "Bytes read (sum over files)"),
            Fields.optional(
                INPUT_SHA256,
                DataTypes.StringType,
                "SHA-256 over the files' names and contents, in name order")
          });

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(RUN_ID, DataTypes.StringType, "Run identifier"),
            Fields.required(FINANCIAL_YEAR, DataTypes.StringType, "Financial year of the run"),
            Fields.required(SCENARIO, DataTypes.StringType, "Scenario of the run"),
            Fields.required(STATUS, DataTypes.StringType, "running, succeeded or failed"),
            Fields.required(STARTED_AT, DataTypes.TimestampType, "Start (UTC)"),
            Fields.optional(ENDED_AT, DataTypes.TimestampType, "End (UTC); null while running"),
            Fields.required(CONFIG_HASH, DataTypes.StringType, "SHA-256 of the configuration"),
            Fields.required(CONFIG, DataTypes.StringType, "Effective configuration, key=value"),
            Fields.required(CODE_VERSION, DataTypes.StringType, "fairshare version and git commit"),
            Fields.required(
                INPUTS,
                DataTypes.createArrayType(INPUT, true),
                "Each input's path, size and checksum"),
            Fields.optional(
                ROWS_WRITTEN,
                DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
                "Rows written per table"),
            Fields.optional(
                STAGE_SECONDS,
                DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType),
                "Wall-clock seconds per stage"),
            Fields.optional(MESSAGE, DataTypes.StringType, "Why the run failed, if it did")
          });

  public static final OutputTable TABLE =
      new OutputTable(
          "run_log",
          "History of runs: status, configuration, inputs with checksums, rows and timings",
          SCHEMA,
          List.of(),
          Map.of("status_known", STATUS + " IN ('running', 'succeeded', 'failed')"));
}
