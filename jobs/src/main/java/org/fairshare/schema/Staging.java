package org.fairshare.schema;

import java.util.Map;

/**
 * Staging tables: each input dataset's accepted rows, exactly its contract's columns, sliced by
 * financial year and scenario. Later stages read inputs only from here.
 */
public final class Staging {
  private Staging() {}

  private static final String PREFIX = "stg_";

  /** Returns the staging table of a dataset, named {@code stg_<dataset>}. */
  public static OutputTable table(DatasetContract contract) {
    return OutputTable.sliced(
        PREFIX + contract.name(),
        "Accepted rows of the " + contract.name() + " input: " + contract.description(),
        contract.schema(),
        Map.of());
  }

  /** Returns whether the table is a staging table. */
  public static boolean isStaging(OutputTable table) {
    return table.name().startsWith(PREFIX);
  }
}
