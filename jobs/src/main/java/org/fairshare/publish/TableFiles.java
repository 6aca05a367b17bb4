package org.fairshare.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Writes published tables as CSV files and as sheets of one XLSX workbook. */
public final class TableFiles {
  private TableFiles() {}

  /** A published table: name, description, columns and its rows (already disclosure-controlled). */
  public record Table(String name, String description, StructType schema, List<Row> rows) {}

  /** Widest a sheet column is made, in characters. */
  private static final int MAX_WIDTH = 60;

  /** Writes the table as RFC 4180 CSV (UTF-8, header row, empty cell for null). */
  public static void writeCsv(Table table, Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(csvLine(List.of(table.schema().fieldNames())));
      for (Row r : table.rows()) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < r.length(); i++) {
          cells.add(text(r.get(i)));
        }
        w.write(csvLine(cells));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Writes the workbook: a Notes sheet first (label, value rows), then one sheet per table with a
   * bold, frozen header; numbers as numbers, null as an empty cell.
   */
  public static void writeWorkbook(List<String[]> notes, List<Table> tables, Path file) {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
        OutputStream out = Files.newOutputStream(file)) {
      Font bold = wb.createFont();
      bold.setBold(true);
      CellStyle header = wb.createCellStyle();
      header.setFont(bold);
      CellStyle wrapped = wb.createCellStyle();
      wrapped.setWrapText(true);
      SXSSFSheet noteSheet = wb.createSheet("Notes");
      noteSheet.setColumnWidth(0, 28 * 256);
      noteSheet.setColumnWidth(1, 110 * 256);
      for (int i = 0; i < notes.size(); i++) {
        var row = noteSheet.createRow(i);
        String[] n = notes.get(i);
        var label = row.createCell(0);
        label.setCellValue(n[0]);
        label.setCellStyle(header);
        if (n.length > 1 && n[1] != null) {
          var value = row.createCell(1);
          value.setCellValue(n[1]);
          value.setCellStyle(wrapped);
        }
      }
      for (Table t : tables) {
        writeSheet(wb.createSheet(sheetName(t.name())), t, header);
      }
      wb.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Returns the sheet name of a table: Excel allows 31 characters. */
  public static String sheetName(String table) {
    return table.length() <= 31 ? table : table.substring(0, 31);
  }

  private static void writeSheet(Sheet sheet, Table t, CellStyle header) {
    String[] names = t.schema().fieldNames();
    var head = sheet.createRow(0);
    int[] widths = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      var c = head.createCell(i);
      c.setCellValue(names[i]);
      c.setCellStyle(header);
      widths[i] = names[i].length();
    }
    sheet.createFreezePane(0, 1);
    int rowIndex = 1;
    for (Row r : t.rows()) {
      var row = sheet.createRow(rowIndex++);
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        if (v == null) {
          continue;
        }
        var c = row.createCell(i);
        if (v instanceof Number n && !(v instanceof BigDecimal)) {
          c.setCellValue(n.doubleValue());
        } else if (v instanceof BigDecimal d) {
          c.setCellValue(d.doubleValue());
        } else if (v instanceof Boolean b) {
          c.setCellValue(b);
        } else {
          c.setCellValue(text(v));
        }
        if (rowIndex < 200) {
          widths[i] = Math.max(widths[i], Math.min(MAX_WIDTH, text(v).length()));
        }
      }
    }
    for (int i = 0; i < names.length; i++) {
      sheet.setColumnWidth(i, (widths[i] + 2) * 256);
    }
  }

  /** Returns a value as published text: plain decimals (no exponent), empty for null. */
  public static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? d.toString() : stripZeros(BigDecimal.valueOf(d));
    }
    if (v instanceof Float f) {
      return stripZeros(new BigDecimal(f.toString()));
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof scala.collection.Map<?, ?> m) {
      return m.mkString("{", ", ", "}");
    }
    if (v instanceof scala.collection.Iterable<?> s) {
      return s.mkString("[", ", ", "]");
    }
    if (v instanceof Map<?, ?> m) {
      return m.toString();
    }
    return v.toString();
  }

  private static String stripZeros(BigDecimal d) {
    String s = d.toPlainString();
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "");
      if (s.endsWith(".")) {
        s = s.substring(0, s.length() - 1);
      }
    }
    return s;
  }

  private static String csvLine(List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String c = cells.get(i);
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    return sb.append("\r\n").toString();
  }

  /** Returns the names of a schema's fields, for callers that want a header. */
  static List<String> header(StructType schema) {
    List<String> names = new ArrayList<>();
    for (StructField f : schema.fields()) {
      names.add(f.name());
    }
    return names;
  }
}
