package org.fairshare;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small tmpfs mounted for one test, to run a disk out of space on purpose. Mounting needs root
 * (or sudo without a password); where neither is allowed the test is skipped, saying why.
 */
final class Tmpfs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Tmpfs.class);
  private static final String FILLER = "filler";

  private final Path dir;
  private final List<String> sudo;

  private Tmpfs(Path dir, List<String> sudo) {
    this.dir = dir;
    this.sudo = sudo;
  }

  /** Returns a tmpfs of this many bytes mounted at {@code dir}; skips the test if none can be. */
  static Tmpfs mount(Path dir, long bytes) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    List<String> mount =
        List.of("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", dir.toString());
    String asIs = run(mount);
    if (asIs.isEmpty()) {
      return new Tmpfs(dir, List.of());
    }
    List<String> sudo = List.of("sudo", "-n");
    String withSudo = run(concat(sudo, mount));
    if (!withSudo.isEmpty()) {
      // A skip is easy to miss in a green build: say it in the build's log too.
      String why =
          "SKIPPED, NOT PROVED: this test needs a small tmpfs to fill, and mounting one was not"
              + " permitted (run the tests as root or with passwordless sudo): "
              + asIs
              + " / sudo: "
              + withSudo;
      LOG.warn(why);
      Assumptions.abort(why);
    }
    return new Tmpfs(dir, sudo);
  }

  /** Writes a file of zeros that leaves about {@code free} bytes of the tmpfs unused. */
  void fillLeaving(long free) throws IOException {
    long toWrite = Files.getFileStore(dir).getUsableSpace() - free;
    byte[] zeros = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(dir.resolve(FILLER))) {
      for (long left = toWrite; left > 0; left -= zeros.length) {
        out.write(zeros, 0, (int) Math.min(zeros.length, left));
      }
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    String failed = run(concat(sudo, List.of("umount", dir.toString())));
    if (!failed.isEmpty()) {
      // A child that still holds a file open keeps it busy; detach it all the same.
      failed = run(concat(sudo, List.of("umount", "-l", dir.toString())));
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException("could not unmount the test's tmpfs " + dir + ": " + failed);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Runs a command; returns "" when it succeeded, else its exit code and output. */
  private static String run(List<String> command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!p.waitFor(1, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return String.join(" ", command) + " did not finish";
      }
      String output = new String(p.getInputStream().readAllBytes()).trim();
      return p.exitValue() == 0 ? "" : String.join(" ", command) + ": " + output;
    } catch (IOException e) {
      return String.join(" ", command) + ": " + e.getMessage();
    }
  }

  /** Returns the bytes the files under {@code root} take, each rounded up to whole pages. */
  static long pagesUsed(Path root) {
    try (var paths = Files.walk(root)) {
      long total = 0;
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        total += (Files.size(p) + 4095) / 4096 * 4096;
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
