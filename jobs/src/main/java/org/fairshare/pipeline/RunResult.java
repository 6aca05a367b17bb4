package org.fairshare.pipeline;

import java.util.List;
import java.util.Map;

/** What a finished run did: its id, rows written per table, seconds per stage, summary lines. */
public record RunResult(
    String runId,
    Map<String, Long> rowsWritten,
    Map<String, Double> stageSeconds,
    List<String> summary) {}
