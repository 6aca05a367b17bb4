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
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.fairshare.config.ConfigException;
import org.fairshare.config.InputSpec;

/**
 * The data files behind an input path: the file itself, or the visible files of a folder (Spark's
 * part files), in name order.
 */
public record InputFiles(InputSpec spec, List<Path> files) {

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
