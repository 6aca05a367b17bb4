package org.fairshare.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The running code's version: the build's version and, where the launcher knows it, the commit. */
public final class CodeVersion {
  private CodeVersion() {}

  /** Returns e.g. {@code 0.1.0-SNAPSHOT+3f2a9c1}. */
  public static String get() {
    String version = "unknown";
    try (InputStream in = CodeVersion.class.getResourceAsStream("/fairshare-version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        version = p.getProperty("version", version);
      }
    } catch (IOException e) {
      // The version is informative only; a run must not fail for want of it.
    }
    String commit = System.getenv("FAIRSHARE_COMMIT");
    return commit == null || commit.isBlank() ? version : version + "+" + commit;
  }
}
