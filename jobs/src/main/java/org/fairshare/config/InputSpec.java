package org.fairshare.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where and how to read one input dataset.
 *
 * @param columnMapping contract column to the publisher's header, for the columns that differ
 */
public record InputSpec(
    String dataset,
    Path path,
    String format,
    char delimiter,
    String encoding,
    Map<String, String> columnMapping) {

  public boolean isCsv() {
    return format.equals("csv");
  }

  /** Returns the header the source uses for a contract column. */
  public String sourceColumn(String contractColumn) {
    return columnMapping.getOrDefault(contractColumn, contractColumn);
  }
}
