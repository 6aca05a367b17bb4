package org.fairshare.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairshare.config.FairshareConfig;
import org.fairshare.output.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairshare sql}: Spark SQL over the output tables, by name. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    header = "Runs a Spark SQL query over the output tables, each known by its name.",
    description = "For example: bin/fairshare sql \"select count(*) from data_quality\"")
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
  public Integer call() {
    if (!format.equals("table") && !format.equals("csv")) {
      Console.err("--format takes table or csv, got '" + format + "'");
      return ExitCodes.USAGE;
    }
    FairshareConfig cfg = common.config();
    SparkSession spark = common.spark(cfg);
    new Warehouse(spark, cfg.warehouse()).registerViews();
    Dataset<Row> result = spark.sql(query);
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
