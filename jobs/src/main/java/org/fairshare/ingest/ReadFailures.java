package org.fairshare.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipException;
import org.apache.spark.SparkThrowable;

/**
 * Turns a failure to read an input file (decompression, Parquet decoding, I/O), wherever it
 * happened, into one sentence naming the file and what to do, for an {@link InputException}.
 */
final class ReadFailures {
  private ReadFailures() {}

  /** Returns what went wrong reading the file, as the end of a sentence that starts with it. */
  static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof EOFException) {
        return "ends early: it was cut short (an interrupted download or copy?); fetch or write it"
            + " again";
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ZipException) {
        return "holds corrupt compressed data (" + firstLine(t.getMessage()) + "); fetch it again";
      }
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return "cannot be read ("
        + root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + firstLine(root.getMessage()))
        + "): it is corrupt or not what its name says; fetch or write it again";
  }

  /** Returns whether the failure came from reading bytes (an IOException somewhere in it). */
  static boolean isIo(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** Returns the input error for a failure reading this file. */
  static InputException of(Path file, Throwable failure) {
    return new InputException(file + " " + describe(failure));
  }

  /**
   * Returns the input error for a Spark job that failed reading one of an input's files (Spark's
   * FAILED_READ_FILE, which names the file), or null when the failure is something else.
   */
  static InputException ofSparkJob(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SparkThrowable s
          && s.getCondition() != null
          && s.getCondition().startsWith("FAILED_READ_FILE")) {
        Map<String, String> parameters = s.getMessageParameters();
        String path = parameters.getOrDefault("path", "an input file");
        Throwable cause = t.getCause() != null ? t.getCause() : t;
        return new InputException(path.replaceFirst("^file:(//)?", "") + " " + describe(cause));
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
