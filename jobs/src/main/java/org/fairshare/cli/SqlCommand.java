package org.fairshare.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairshare.config.FairshareConfig;
import org.fairshare.output.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fairshare sql}: one read-only Spark SQL statement over the output tables, by name. It
 * refuses anything else (file reads by path, writes, settings, Java calls; see {@link
 * ReadOnlyQuery}) and opens only the tables the statement names.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    header = "Runs one read-only Spark SQL query over the output tables, each known by its name.",
    description = {
      "For example: bin/fairshare sql \"select count(*) from data_quality\"",
      "Allowed: SELECT, WITH, VALUES, UNION/INTERSECT/EXCEPT, SHOW TABLES, SHOW COLUMNS, DESCRIBE,"
          + " EXPLAIN. Refused (exit 2): reads of files by path, table functions other than"
          + " range, reflect/java_method, writes, DDL, SET, ADD JAR, CACHE, more than one"
          + " statement.",
      "Besides the tables: latest_runs (financial_year, scenario, run_id, ended_at), the latest"
          + " succeeded run of each year and scenario whose rows the tables hold whole; see"
          + " docs/scheduling.md."
    })
public final class SqlCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query.")
  String query;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table (aligned text) or csv. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = "--limit",
      defaultValue = "200",
      description = "Most rows printed as a table (csv prints all). Default: ${DEFAULT-VALUE}.")
  int limit;

  @Override
  public Integer call() throws Exception {
    common.requirePositive("--limit", limit);
    if (!format.equals("table") && !format.equals("csv")) {
      Console.err("--format takes table or csv, got '" + format + "'");
      return ExitCodes.USAGE;
    }
    FairshareConfig cfg = common.config();
    SparkSession spark = common.spark(cfg);
    ReadOnlyQuery checked = ReadOnlyQuery.of(spark.sessionState().sqlParser(), query);
    Warehouse warehouse = new Warehouse(spark, cfg.warehouse());
    open(spark, warehouse, checked);
    try {
      return print(answer(spark, query));
    } catch (Exception e) { // Spark's SparkException is checked, thrown undeclared
      Optional<String> fault = queryFault(e);
      if (fault.isPresent()) {
        throw new RefusedQueryException("the query failed as it ran: " + fault.get());
      }
      throw e;
    }
  }

  /** Prints the result as asked and returns the exit code. */
  private int print(Dataset<Row> result) {
    List<String> header = List.of(result.columns());
    if (format.equals("csv")) {
      Iterator<Row> it = result.toLocalIterator();
      Console.csv(header, () -> new CellIterator(it));
      return ExitCodes.OK;
    }
    List<Row> rows = result.limit(limit + 1).collectAsList();
    List<List<String>> cells = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, rows.size()); i++) {
      cells.add(cells(rows.get(i)));
    }
    Console.table(header, cells);
    Console.err(
        rows.size() > limit
            ? "(first " + limit + " rows; --limit N for more, or --format csv for all)"
            : "(" + rows.size() + " rows)");
    return ExitCodes.OK;
  }

  /**
   * Returns Spark's words for a failure the query itself caused as it ran, if this is one: a
   * cardinality violation (a scalar subquery of several rows), a data exception (division by zero,
   * a value that does not cast, an index out of range) or raise_error/assert_true, by the SQLSTATE
   * classes 21, 22 and P0. Anything else (an unreadable table, a full disk) is not the query's.
   */
  static Optional<String> queryFault(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SparkThrowable s && s.getSqlState() != null) {
        String state = s.getSqlState();
        if (state.startsWith("21") || state.startsWith("22") || state.startsWith("P0")) {
          return Optional.of(
              firstLine(t.getMessage())
                  .replaceAll("\\s*SQLSTATE: \\w+", "")
                  // sql refuses SET, so Spark's advice to change a setting cannot be taken.
                  .replaceAll(
                      "\\s*If necessary set \\S+ to \"false\" to bypass this error\\.", ""));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Registers the tables the query reads under their names (all of them for SHOW TABLES), and the
   * latest_runs view over run_log when the query names it or lists the tables.
   *
   * @throws RefusedQueryException for a name the warehouse lacks
   */
  private static void open(SparkSession spark, Warehouse warehouse, ReadOnlyQuery checked) {
    if (checked.tables().isEmpty() && !checked.listsTables()) {
      return;
    }
    List<String> names = WarehouseTables.require(warehouse);
    boolean hasRunLog = names.contains(LatestRuns.source());
    Set<String> open = new TreeSet<>();
    boolean latestRuns = checked.listsTables() && hasRunLog;
    if (checked.listsTables()) {
      open.addAll(names);
    }
    for (String table : checked.tables()) {
      Optional<String> name = WarehouseTables.find(names, table);
      if (name.isPresent()) {
        open.add(name.get());
      } else if (table.equalsIgnoreCase(LatestRuns.NAME)) {
        if (!hasRunLog) {
          throw new RefusedQueryException(
              LatestRuns.NAME
                  + " reads "
                  + LatestRuns.source()
                  + ", which "
                  + warehouse.root()
                  + " lacks; make it with 'bin/fairshare run'");
        }
        open.add(LatestRuns.source());
        latestRuns = true;
      } else {
        List<String> offered = new ArrayList<>(names);
        if (hasRunLog) {
          offered.add(LatestRuns.NAME);
          offered.sort(null);
        }
        throw new RefusedQueryException(WarehouseTables.unknown(warehouse, offered, table));
      }
    }
    warehouse.registerViews(open);
    if (latestRuns) {
      LatestRuns.register(spark);
    }
  }

  /** Returns the query's result, analysed; a query that does not analyse is the user's to fix. */
  private static Dataset<Row> answer(SparkSession spark, String query) {
    try {
      return spark.sql(query);
    } catch (Exception e) { // AnalysisException is checked in Java's eyes
      if (e instanceof AnalysisException) {
        throw new RefusedQueryException(firstLine(e.getMessage()));
      }
      throw e;
    }
  }

  private static String firstLine(String message) {
    return String.valueOf(message)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .findFirst()
        .orElse("the query does not analyse");
  }

  static List<String> cells(Row row) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < row.length(); i++) {
      Object v = row.get(i);
      out.add(
          v == null
              ? null
              : v instanceof scala.collection.Iterable<?> s
                  ? s.mkString("[", ", ", "]")
                  : v.toString());
    }
    return out;
  }

  private record CellIterator(Iterator<Row> rows) implements Iterator<List<String>> {
    @Override
    public boolean hasNext() {
      return rows.hasNext();
    }

    @Override
    public List<String> next() {
      return cells(rows.next());
    }
  }
}
