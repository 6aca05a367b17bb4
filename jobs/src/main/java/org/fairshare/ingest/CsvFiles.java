package org.fairshare.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Opens a CSV input file as Spark will read it: gunzipped when its name ends with .gz (Hadoop picks
 * the codec by the name), as it is otherwise. Content that is not text for that reading (a zip or
 * bzip2 file, gzip without the .gz name or inside another gzip, Parquet) is refused with a message
 * that says what the file is, before Spark reads it as lines of garbage.
 */
final class CsvFiles {
  private CsvFiles() {}

  private static final int MAGIC = 8;

  /** Returns the file's text bytes, positioned at its start; throws an {@link InputException}. */
  static InputStream open(Path file) {
    boolean gzipped = file.getFileName().toString().endsWith(".gz");
    try {
      if (Files.size(file) == 0) {
        throw new InputException(
            file + " is empty (0 bytes): expected " + (gzipped ? "gzip-compressed " : "") + "CSV");
      }
      InputStream raw = new BufferedInputStream(Files.newInputStream(file));
      try {
        return checked(file, raw, gzipped);
      } catch (IOException | RuntimeException e) {
        raw.close();
        throw e;
      }
    } catch (IOException e) {
      throw ReadFailures.of(file, e);
    }
  }

  private static InputStream checked(Path file, InputStream raw, boolean gzipped)
      throws IOException {
    byte[] magic = peek(raw);
    if (!gzipped) {
      refuseCompressed(file, magic, false);
      return raw;
    }
    if (!isGzip(magic)) {
      throw new InputException(
          file
              + " is named .gz but is not gzip-compressed"
              + kindOf(magic).map(k -> " (it is " + k + ")").orElse("")
              + "; rename it without .gz if it is plain CSV, or gzip it");
    }
    InputStream text = new BufferedInputStream(new GZIPInputStream(raw));
    refuseCompressed(file, peek(text), true);
    return text;
  }

  private static byte[] peek(InputStream in) throws IOException {
    in.mark(MAGIC);
    byte[] head = in.readNBytes(MAGIC);
    in.reset();
    return head;
  }

  private static void refuseCompressed(Path file, byte[] magic, boolean gunzipped) {
    if (gunzipped && isGzip(magic)) {
      throw new InputException(
          file + " is gzip-compressed twice (a .gz inside the .gz); gunzip it once and read that");
    }
    kindOf(magic)
        .ifPresent(
            kind -> {
              throw new InputException(
                  file
                      + (gunzipped ? " holds " : " is ")
                      + kind
                      + ", not CSV text; fairshare reads CSV, gzipped CSV (.csv.gz) and Parquet:"
                      + " "
                      + advice(kind));
            });
  }

  private static String advice(String kind) {
    if (kind.startsWith("gzip")) {
      return "name it .gz (e.g. .csv.gz) so it is decompressed";
    }
    if (kind.startsWith("Parquet")) {
      return "set its input's format=parquet";
    }
    if (kind.startsWith("a zip")) {
      return "unzip it and point the input's path at the CSV inside";
    }
    return "decompress it (or recompress it with gzip)";
  }

  private static boolean isGzip(byte[] m) {
    return m.length >= 2 && (m[0] & 0xFF) == 0x1F && (m[1] & 0xFF) == 0x8B;
  }

  /** Returns what a file of these first bytes is, when it is a format that is not CSV text. */
  private static Optional<String> kindOf(byte[] m) {
    if (isGzip(m)) {
      return Optional.of("gzip-compressed");
    }
    if (starts(m, 'P', 'K', 3, 4) || starts(m, 'P', 'K', 5, 6)) {
      return Optional.of("a zip archive");
    }
    if (starts(m, 'B', 'Z', 'h')) {
      return Optional.of("bzip2-compressed");
    }
    if (starts(m, 0xFD, '7', 'z', 'X', 'Z', 0)) {
      return Optional.of("xz-compressed");
    }
    if (starts(m, 0x28, 0xB5, 0x2F, 0xFD)) {
      return Optional.of("zstd-compressed");
    }
    if (starts(m, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
      return Optional.of("a 7-zip archive");
    }
    if (starts(m, 'P', 'A', 'R', '1')) {
      return Optional.of("Parquet");
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] m, int... prefix) {
    return m.length >= prefix.length
        && Arrays.equals(Arrays.copyOf(m, prefix.length), toBytes(prefix));
  }

  private static byte[] toBytes(int[] values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
