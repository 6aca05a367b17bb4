package org.fairshare.bench;

import java.util.Map;

/**
 * The figures of one scale: inputs, the pipeline's seconds (in all and per stage) and peak heap,
 * the floor's and DuckDB's seconds (NaN when not run).
 *
 * @param activityRows activity rows of the data year read by the run
 * @param pipelineSeconds wall seconds of the whole run, table creation and run log included
 * @param stageSeconds seconds per stage, in run order
 * @param pipelineHeapBytes peak heap over the run, in bytes
 */
public record ScaleResult(
    int scale,
    int areas,
    long activityRows,
    long inputBytes,
    double generateSeconds,
    double pipelineSeconds,
    Map<String, Double> stageSeconds,
    long pipelineHeapBytes,
    double floorSeconds,
    double duckDbSeconds) {

  /** Returns activity rows per second of the whole run. */
  public double rowsPerSecond() {
    return activityRows / pipelineSeconds;
  }

  /** Returns pipeline seconds over floor seconds. */
  public double overFloor() {
    return pipelineSeconds / floorSeconds;
  }

  /** Returns pipeline seconds over DuckDB seconds. */
  public double overDuckDb() {
    return pipelineSeconds / duckDbSeconds;
  }
}
