package org.fairshare.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The one place that writes to the terminal: results on stdout, problems on stderr. */
public final class Console {
  private Console() {}

  /** Prints a result line on stdout. */
  public static void out(String line) {
    out().println(line);
  }

  /** Prints a problem on stderr. */
  public static void err(String line) {
    err().println(line);
  }

  // Looked up at each write, not kept, so that a test can capture what a command prints.
  private static PrintStream out() {
    return System.out;
  }

  private static PrintStream err() {
    return System.err;
  }

  /** Prints rows as an aligned text table with a header. */
  public static void table(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      widths[i] = header.get(i).length();
    }
    for (List<String> r : rows) {
      for (int i = 0; i < r.size(); i++) {
        widths[i] = Math.max(widths[i], display(r.get(i)).length());
      }
    }
    PrintStream out = out();
    out.println(line(header, widths));
    List<String> rule = new ArrayList<>();
    for (int w : widths) {
      rule.add("-".repeat(w));
    }
    out.println(line(rule, widths));
    for (List<String> r : rows) {
      out.println(line(r, widths));
    }
  }

  /** Prints rows as RFC 4180 CSV with a header. */
  public static void csv(List<String> header, Iterable<List<String>> rows) {
    PrintStream out = out();
    out.println(csvLine(header));
    for (List<String> r : rows) {
      out.println(csvLine(r));
    }
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append("  ");
      }
      String c = display(cells.get(i));
      sb.append(c).append(" ".repeat(Math.max(0, widths[i] - c.length())));
    }
    return sb.toString().stripTrailing();
  }

  private static String display(String cell) {
    if (cell == null) {
      return "NULL";
    }
    String oneLine = cell.replace('\n', ' ');
    return oneLine.length() > 120 ? oneLine.substring(0, 117) + "..." : oneLine;
  }

  private static String csvLine(List<String> cells) {
    List<String> out = new ArrayList<>();
    for (String c : cells) {
      if (c == null) {
        out.add("");
      } else if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        out.add("\"" + c.replace("\"", "\"\"") + "\"");
      } else {
        out.add(c);
      }
    }
    return String.join(",", out);
  }
}
