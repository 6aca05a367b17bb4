package org.fairshare.cli;

/**
 * A query {@code sql} will not run: not read-only, not one statement, not valid SQL, or naming what
 * the warehouse lacks. The message is one line saying which part and why.
 */
public final class RefusedQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RefusedQueryException(String message) {
    super(message);
  }
}
