package org.fairshare.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a CSV input file is checked to hold before Spark reads it as lines. No Spark. */
class CsvFilesTest {

  private static final byte[] CSV =
      "area_code,persons\nXA21000001,3\n".getBytes(StandardCharsets.UTF_8);

  private static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(b);
    }
    return out.toByteArray();
  }

  private static byte[] read(Path file) throws IOException {
    try (InputStream in = CsvFiles.open(file)) {
      return in.readAllBytes();
    }
  }

  @Test
  void plainAndGzippedCsvReadFromTheirFirstByte(@TempDir Path dir) throws IOException {
    Path plain = Files.write(dir.resolve("p.csv"), CSV);
    Path gz = Files.write(dir.resolve("p.csv.gz"), gzip(CSV));
    assertThat(read(plain)).isEqualTo(CSV);
    assertThat(read(gz)).isEqualTo(CSV);
  }

  @Test
  void gzipNotNamedGzIsRefusedSayingToNameItSo(@TempDir Path dir) throws IOException {
    Path f = Files.write(dir.resolve("p.csv"), gzip(CSV));
    assertThatThrownBy(() -> CsvFiles.open(f))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(f + " is gzip-compressed, not CSV text")
        .hasMessageContaining("name it .gz");
  }

  @Test
  void parquetReadAsCsvIsRefusedSayingToSetTheFormat(@TempDir Path dir) throws IOException {
    Path f =
        Files.write(
            dir.resolve("p.csv"), "PAR1\u0015\u0000garbage".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> CsvFiles.open(f))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("is Parquet, not CSV text")
        .hasMessageContaining("format=parquet");
  }

  @Test
  void aZipInsideAGzipIsRefusedSayingWhatItHolds(@TempDir Path dir) throws IOException {
    byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
    Path f = Files.write(dir.resolve("p.csv.gz"), gzip(zip));
    assertThatThrownBy(() -> CsvFiles.open(f))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(f + " holds a zip archive, not CSV text");
  }
}
