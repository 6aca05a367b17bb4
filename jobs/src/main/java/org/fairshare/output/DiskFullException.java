package org.fairshare.output;

import java.nio.file.Path;

/** A write to the warehouse stopped because the disk under it is full; the message names where. */
public final class DiskFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  // The text of ENOSPC as the JDK reports it, wrapped by Hadoop's FSError or Spark's task failure.
  private static final String NO_SPACE = "No space left on device";

  DiskFullException(Path path, Throwable cause) {
    super(
        "disk full: no space left on device writing "
            + path
            + "; the write committed nothing, so the table reads at its last commit. Free space"
            + " on that disk and run again",
        cause);
  }

  /** Returns true when the file system's report of a full disk is anywhere among the causes. */
  public static boolean isDiskFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(NO_SPACE)) {
        return true;
      }
      for (Throwable s : t.getSuppressed()) {
        if (isDiskFull(s)) {
          return true;
        }
      }
    }
    return false;
  }
}
