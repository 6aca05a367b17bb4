package org.fairshare.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.fairshare.config.ConfigException;
import org.fairshare.config.InputSpec;

/**
 * The data files behind an input path: the file itself, or the visible files of a folder (Spark's
 * part files), in name order.
 */
public record InputFiles(InputSpec spec, List<Path> files) {
  /** Links followed before a chain counts as a loop (Linux gives up after 40). */
  private static final int MAX_LINKS = 40;

  /** Lists the files of an input; a missing input is a configuration error. */
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
    String suffix = spec.isCsv() ? "" : ".parquet";
    try (Stream<Path> s = Files.list(p)) {
      List<Path> files =
          s.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .filter(f -> !f.getFileName().toString().startsWith("_"))
              .filter(f -> f.getFileName().toString().endsWith(suffix))
              .sorted()
              .toList();
      if (files.isEmpty()) {
        throw new ConfigException(
            "input " + spec.dataset() + " folder " + p + " holds no " + spec.format() + " files");
      }
      return new InputFiles(spec, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
      String suffix = spec.isCsv() ? "" : ".parquet";
      try (Stream<Path> s = Files.list(p)) {
        boolean any =
            s.anyMatch(
                f ->
                    Files.isRegularFile(f)
                        && !f.getFileName().toString().startsWith(".")
                        && !f.getFileName().toString().startsWith("_")
                        && f.getFileName().toString().endsWith(suffix));
        return any
            ? Optional.empty()
            : Optional.of("a folder with no " + spec.format() + " data files");
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
