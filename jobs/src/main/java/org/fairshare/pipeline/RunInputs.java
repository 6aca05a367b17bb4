package org.fairshare.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fairshare.config.ConfigException;
import org.fairshare.config.FairshareConfig;
import org.fairshare.config.InputSpec;
import org.fairshare.ingest.InputFiles;
import org.fairshare.schema.DatasetContract;
import org.fairshare.schema.Datasets;

/** Describes a run's inputs for run_log: path, format, files, bytes and checksum. */
final class RunInputs {
  private RunInputs() {}

  /** Returns one {@code RunLog.INPUT} row per input that exists; missing inputs fail later. */
  static List<Row> describe(FairshareConfig cfg) {
    List<Row> rows = new ArrayList<>();
    for (DatasetContract c : Datasets.INGESTED) {
      if (!cfg.isProvided(c.name())) {
        continue;
      }
      InputSpec spec = cfg.input(c.name());
      InputFiles files;
      try {
        files = InputFiles.of(spec);
      } catch (ConfigException e) {
        continue;
      }
      rows.add(
          RowFactory.create(
              c.name(),
              spec.path().toString(),
              spec.format(),
              files.files().size(),
              files.bytes(),
              files.sha256()));
    }
    return rows;
  }

  /** Returns the total bytes of the inputs described. */
  static long bytes(List<Row> inputs) {
    return inputs.stream().mapToLong(r -> r.getLong(4)).sum();
  }
}
