package org.fairshare.generate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generation run wrote: rows per input dataset (keyed by the contract's dataset name, in
 * ingest order), rows per truth table (keyed by its name under {@code _truth/}) and the wall-clock
 * seconds the run took.
 */
public record GenerationReport(
    Map<String, Long> rowsWritten, Map<String, Long> truthRowsWritten, double seconds) {

  public GenerationReport {
    rowsWritten = Collections.unmodifiableMap(new LinkedHashMap<>(rowsWritten));
    truthRowsWritten = Collections.unmodifiableMap(new LinkedHashMap<>(truthRowsWritten));
  }
}
