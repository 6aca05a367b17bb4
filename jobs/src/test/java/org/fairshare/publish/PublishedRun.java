package org.fairshare.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairshare.SharedRun;
import org.fairshare.cli.ExitCodes;
import org.fairshare.cli.Main;

/**
 * The publication folder of the shared pipeline run, written once per test JVM through the CLI
 * ({@code fairshare publish}) and read by the publication, browser and notebook tests.
 */
final class PublishedRun {
  private static Path folder;

  private PublishedRun() {}

  /** Returns the folder, publishing the shared run on first call; fails if publish fails. */
  static synchronized Path get() {
    if (folder == null) {
      SharedRun run = SharedRun.get();
      try {
        Path out = Files.createTempDirectory("fairshare-publication").resolve("publication");
        int exit =
            Main.execute(
                "publish", "--warehouse", run.warehouse().toString(), "--out", out.toString());
        if (exit != ExitCodes.OK) {
          throw new IllegalStateException("fairshare publish exited " + exit);
        }
        folder = out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return folder;
  }
}
