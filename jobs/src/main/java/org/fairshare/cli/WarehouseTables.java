package org.fairshare.cli;

import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fairshare.config.ConfigException;
import org.fairshare.output.Warehouse;

/**
 * The warehouse's table names as the commands that read them by name need them: an empty or missing
 * warehouse said with the folder looked at, and an unknown name with the names there are.
 */
final class WarehouseTables {
  private WarehouseTables() {}

  /**
   * Returns the warehouse's table names, sorted.
   *
   * @throws ConfigException when it has none, naming the folder and how to point at another
   */
  static List<String> require(Warehouse warehouse) {
    List<String> names = warehouse.tableNames();
    if (names.isEmpty()) {
      // Relative to the current folder by default: run elsewhere, it looks in the wrong place.
      throw new ConfigException(
          "no tables in "
              + warehouse.root()
              + (Files.isDirectory(warehouse.root()) ? "" : " (no such folder)")
              + "; point at the warehouse with --warehouse DIR (or warehouse.path in the"
              + " configuration), or make its tables with 'bin/fairshare run'");
    }
    return names;
  }

  /** Returns the warehouse's name for a table, matched regardless of case, if there is one. */
  static Optional<String> find(List<String> names, String table) {
    return names.stream().filter(n -> n.equalsIgnoreCase(table)).findFirst();
  }

  /** Returns one line saying the table is not in the warehouse, with the closest name there. */
  static String unknown(Warehouse warehouse, List<String> names, String table) {
    String wanted = table.toLowerCase(Locale.ROOT);
    Optional<String> closest =
        names.stream()
            .filter(n -> distance(n, wanted) <= Math.max(1, wanted.length() / 3))
            .min(Comparator.comparingInt(n -> distance(n, wanted)));
    return "no table '"
        + table
        + "' in "
        + warehouse.root()
        + closest.map(n -> "; did you mean " + n + "?").orElse("")
        + " (tables: "
        + String.join(", ", names)
        + ")";
  }

  /** Returns the Levenshtein distance: the fewest one-character edits from one to the other. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
