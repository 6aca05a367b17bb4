package org.fairshare.cli;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.actions.AddFile;
import org.fairshare.config.FairshareConfig;
import org.fairshare.output.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import scala.jdk.javaapi.CollectionConverters;

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
      String path = warehouse.pathOf(name).toString();
      Snapshot snapshot = DeltaLog.forTable(spark, path).unsafeVolatileSnapshot();
      long count =
          rowsRecorded(snapshot).orElseGet(() -> spark.read().format("delta").load(path).count());
      rows.add(
          List.of(
              name,
              String.format("%,d", count),
              String.valueOf(snapshot.version()),
              String.valueOf(new Timestamp(snapshot.timestamp())),
              String.valueOf(snapshot.metadata().description())));
    }
    Console.table(List.of("table", "rows", "version", "last_write", "description"), rows);
    return ExitCodes.OK;
  }

  /**
   * Returns the table's rows as its log records them: the checksum Delta writes beside each commit
   * lists a small table's files with their row counts, so counting them takes no Spark job (three
   * jobs a table, history, detail and count, made listing forty tables take most of a minute).
   * Empty when the checksum does not list every file with its count.
   */
  static Optional<Long> rowsRecorded(Snapshot snapshot) {
    if (snapshot.checksumOpt().isEmpty() || snapshot.checksumOpt().get().allFiles().isEmpty()) {
      return Optional.empty();
    }
    long rows = 0;
    for (AddFile file :
        CollectionConverters.asJava(snapshot.checksumOpt().get().allFiles().get())) {
      scala.Option<Object> n = file.numLogicalRecords();
      if (n.isEmpty()) {
        return Optional.empty();
      }
      rows += (Long) n.get();
    }
    return Optional.of(rows);
  }
}
