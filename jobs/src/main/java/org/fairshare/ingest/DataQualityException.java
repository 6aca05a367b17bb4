package org.fairshare.ingest;

/** Error rules failed more rows than the configured threshold allows; the run stops (exit 1). */
public final class DataQualityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataQualityException(String message) {
    super(message);
  }
}
