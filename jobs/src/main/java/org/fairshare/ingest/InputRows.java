package org.fairshare.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns every input row carries through validation besides its contract columns: where it
 * came from, how it read, and what is wrong with it.
 */
public final class InputRows {
  private InputRows() {}

  public static final String SOURCE_FILE = "_source_file";
  public static final String LINE_NUMBER = "_line_number";

  /** The CSV line as read; null for Parquet, whose rows are rendered as JSON only when rejected. */
  public static final String RAW_RECORD = "_raw_record";

  public static final String FAILURES = "_failures";
  public static final String RULE_ID = "rule_id";
  public static final String SEVERITY = "severity";
  public static final String MESSAGE = "message";

  public static final StructType FAILURE =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(RULE_ID, DataTypes.StringType, true),
            DataTypes.createStructField(SEVERITY, DataTypes.StringType, true),
            DataTypes.createStructField(MESSAGE, DataTypes.StringType, true)
          });
  public static final ArrayType FAILURES_TYPE = DataTypes.createArrayType(FAILURE, true);

  /** Returns a failure struct that is present when {@code failed} is true, else null. */
  public static Column failureWhen(Column failed, String ruleId, String severity, Column message) {
    return functions.when(
        failed,
        functions.struct(
            functions.lit(ruleId).as(RULE_ID),
            functions.lit(severity).as(SEVERITY),
            message.as(MESSAGE)));
  }

  /**
   * Returns {@code failures} with the present elements of {@code more} appended.
   *
   * <p>Built of expressions Spark compiles: {@code array_compact} is a lambda, which keeps the
   * whole projection, and every check under it, out of code generation and evaluated row by row.
   * Almost every row passes, so the checks are tested first and the array is touched only where one
   * fails.
   */
  public static Column appendFailures(Column failures, Column... more) {
    if (more.length == 0) {
      return failures;
    }
    Column anyFailed = functions.lit(false);
    Column[] present = new Column[more.length + 1];
    present[0] = failures;
    for (int i = 0; i < more.length; i++) {
      anyFailed = anyFailed.or(more[i].isNotNull());
      present[i + 1] =
          functions
              .when(more[i].isNotNull(), functions.array(more[i]).cast(FAILURES_TYPE))
              .otherwise(noFailures());
    }
    return functions.when(anyFailed, functions.concat(present)).otherwise(failures);
  }

  /**
   * Returns validated rows as ingest caches them: the file, line, raw record and failures of a row
   * that failed a check packed into one column, null where the row failed none. Only failing rows
   * are looked up by them (quarantine, the report's samples). A cache of England's 43 million clean
   * activity rows would otherwise carry a file path, a line number and an empty array each (and
   * hash every path to encode it); as four null columns, 16 bytes a row; as one, 4.
   */
  public static Dataset<Row> forCache(Dataset<Row> validated) {
    Column failed = functions.size(functions.col(FAILURES)).gt(0);
    List<Column> out = new ArrayList<>();
    for (String c : validated.columns()) {
      if (!BOOKKEEPING.contains(c)) {
        out.add(functions.col(c));
      }
    }
    Column[] packed = BOOKKEEPING.stream().map(functions::col).toArray(Column[]::new);
    out.add(functions.when(failed, functions.struct(packed)).as(FAILED_ROW));
    return validated.select(out.toArray(Column[]::new));
  }

  /** Returns cached rows (see {@link #forCache}) with their bookkeeping columns unpacked. */
  public static Dataset<Row> fromCache(Dataset<Row> cached) {
    List<Column> out = new ArrayList<>();
    for (String c : cached.columns()) {
      if (!c.equals(FAILED_ROW)) {
        out.add(functions.col(c));
      }
    }
    BOOKKEEPING.forEach(c -> out.add(functions.col(FAILED_ROW).getField(c).as(c)));
    return cached.select(out.toArray(Column[]::new));
  }

  private static final List<String> BOOKKEEPING =
      List.of(SOURCE_FILE, LINE_NUMBER, RAW_RECORD, FAILURES);
  private static final String FAILED_ROW = "_failed_row";

  /** Returns a column holding no failures, typed for later appends. */
  public static Column noFailures() {
    return functions.array().cast(FAILURES_TYPE);
  }

  /**
   * Returns the value converted from {@code sourceType} to {@code type}, or null where it does not
   * convert. Strings (all CSV values) are trimmed and a blank string counts as missing.
   */
  public static Column typed(Column raw, DataType sourceType, DataType type) {
    Column value = present(raw, sourceType);
    if (sourceType.equals(type)) {
      return value;
    }
    if (type.equals(DataTypes.BooleanType)) {
      Column s = functions.lower(value.cast(DataTypes.StringType));
      return functions
          .when(s.isin("true", "t", "yes", "y", "1"), functions.lit(true))
          .when(s.isin("false", "f", "no", "n", "0"), functions.lit(false));
    }
    return value.try_cast(type);
  }

  /** Returns true where a value was given but does not convert to the type. */
  public static Column failsToConvert(Column raw, DataType sourceType, DataType type) {
    return present(raw, sourceType).isNotNull().and(typed(raw, sourceType, type).isNull());
  }

  /** Returns the value, trimmed and with blank as null when it is a string. */
  public static Column present(Column raw, DataType sourceType) {
    if (!sourceType.equals(DataTypes.StringType)) {
      return raw;
    }
    Column t = functions.trim(raw);
    return functions.when(t.notEqual(functions.lit("")), t);
  }

  /** Returns a readable name of a type for messages ("a whole number", "a number", ...). */
  public static String describe(DataType type) {
    if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType)) {
      return "a whole number";
    }
    if (type.equals(DataTypes.DoubleType)
        || type instanceof org.apache.spark.sql.types.DecimalType) {
      return "a number";
    }
    if (type.equals(DataTypes.BooleanType)) {
      return "true or false";
    }
    return type.simpleString();
  }
}
