package org.fairshare.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.fairshare.config.ConfigException;
import org.fairshare.config.InputSpec;

/**
 * The data files behind an input path: the file itself, or the files of a folder whose names match
 * the input's file pattern (Spark's part files among them), in name order.
 *
 * @param skipped the folder's other entries, in name order (sub-folders end with '/'), except
 *     hidden ones and those starting with '_' ({@code _SUCCESS}, {@code .crc}, {@code .DS_Store}),
 *     which Spark and Hadoop skip too
 */
public record InputFiles(InputSpec spec, List<Path> files, List<String> skipped) {
  /** Links followed before a chain counts as a loop (Linux gives up after 40). */
  private static final int MAX_LINKS = 40;

  /** The folder listing a "no files" error quotes: enough to see what is there instead. */
  private static final int LISTED = 10;

  public InputFiles(InputSpec spec, List<Path> files) {
    this(spec, files, List.of());
  }

  /** Lists the files of an input; a missing input, or a folder of no data files, is an error. */
  public static InputFiles of(InputSpec spec) {
    Path p = spec.path();
    if (Files.isRegularFile(p)) {
      return new InputFiles(spec, List.of(p));
    }
    if (!Files.isDirectory(p)) {
      throw new ConfigException(
          "input "
              + spec.dataset()
              + " not found at "
              + p
              + "; run 'bin/fairshare generate' or set inputs."
              + spec.dataset()
              + ".path");
    }
    String glob = spec.fileGlob();
    PathMatcher matcher = matcher(spec);
    List<Path> entries;
    try (Stream<Path> s = Files.list(p)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      throw new InputException("cannot list input folder " + p + ": " + e.getMessage());
    }
    List<Path> files = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Path e : entries) {
      String name = e.getFileName().toString();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (Files.isDirectory(e)) {
        skipped.add(name + "/");
      } else if (matcher.matches(Path.of(name.toLowerCase(Locale.ROOT)))) {
        files.add(e);
      } else {
        skipped.add(name);
      }
    }
    if (files.isEmpty()) {
      throw new ConfigException(
          "input "
              + spec.dataset()
              + " folder "
              + p
              + " holds no file matching "
              + glob
              + " (the files read from a "
              + spec.format()
              + " folder; set inputs."
              + spec.dataset()
              + ".file_pattern to read others); it holds "
              + listing(entries));
    }
    return new InputFiles(spec, List.copyOf(files), List.copyOf(skipped));
  }

  /** Returns the input's file pattern as a matcher of lower-cased file names. */
  private static PathMatcher matcher(InputSpec spec) {
    return FileSystems.getDefault()
        .getPathMatcher("glob:" + spec.fileGlob().toLowerCase(Locale.ROOT));
  }

  private static String listing(List<Path> entries) {
    if (entries.isEmpty()) {
      return "nothing";
    }
    List<String> names = new ArrayList<>();
    for (Path e : entries.subList(0, Math.min(LISTED, entries.size()))) {
      names.add(e.getFileName() + (Files.isDirectory(e) ? "/" : ""));
    }
    String more = entries.size() > LISTED ? " and " + (entries.size() - LISTED) + " more" : "";
    return String.join(", ", names) + more;
  }

  /**
   * Returns what stands at the input's path when it holds no data the ingest can read (nothing, a
   * broken symlink, a symlink loop, a folder with no data files, ...), or empty when it does.
   */
  public static Optional<String> problem(InputSpec spec) {
    Path p = spec.path();
    if (Files.isSymbolicLink(p) && !Files.exists(p)) {
      return Optional.of(brokenLink(p));
    }
    if (Files.isRegularFile(p)) {
      return Optional.empty();
    }
    if (Files.isDirectory(p)) {
      PathMatcher matcher = matcher(spec);
      try (Stream<Path> s = Files.list(p)) {
        boolean any =
            s.anyMatch(
                f ->
                    Files.isRegularFile(f)
                        && !f.getFileName().toString().startsWith(".")
                        && !f.getFileName().toString().startsWith("_")
                        && matcher.matches(
                            Path.of(f.getFileName().toString().toLowerCase(Locale.ROOT))));
        return any
            ? Optional.empty()
            : Optional.of("a folder with no file matching " + spec.fileGlob());
      } catch (IOException | UncheckedIOException e) {
        return Optional.of("a folder that cannot be read (" + e.getMessage() + ")");
      }
    }
    if (Files.exists(p)) {
      return Optional.of("something that is neither a file nor a folder");
    }
    for (Path up = p.getParent(); up != null; up = up.getParent()) {
      if (Files.isSymbolicLink(up) && !Files.exists(up)) {
        return Optional.of("nothing: " + up + " is " + brokenLink(up));
      }
      if (Files.exists(up)) {
        return Files.isDirectory(up)
            ? Optional.of("nothing")
            : Optional.of("nothing: " + up + " is a file where a folder was expected");
      }
    }
    return Optional.of("nothing");
  }

  /** Returns "a symlink loop" or "a broken symlink (to ...)" for a link that does not resolve. */
  private static String brokenLink(Path link) {
    Set<Path> seen = new HashSet<>();
    Path at = link;
    try {
      while (Files.isSymbolicLink(at)) {
        if (!seen.add(at) || seen.size() > MAX_LINKS) {
          return "a symlink loop";
        }
        at = at.resolveSibling(Files.readSymbolicLink(at)).normalize();
      }
      return "a broken symlink (to " + Files.readSymbolicLink(link) + ")";
    } catch (IOException e) {
      return "a symlink that cannot be followed (" + e.getMessage() + ")";
    }
  }

  /** Returns the total size of the files in bytes. */
  public long bytes() {
    long total = 0;
    for (Path f : files) {
      try {
        total += Files.size(f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return total;
  }

  /** Returns a SHA-256 over the files' names and contents, so any change to the input shows. */
  public String sha256() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (Path f : files) {
        md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
          while (in.read(buffer) >= 0) {
            // The digest stream hashes as it reads.
          }
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
