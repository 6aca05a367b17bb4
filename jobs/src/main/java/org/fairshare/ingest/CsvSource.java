package org.fairshare.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fairshare.schema.Check;
import org.fairshare.schema.DatasetContract;
import scala.Tuple2;

/**
 * Reads CSV inputs so that every row keeps its file, line number and text: Spark's CSV reader
 * cannot say which line a row came from, so lines are read as text, numbered, and parsed with the
 * built-in {@code from_csv}. A quoted field may span lines; such a record is numbered by its first
 * line.
 */
public final class CsvSource {
  private CsvSource() {}

  private static final String TEXT = "_text";

  /** A stray quote must not swallow the rest of a file: a record spans at most this many lines. */
  private static final int MAX_RECORD_LINES = 50;

  private static final String FIELD = "_c";

  /** Marks a missing field so that an empty field ("") can be told from one the line lacks. */
  private static final String ABSENT = "\u0001absent\u0001";

  /**
   * Returns the rows of every file: contract columns typed, plus {@link InputRows}' columns, with
   * unparseable lines and values recorded as failures (nothing dropped but blank lines).
   */
  public static Dataset<Row> read(SparkSession spark, InputFiles input, DatasetContract contract) {
    Dataset<Row> all = null;
    for (Path file : input.files()) {
      Dataset<Row> one = readFile(spark, file, input, contract);
      all = all == null ? one : all.unionByName(one);
    }
    return all;
  }

  private static Dataset<Row> readFile(
      SparkSession spark, Path file, InputFiles input, DatasetContract contract) {
    Charset charset = charset(input);
    char delimiter = input.spec().delimiter();
    List<String> header = header(file, charset, delimiter);
    requireColumns(file, header, input, contract);
    int width = header.size();

    StructType fields = new StructType();
    for (int i = 0; i <= width; i++) {
      fields = fields.add(FIELD + i, DataTypes.StringType, true);
    }
    Map<String, String> options =
        Map.of(
            "sep", String.valueOf(delimiter),
            "quote", "\"",
            "escape", "\"",
            "nullValue", ABSENT,
            "emptyValue", "",
            "mode", "PERMISSIVE");

    Dataset<Row> lines = numberedLines(spark, file, charset.name());
    Column parsed = functions.from_csv(functions.col(TEXT), functions.lit(fields.toDDL()), options);
    Dataset<Row> split =
        lines
            .filter(functions.col(InputRows.LINE_NUMBER).gt(1))
            .filter(functions.trim(functions.col(TEXT)).notEqual(""))
            .withColumn("_p", parsed);

    // Fields are counted on the text, not the parse: an empty field ("a,,b") is a field whose
    // value is missing, not a missing field. Quoted sections ("x,y" and "a""b") are dropped
    // first, so delimiters inside quotes do not count.
    Column unquoted = functions.regexp_replace(functions.col(TEXT), "\"[^\"]*\"", "");
    String sep = String.valueOf(delimiter);
    Column found =
        functions
            .length(unquoted)
            .minus(functions.length(functions.translate(unquoted, sep, "")))
            .plus(1);
    Column quotes =
        functions
            .length(functions.col(TEXT))
            .minus(functions.length(functions.translate(functions.col(TEXT), "\"", "")));
    Column unclosedQuote = quotes.mod(2).equalTo(1);
    Column fieldCount = found.cast("string");
    Column malformed = unclosedQuote.or(found.notEqual(width));
    Column badEncoding = functions.col(TEXT).contains("\uFFFD");

    List<Column> out = new ArrayList<>();
    List<Column> failures = new ArrayList<>();
    failures.add(
        InputRows.failureWhen(
            malformed,
            "malformed_line",
            Check.Severity.ERROR.name(),
            functions
                .when(
                    unclosedQuote,
                    functions.lit(
                        "a quote opened on this line is never closed (the record runs to the"
                            + " end of the file or "
                            + MAX_RECORD_LINES
                            + " lines)"))
                .otherwise(
                    functions.concat(
                        functions.lit("expected " + width + " fields as in the header, found "),
                        fieldCount))));
    failures.add(
        InputRows.failureWhen(
            badEncoding,
            "encoding",
            Check.Severity.ERROR.name(),
            functions.lit(
                "line is not valid "
                    + charset.name()
                    + "; set inputs."
                    + contract.name()
                    + ".encoding to the file's encoding")));
    for (StructField f : contract.schema().fields()) {
      int index = indexOf(header, input.spec().sourceColumn(f.name()));
      if (index < 0) {
        // An optional column the file does not have (requireColumns let it through).
        out.add(functions.lit(null).cast(f.dataType()).as(f.name()));
        continue;
      }
      Column raw = functions.col("_p." + FIELD + index);
      out.add(InputRows.typed(raw, DataTypes.StringType, f.dataType()).as(f.name()));
      if (f.dataType().equals(DataTypes.StringType)) {
        continue;
      }
      failures.add(
          InputRows.failureWhen(
              InputRows.failsToConvert(raw, DataTypes.StringType, f.dataType()),
              "type_" + f.name(),
              Check.Severity.ERROR.name(),
              functions.concat(
                  functions.lit(f.name() + " value '"),
                  raw,
                  functions.lit("' is not " + InputRows.describe(f.dataType())))));
    }
    out.add(functions.lit(file.toString()).as(InputRows.SOURCE_FILE));
    out.add(functions.col(InputRows.LINE_NUMBER));
    out.add(functions.col(TEXT).as(InputRows.RAW_RECORD));
    out.add(
        InputRows.appendFailures(InputRows.noFailures(), failures.toArray(Column[]::new))
            .as(InputRows.FAILURES));
    return split.select(out.toArray(Column[]::new));
  }

