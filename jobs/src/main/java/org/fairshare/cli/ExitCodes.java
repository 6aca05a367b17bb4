package org.fairshare.cli;

/** The CLI's exit codes, as documented in the README. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  public static final int DATA_QUALITY = 1;
  public static final int USAGE = 2;
  public static final int RUNTIME = 3;
}
