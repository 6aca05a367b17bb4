package org.fairshare.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.types.StructField;
import org.fairshare.schema.DatasetContract;

/**
 * Checks the footer of every Parquet file of an input against the contract before a row is read:
 * that each is Parquet at all (a truncated or corrupt file has no footer), has the contract's
 * required columns, and gives each contract column the same type as the other files. Spark takes
 * the schema from one file and would fail mid-read, in a task, on any other that differs.
 */
final class ParquetFooters {
  private ParquetFooters() {}

  private record Seen(Path file, String type) {}

  /** Throws an {@link InputException} naming the first file that fails a check. */
  static void check(Configuration conf, InputFiles input, DatasetContract contract) {
    Map<String, Seen> types = new HashMap<>();
    for (Path file : input.files()) {
      MessageType schema = schema(conf, file);
      List<String> missing = new ArrayList<>();
      for (StructField f : contract.schema().fields()) {
        String source = input.spec().sourceColumn(f.name());
        Type found = find(schema, source);
        if (found == null) {
          if (!f.nullable()) {
            missing.add(source);
          }
          continue;
        }
        String type = describe(found);
        Seen first = types.putIfAbsent(source.toLowerCase(Locale.ROOT), new Seen(file, type));
        if (first != null && !first.type().equals(type)) {
          throw new InputException(
              file
                  + ": column "
                  + found.getName()
                  + " is "
                  + type
                  + " here but "
                  + first.type()
                  + " in "
                  + first.file().getFileName()
                  + "; write every file of input "
                  + contract.name()
                  + " with the same column types (cast the column as they are written)");
        }
      }
      if (!missing.isEmpty()) {
        throw new InputException(
            file
                + " lacks column(s) "
                + missing
                + "; found "
                + schema.getFields().stream().map(Type::getName).toList()
                + ". Map them with inputs."
                + contract.name()
                + ".columns.<contract column>=<your column>");
      }
    }
  }

  private static MessageType schema(Configuration conf, Path file) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf))) {
      return reader.getFooter().getFileMetaData().getSchema();
    } catch (IOException | RuntimeException e) {
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      int nl = detail.indexOf('\n');
      detail = (nl < 0 ? detail : detail.substring(0, nl)).replace(path.toString(), "the file");
      throw new InputException(
          file
              + " is not a readable Parquet file ("
              + detail
              + "); it may be cut short or not Parquet at all: write it again");
    }
  }

  private static Type find(MessageType schema, String name) {
    for (Type t : schema.getFields()) {
      if (t.getName().equalsIgnoreCase(name)) {
        return t;
      }
    }
    return null;
  }

  /** Returns a column's type as a reader would name it: int32, double, string, date, ... */
  static String describe(Type t) {
    if (!t.isPrimitive()) {
      return "a group (" + t.asGroupType().getFields().size() + " fields)";
    }
    PrimitiveType p = t.asPrimitiveType();
    String physical = p.getPrimitiveTypeName().name().toLowerCase(Locale.ROOT);
    LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
    // A signed integer annotation of the physical width says nothing more than the physical type.
    if (logical == null
        || logical.equals(LogicalTypeAnnotation.intType(32, true)) && physical.equals("int32")
        || logical.equals(LogicalTypeAnnotation.intType(64, true)) && physical.equals("int64")) {
      return physical;
    }
    return logical.toString().toLowerCase(Locale.ROOT);
  }
}
