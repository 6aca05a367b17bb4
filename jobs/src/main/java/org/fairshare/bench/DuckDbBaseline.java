package org.fairshare.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.fairshare.schema.Activity;
import org.fairshare.schema.Deprivation;
import org.fairshare.schema.GeographyLookup;
import org.fairshare.schema.Population;

/**
 * The core aggregations of a run done by DuckDB over the same Parquet files: observed events per
 * area x sex x age x service, national rates per sex x age x service, expected events (population x
 * national rate), both summed to place x national IMD quintile x service. DuckDB is found through
 * JDBC at run time (a test-scope dependency that bin/fairshare puts on its classpath), so the
 * spark-submit jar does not carry its 80 MB.
 */
final class DuckDbBaseline {
  private DuckDbBaseline() {}

  /** What one DuckDB run gave: result rows and the sums that tie it to Spark's figures. */
  record Result(long rows, double observed, double expected) {}

  /** Returns whether the DuckDB JDBC driver is on the classpath. */
  static boolean available() {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Runs the aggregations with {@code threads} threads and at most {@code memoryGib} of memory. */
  static Result run(Path data, int year, int threads, int memoryGib) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      // Offline machine: DuckDB must never try to download an extension.
      s.execute("SET autoinstall_known_extensions = false");
      s.execute("SET autoload_known_extensions = false");
      s.execute("SET threads = " + threads);
      s.execute("SET memory_limit = '" + memoryGib + "GB'");
      try (ResultSet r = s.executeQuery(query(data, year))) {
        r.next();
        return new Result(r.getLong(1), r.getDouble(2), r.getDouble(3));
      }
    }
  }

  /** Returns the SQL: the per-group table is built in full, then summarised to one row. */
  static String query(Path data, int year) {
    String activity = parquet(data, Activity.DATASET);
    String population = parquet(data, Population.DATASET);
    String geography = parquet(data, GeographyLookup.DATASET);
    String deprivation = parquet(data, Deprivation.DATASET);
    return String.join(
        "\n",
        "WITH observed AS (",
        "  SELECT area_code, sex, age, service, sum(events) AS events FROM " + activity,
        "  WHERE year = " + year + " GROUP BY ALL),",
        "pop AS (",
        "  SELECT area_code, sex, age, sum(persons) AS persons FROM " + population,
        "  WHERE year = " + year + " GROUP BY ALL),",
        "national_events AS (SELECT sex, age, service, sum(events) AS events FROM observed",
        "  GROUP BY ALL),",
        "national_pop AS (SELECT sex, age, sum(persons) AS persons FROM pop GROUP BY ALL),",
        "rates AS (SELECT e.sex, e.age, e.service, e.events / p.persons AS rate",
        "  FROM national_events e JOIN national_pop p USING (sex, age)),",
        "expected AS (SELECT p.area_code, r.service, sum(p.persons * r.rate) AS expected",
        "  FROM pop p JOIN rates r USING (sex, age) GROUP BY ALL),",
        "observed_area AS (SELECT area_code, service, sum(events) AS observed FROM observed",
        "  GROUP BY ALL),",
        "areas AS (SELECT g.area_code, g.place_code, (d.imd_decile + 1) // 2 AS imd_quintile",
        "  FROM " + geography + " g JOIN " + deprivation + " d USING (area_code)),",
        "result AS (SELECT a.place_code, a.imd_quintile, x.service,",
        "  sum(o.observed) AS observed, sum(x.expected) AS expected",
        "  FROM expected x JOIN areas a USING (area_code)",
        "  LEFT JOIN observed_area o USING (area_code, service) GROUP BY ALL)",
        "SELECT count(*), sum(observed), sum(expected) FROM result");
  }

  private static String parquet(Path data, String dataset) {
    return "read_parquet('"
        + data.resolve(dataset).resolve("*.parquet").toString().replace("'", "''")
        + "')";
  }
}
