package org.fairshare.cli;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairshare.config.FairshareConfig;
import org.fairshare.output.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fairshare tables}: the output tables with row counts and current versions. */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    header = "Lists the output tables: rows, current Delta version, last write, description.")
public final class TablesCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    FairshareConfig cfg = common.config();
    SparkSession spark = common.spark(cfg);
    Warehouse warehouse = new Warehouse(spark, cfg.warehouse());
    List<String> names = WarehouseTables.require(warehouse);
    List<List<String>> rows = new ArrayList<>();
    for (String name : names) {
      DeltaTable t = DeltaTable.forPath(spark, warehouse.pathOf(name).toString());
      Row last = t.history(1).first();
      Row detail = t.detail().first();
      rows.add(
          List.of(
              name,
              String.format("%,d", t.toDF().count()),
              String.valueOf(last.getLong(last.fieldIndex("version"))),
              String.valueOf(last.get(last.fieldIndex("timestamp"))),
              String.valueOf(detail.get(detail.fieldIndex("description")))));
    }
    Console.table(List.of("table", "rows", "version", "last_write", "description"), rows);
    return ExitCodes.OK;
  }
}
