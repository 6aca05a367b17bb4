package org.fairshare.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.fairshare.config.ConfigException;

/**
 * One file a command writes where the user asked (e.g. {@code indicators --output}), in a folder
 * that is the user's: nothing is left beside it (no {@value OwnedFolder#MANIFEST}, no scratch
 * files), it appears whole or not at all, and it never replaces a file fairshare cannot show it
 * wrote. Folders fairshare fills whole are {@link OwnedFolder}s instead.
 */
public final class OutputFile {
  private OutputFile() {}

  /**
   * Throws a {@link ConfigException} naming the file when it exists and is not listed as
   * fairshare's in its folder's manifest (a folder fairshare owns, such as a publication).
   *
   * @param what how the user named the file, e.g. "--output rates.csv"
   */
  public static void requireReplaceable(Path file, String what) {
    Path abs = file.toAbsolutePath().normalize();
    if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)
        || OwnedFolder.isListed(abs.getParent(), abs.getFileName().toString())) {
      return;
    }
    throw new ConfigException(
        what
            + ": "
            + abs
            + " exists, and fairshare replaces only files it can show it wrote; move it away or"
            + " name a new file");
  }

  /**
   * Returns a new, hidden scratch folder beside the file (the same disk, so the finished file can
   * be moved into place atomically); {@link #publish} or {@link #discard} removes it.
   */
  public static Path scratch(Path file) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    // The folder the user named for the file may not exist yet.
    Files.createDirectories(abs.getParent());
    return Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".fairshare-");
  }

  /**
   * Moves {@code written} (a file inside the scratch folder) onto the file in one step, checking
   * again that the file may be replaced, then removes the scratch folder.
   */
  public static void publish(Path written, Path file, Path scratch, String what)
      throws IOException {
    requireReplaceable(file, what);
    Files.move(
        written,
        file.toAbsolutePath().normalize(),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    discard(scratch);
  }

  /** Deletes the scratch folder and everything in it, if it is still there. */
  public static void discard(Path scratch) {
    if (!Files.exists(scratch, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(scratch)) {
      List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the scratch folder " + scratch, e);
    }
  }
}
