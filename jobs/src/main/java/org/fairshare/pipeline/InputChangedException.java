package org.fairshare.pipeline;

/** An input file changed, vanished or appeared while the run read it; the message names it. */
public final class InputChangedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputChangedException(String message, Throwable cause) {
    super(message, cause);
  }
}