  private static Charset charset(InputFiles input) {
    try {
      return Charset.forName(input.spec().encoding());
    } catch (IllegalArgumentException e) {
      throw new InputException(
          "inputs."
              + input.spec().dataset()
              + ".encoding names an unknown encoding '"
              + input.spec().encoding()
              + "'");
    }
  }

  /** Returns the header's column names; a byte-order mark is dropped. */
  static List<String> header(Path file, Charset charset, char delimiter) {
    String line;
    // Only the first line is decoded here, leniently: a bad byte further down is a row's
    // problem, reported with its line, not a reason to refuse the file.
    try (InputStream in = CsvFiles.open(file)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0 && b != '\n') {
        bytes.write(b);
      }
      byte[] head = bytes.toByteArray();
      if (looksLikeUtf16(head)) {
        throw new InputException(
            file
                + " looks like UTF-16 (a UTF-16 byte-order mark or NUL bytes in its first line);"
                + " save it as UTF-8, which fairshare reads, or as another single-byte encoding"
                + " named by inputs.<dataset>.encoding");
      }
      line = b < 0 && bytes.size() == 0 ? null : bytes.toString(charset);
      if (line != null && line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
    } catch (IOException e) {
      throw ReadFailures.of(file, e);
    }
    if (line == null || line.isBlank()) {
      throw new InputException(file + " is empty: expected a header line naming the columns");
    }
    if (line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    if (line.indexOf('\r') >= 0) {
      throw new InputException(
          file
              + " uses carriage returns alone as line ends (old Mac style), so it reads as one"
              + " line; convert it to LF or CRLF line ends");
    }
    return splitLine(line, delimiter);
  }

  private static boolean looksLikeUtf16(byte[] head) {
    if (head.length >= 2
        && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
            || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
      return true;
    }
    for (byte x : head) {
      if (x == 0) {
        return true;
      }
    }
    return false;
  }

  /** Returns a hint when a one-column header holds another common delimiter, else "". */
  private static String delimiterHint(List<String> header, InputFiles input) {
    if (header.size() != 1) {
      return "";
    }
    for (char d : new char[] {',', ';', '\t', '|'}) {
      if (d != input.spec().delimiter() && header.get(0).indexOf(d) >= 0) {
        return " The header reads as one column: is the file delimited by '"
            + (d == '\t' ? "\\t" : String.valueOf(d))
            + "'? Then set inputs."
            + input.spec().dataset()
            + ".delimiter="
            + (d == '\t' ? "\\t" : String.valueOf(d))
            + ".";
      }
    }
    return "";
  }

  /** Splits one CSV line, honouring double quotes. */
  static List<String> splitLine(String line, char delimiter) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == delimiter && !quoted) {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().trim());
    return cells;
  }

  private static int indexOf(List<String> header, String column) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equalsIgnoreCase(column)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Throws an {@link InputException} naming the file, the missing columns and the header found,
   * when the header lacks a required contract column; optional ones may be absent.
   */
  static void requireColumns(Path file, List<String> header, InputFiles input, DatasetContract c) {
    List<String> missing = new ArrayList<>();
    for (StructField f : c.schema().fields()) {
      if (f.nullable()) {
        continue;
      }
      String name = f.name();
      String source = input.spec().sourceColumn(name);
      if (indexOf(header, source) < 0) {
        missing.add(source.equals(name) ? name : source + " (for " + name + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new InputException(
          file
              + ": header lacks column(s) "
              + missing
              + "; found "
              + header
              + ". Rename them, or map them with inputs."
              + c.name()
              + ".columns.<contract column>=<your header>."
              + delimiterHint(header, input));
    }
  }

  private static Dataset<Row> numberedLines(SparkSession spark, Path file, String charsetName) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<String> decoded =
        jsc.hadoopFile(file.toString(), TextInputFormat.class, LongWritable.class, Text.class)
            .map(t -> new String(t._2().getBytes(), 0, t._2().getLength(), charsetName));
    JavaRDD<Tuple2<String, Integer>> records =
        decoded.mapPartitions(lines -> untilReadFails(joinQuotedLines(lines)));
    // This pass reads every byte of the file, so a file that cannot be read stops here, on the
    // driver, naming the file; the numbering pass after it reads what this one read.
    List<Tuple2<Long, String>> counts =
        records
            .mapPartitions(
                it -> {
                  long n = 0;
                  String failure = null;
                  while (it.hasNext()) {
                    Tuple2<String, Integer> rec = it.next();
                    if (rec._2() < 0) {
                      failure = rec._1();
                    } else {
                      n += rec._2();
                    }
                  }
                  return List.of(new Tuple2<>(n, failure)).iterator();
                })
            .collect();
    for (Tuple2<Long, String> c : counts) {
      if (c._2() != null) {
        throw new InputException(file + " " + c._2());
      }
    }
    long[] offsets = new long[counts.size()];
    for (int i = 1; i < offsets.length; i++) {
      offsets[i] = offsets[i - 1] + counts.get(i - 1)._1();
    }
    JavaRDD<Row> numbered =
        records.mapPartitionsWithIndex(
            (index, it) -> {
              List<Row> rows = new ArrayList<>();
              long line = offsets[index] + 1;
              while (it.hasNext()) {
                Tuple2<String, Integer> rec = it.next();
                rows.add(RowFactory.create(line, rec._1()));
                line += rec._2();
              }
              return rows.iterator();
            },
            true);
    StructType schema =
        new StructType()
            .add(InputRows.LINE_NUMBER, DataTypes.LongType, false)
            .add(TEXT, DataTypes.StringType, false);
    return spark.createDataFrame(numbered, schema);
  }

  /**
   * Returns the records until reading the file fails, then one record (what went wrong, -1): a
   * failed task would print Spark's stack trace, and its error would not name the file.
   */
  static Iterator<Tuple2<String, Integer>> untilReadFails(Iterator<Tuple2<String, Integer>> in) {
    return new Iterator<>() {
      private boolean failed;
      private Tuple2<String, Integer> failure;

      public boolean hasNext() {
        if (failed) {
          return failure != null;
        }
        try {
          return in.hasNext();
        } catch (Exception e) {
          // Hadoop's record reader throws IOException through Scala's unchecked iterator.
          if (!ReadFailures.isIo(e)) {
            throw e;
          }
          fail(e);
          return true;
        }
      }

      public Tuple2<String, Integer> next() {
        if (!failed) {
          try {
            return in.next();
          } catch (Exception e) {
            if (!ReadFailures.isIo(e)) {
              throw e;
            }
            fail(e);
          }
        }
        Tuple2<String, Integer> out = failure;
        failure = null;
        return out;
      }

      private void fail(Exception e) {
        failed = true;
        failure = new Tuple2<>(ReadFailures.describe(e), -1);
      }
    };
  }

  /** Joins physical lines while a quoted field is open; returns (record, physical lines). */
  static Iterator<Tuple2<String, Integer>> joinQuotedLines(Iterator<String> lines) {
    return new Iterator<>() {
      public boolean hasNext() {
        return lines.hasNext();
      }

      public Tuple2<String, Integer> next() {
        String first = lines.next();
        StringBuilder record = new StringBuilder(first);
        int physical = 1;
        int quotes = count(first);
        while (quotes % 2 == 1 && physical < MAX_RECORD_LINES && lines.hasNext()) {
          String more = lines.next();
          record.append('\n').append(more);
          quotes += count(more);
          physical++;
        }
        return new Tuple2<>(record.toString(), physical);
      }
    };
  }

  private static int count(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }
}
