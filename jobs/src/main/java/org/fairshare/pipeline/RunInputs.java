package org.fairshare.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fairshare.config.ConfigException;
import org.fairshare.config.FairshareConfig;
import org.fairshare.ingest.InputFiles;
import org.fairshare.schema.DatasetContract;
import org.fairshare.schema.Datasets;

/** Describes a run's inputs for run_log: path, format, files, bytes and checksum. */
final class RunInputs {
  private RunInputs() {}

  /** Returns the files of every provided input that exists; missing inputs fail later. */
  static List<InputFiles> files(FairshareConfig cfg) {
    List<InputFiles> inputs = new ArrayList<>();
    for (DatasetContract c : Datasets.INGESTED) {
      if (!cfg.isProvided(c.name())) {
        continue;
      }
      try {
        inputs.add(InputFiles.of(cfg.input(c.name())));
      } catch (ConfigException e) {
        continue;
      }
    }
    return inputs;
  }

  /** Returns one {@code RunLog.INPUT} row per input. */
  static List<Row> describe(List<InputFiles> inputs) {
    List<Row> rows = new ArrayList<>();
    for (InputFiles files : inputs) {
      rows.add(
          RowFactory.create(
              files.spec().dataset(),
              files.spec().path().toString(),
              files.spec().format(),
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
