package org.fairshare.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fairshare.schema.Check;
import org.fairshare.schema.DatasetContract;

/**
 * Reads Parquet inputs: checks every file's footer against the contract ({@link ParquetFooters}),
 * reads only the contract's columns, and numbers rows from Parquet's own row index so rejected rows
 * can be found again.
 */
public final class ParquetSource {
  private ParquetSource() {}

  /** Returns the rows with contract columns typed, plus {@link InputRows}' columns. */
  public static Dataset<Row> read(SparkSession spark, InputFiles input, DatasetContract contract) {
    ParquetFooters.check(spark.sparkContext().hadoopConfiguration(), input, contract);
    String[] paths = input.files().stream().map(Object::toString).toArray(String[]::new);
    // Every file gives the contract's columns the same types (checked above): one file's will do.
    StructType fileSchema = spark.read().parquet(paths[0]).schema();
    StructType wanted = new StructType();
    for (StructField f : contract.schema().fields()) {
      StructField found = find(fileSchema, input.spec().sourceColumn(f.name()));
      if (found != null) {
        wanted = wanted.add(found.name(), found.dataType(), true);
      }
    }
    Dataset<Row> raw = spark.read().schema(wanted).parquet(paths);

    List<Column> out = new ArrayList<>();
    List<Column> failures = new ArrayList<>();
    for (StructField f : contract.schema().fields()) {
      StructField source = find(wanted, input.spec().sourceColumn(f.name()));
      if (source == null) {
        out.add(functions.lit(null).cast(f.dataType()).as(f.name()));
        continue;
      }
      Column c = functions.col("`" + source.name() + "`");
      DataType from = source.dataType();
      out.add(InputRows.typed(c, from, f.dataType()).as(f.name()));
      if (!from.equals(f.dataType())) {
        failures.add(
            InputRows.failureWhen(
                InputRows.failsToConvert(c, from, f.dataType()),
                "type_" + f.name(),
                Check.Severity.ERROR.name(),
                functions.concat(
                    functions.lit(f.name() + " value '"),
                    c.cast("string"),
                    functions.lit("' is not " + InputRows.describe(f.dataType())))));
      }
    }
    out.add(functions.col("_metadata.file_path").as(InputRows.SOURCE_FILE));
    out.add(functions.col("_metadata.row_index").plus(1).as(InputRows.LINE_NUMBER));
    out.add(functions.lit(null).cast("string").as(InputRows.RAW_RECORD));
    out.add(
        InputRows.appendFailures(InputRows.noFailures(), failures.toArray(Column[]::new))
            .as(InputRows.FAILURES));
    return raw.select(out.toArray(Column[]::new));
  }

  private static StructField find(StructType schema, String name) {
    for (StructField f : schema.fields()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    return null;
  }
}
