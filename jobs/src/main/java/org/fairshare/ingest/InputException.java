package org.fairshare.ingest;

/** An input that cannot be read at all: missing, unreadable, or without a required column. */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }
}
