package org.fairshare.cli;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.fairshare.config.FairshareConfig;
import org.fairshare.output.Warehouse;
import org.fairshare.schema.RunLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairshare history}: a table's Delta versions with the runs that wrote them. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    header = "Lists a table's versions: when, what operation, which run, rows written.")
public final class HistoryCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "TABLE", description = "Table name, as in 'tables'.")
  String table;

  @Option(names = "--limit", defaultValue = "20", description = "Most versions shown.")
  int limit;

  @Override
  public Integer call() {
    common.requirePositive("--limit", limit);
    FairshareConfig cfg = common.config();
    SparkSession spark = common.spark(cfg);
    Warehouse warehouse = new Warehouse(spark, cfg.warehouse());
    List<String> names = WarehouseTables.require(warehouse);
    if (!table.matches("[A-Za-z0-9_]+") || !warehouse.exists(table)) {
      Console.err(WarehouseTables.unknown(warehouse, names, table));
      return ExitCodes.USAGE;
    }
    List<List<String>> rows = new ArrayList<>();
    for (Row r :
        DeltaTable.forPath(spark, warehouse.pathOf(table).toString())
            .history(limit)
            .collectAsList()) {
      Map<String, String> metrics = r.getJavaMap(r.fieldIndex("operationMetrics"));
      Object meta = r.get(r.fieldIndex("userMetadata"));
      List<String> row = new ArrayList<>();
      row.add(String.valueOf(r.getLong(r.fieldIndex("version"))));
      row.add(String.valueOf(r.get(r.fieldIndex("timestamp"))));
      row.add(r.getString(r.fieldIndex("operation")));
      row.add(metrics == null ? "" : metrics.getOrDefault("numOutputRows", ""));
      row.add(meta == null ? "" : meta.toString());
      rows.add(row);
    }
    Console.table(List.of("version", "timestamp", "operation", "rows", "user_metadata"), rows);
    if (table.equals(RunLog.TABLE.name())) {
      // A run killed mid-way (SIGKILL, power cut) cannot record its end: say so plainly.
      for (Row r :
          warehouse
              .read(table)
              .where(functions.col(RunLog.STATUS).equalTo(RunLog.RUNNING))
              .orderBy(RunLog.STARTED_AT)
              .collectAsList()) {
        Console.out(
            "unfinished: run "
                + r.getAs(RunLog.RUN_ID)
                + " started "
                + r.getAs(RunLog.STARTED_AT)
                + " is still marked running: it is running now, or was killed before it could"
                + " record its end (its completed table commits stand; rerun it)");
      }
    }
    return ExitCodes.OK;
  }
}
