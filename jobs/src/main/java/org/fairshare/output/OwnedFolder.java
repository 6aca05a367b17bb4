package org.fairshare.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.fairshare.config.ConfigException;

/**
 * A folder fairshare fills whole (generated inputs, a publication, the bench's work folders): it
 * may replace or delete what is in it only when it created all of it. What it created is listed in
 * the folder's manifest, {@value #MANIFEST}: one path per line relative to the folder, a path
 * ending in '/' claiming everything under it, and {@value #WHOLE} claiming the whole folder.
 * Writers claim their subfolders before writing (so an interrupted write stays theirs) and list the
 * exact files after.
 */
public final class OwnedFolder {
  private OwnedFolder() {}

  /** The manifest's file name. */
  public static final String MANIFEST = ".fairshare-manifest";

  /** The manifest line that claims every file of the folder. */
  public static final String WHOLE = "./";

  private static final String HEADER =
      "# Written by fairshare: the files below are its own, and it may replace them.\n";

  /**
   * Returns the first entry of {@code dir} fairshare did not create, described for an error
   * message, or empty when the folder is absent, empty or holds only what its manifest lists.
   */
  public static Optional<String> foreignEntry(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    if (Files.isSymbolicLink(dir)) {
      return Optional.of("it is a symlink (to " + target(dir) + ")");
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of("it is a file, not a folder");
    }
    Set<String> claimed = claims(dir);
    if (claimed.contains(WHOLE)) {
      return Optional.empty();
    }
    try (Stream<Path> entries = Files.walk(dir)) {
      return entries
          .filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> relative(dir, p))
          .filter(r -> !r.equals(MANIFEST) && !isClaimed(r, claimed))
          .findFirst()
          .map(r -> "it holds " + r + ", which fairshare did not write");
    } catch (IOException | UncheckedIOException e) {
      return Optional.of("it cannot be listed (" + e.getMessage() + ")");
    }
  }

  /**
   * Throws a {@link ConfigException} naming the folder and a file in it fairshare did not create,
   * unless fairshare may replace what is there.
   *
   * @param what how the user named the folder, e.g. "--out" or "data.dir"
   */
  public static void requireOwned(Path dir, String what) {
    foreignEntry(dir)
        .ifPresent(
            why -> {
              throw new ConfigException(
                  what
                      + " "
                      + dir
                      + " is not a folder fairshare made ("
                      + why
                      + "; no "
                      + MANIFEST
                      + " lists it), so fairshare will not write there; choose a new or empty"
                      + " folder, or move those files away");
            });
  }

  /**
   * Throws a {@link ConfigException} when one of these files (or folders) of {@code dir} exists and
   * is not listed as fairshare's in the folder's manifest: a writer that replaces named files may
   * share a folder with the user's, but must not replace theirs.
   */
  public static void requireReplaceable(Path dir, List<String> names, String what) {
    Set<String> claimed = claims(dir);
    for (String name : names) {
      Path p = dir.resolve(name);
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
          && !claimed.contains(WHOLE)
          && !isClaimed(name, claimed)
          && !isClaimed(name + "/", claimed)) {
        throw new ConfigException(
            what
                + " would replace "
                + p
                + ", which fairshare did not write (no "
                + MANIFEST
                + " in "
                + dir
                + " lists it); move it away or choose another folder");
      }
    }
  }

  /** Returns whether the folder's manifest lists this entry of it as fairshare's. */
  public static boolean isListed(Path dir, String name) {
    Set<String> claimed = claims(dir);
    return claimed.contains(WHOLE) || isClaimed(name, claimed) || isClaimed(name + "/", claimed);
  }

  /** Adds these entries of the folder to its manifest as fairshare's, once written. */
  public static void add(Path dir, List<String> names) {
    Set<String> lines = new HashSet<>(claims(dir));
    lines.remove(MANIFEST + ".tmp");
    lines.addAll(names);
    writeManifest(dir, lines);
  }

  /** Creates the folder if needed and claims these entries of it before writing them. */
  public static void claim(Path dir, List<String> entries) {
    Set<String> lines = new HashSet<>(claims(dir));
    lines.remove(MANIFEST + ".tmp");
    for (String e : entries) {
      lines.add(e.equals(WHOLE) || e.endsWith("/") ? e : e + "/");
    }
    writeManifest(dir, lines);
  }

  /** Lists every file now in the folder as fairshare's, replacing the claims made before. */
  public static void record(Path dir) {
    try (Stream<Path> entries = Files.walk(dir)) {
      List<String> files =
          entries
              .filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
              .map(p -> relative(dir, p))
              .filter(r -> !r.equals(MANIFEST))
              .toList();
      writeManifest(dir, files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** Deletes the folder and everything in it, after {@link #requireOwned} allowed it. */
  public static void delete(Path dir, String what) {
    requireOwned(dir, what);
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  private static void writeManifest(Path dir, java.util.Collection<String> lines) {
    List<String> sorted = new ArrayList<>(lines);
    sorted.sort(Comparator.naturalOrder());
    StringBuilder text = new StringBuilder(HEADER);
    sorted.forEach(l -> text.append(l).append('\n'));
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(MANIFEST + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(
          tmp,
          dir.resolve(MANIFEST),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(MANIFEST), e);
    }
  }

  private static Set<String> claims(Path dir) {
    Path manifest = dir.resolve(MANIFEST);
    Set<String> lines = new HashSet<>();
    if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return lines;
    }
    try {
      for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + manifest, e);
    }
    // The manifest's own temporary copy is fairshare's too.
    lines.add(MANIFEST + ".tmp");
    return lines;
  }

  private static boolean isClaimed(String relative, Set<String> claimed) {
    if (claimed.contains(relative)) {
      return true;
    }
    for (String c : claimed) {
      if (c.endsWith("/") && relative.startsWith(c)) {
        return true;
      }
    }
    return false;
  }

  private static String relative(Path dir, Path p) {
    return dir.relativize(p).toString().replace('\\', '/');
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "?";
    }
  }
}
