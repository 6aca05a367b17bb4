package org.fairshare.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.fairshare.config.ConfigException;
import org.fairshare.config.FairshareConfig;
import org.fairshare.schema.Population;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of an input folder are read, and how the others are accounted for. No Spark. */
class InputFilesTest {

  private static InputFiles of(Path folder, String format, Map<String, String> more) {
    Map<String, String> cfg = new HashMap<>();
    cfg.put("data.dir", folder.getParent().toString());
    cfg.put("inputs.population.path", folder.getFileName().toString());
    cfg.put("inputs.population.format", format);
    cfg.putAll(more);
    return InputFiles.of(FairshareConfig.of(cfg).input(Population.DATASET));
  }

  private static Path folder(Path dir, String... names) throws IOException {
    Path folder = dir.resolve("population");
    Files.createDirectories(folder);
    for (String name : names) {
      if (name.endsWith("/")) {
        Files.createDirectories(folder.resolve(name));
      } else {
        Files.writeString(folder.resolve(name), "x");
      }
    }
    return folder;
  }

  private static String names(InputFiles files) {
    return files.files().stream().map(p -> p.getFileName().toString()).toList().toString();
  }

  @Test
  void aCsvFolderReadsCsvAndGzippedCsvAndListsWhatElseItHolds(@TempDir Path dir)
      throws IOException {
    Path folder =
        folder(
            dir,
            "b.csv",
            "a.CSV.GZ",
            "README.md",
            "notes.txt",
            "old.zip",
            "c.csv.bz2",
            "archive/",
            ".DS_Store",
            "_SUCCESS",
            "_committed_1",
            ".b.csv.crc");
    InputFiles files = of(folder, "csv", Map.of());
    assertThat(names(files)).isEqualTo("[a.CSV.GZ, b.csv]");
    assertThat(files.skipped())
        .containsExactly("README.md", "archive/", "c.csv.bz2", "notes.txt", "old.zip");
  }

  @Test
  void aParquetFolderReadsSparksPartFilesAlone(@TempDir Path dir) throws IOException {
    Path folder =
        folder(
            dir,
            "part-00000-1-c000.snappy.parquet",
            "part-00001-1-c000.zstd.parquet",
            ".part-00000-1-c000.snappy.parquet.crc",
            "_SUCCESS",
            "schema.json");
    InputFiles files = of(folder, "parquet", Map.of());
    assertThat(names(files))
        .isEqualTo("[part-00000-1-c000.snappy.parquet, part-00001-1-c000.zstd.parquet]");
    assertThat(files.skipped()).containsExactly("schema.json");
  }

  @Test
  void aTabDelimitedFolderReadsTsvFilesToo(@TempDir Path dir) throws IOException {
    Path folder = folder(dir, "a.tsv", "b.tsv.gz", "c.csv", "d.txt");
    InputFiles files = of(folder, "csv", Map.of("inputs.population.delimiter", "\\t"));
    assertThat(names(files)).isEqualTo("[a.tsv, b.tsv.gz, c.csv]");
    assertThat(files.skipped()).containsExactly("d.txt");
  }

  @Test
  void theFilePatternChoosesTheFilesRead(@TempDir Path dir) throws IOException {
    Path folder = folder(dir, "pop_2023.txt", "pop_2024.txt", "README.txt");
    InputFiles files = of(folder, "csv", Map.of("inputs.population.file_pattern", "pop_*.txt"));
    assertThat(names(files)).isEqualTo("[pop_2023.txt, pop_2024.txt]");
    assertThat(files.skipped()).containsExactly("README.txt");
  }

  @Test
  void aFileNamedByThePathIsReadWhateverItsName(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("population.txt");
    Files.writeString(file, "x");
    InputFiles files = of(file, "csv", Map.of());
    assertThat(files.files()).containsExactly(file);
    assertThat(files.skipped()).isEmpty();
  }

  @Test
  void aFolderOfNoDataFilesIsAnErrorSayingWhatItHolds(@TempDir Path dir) throws IOException {
    Path folder = folder(dir, "README.md", "data.zip", "_SUCCESS");
    assertThatThrownBy(() -> of(folder, "csv", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(folder.toString())
        .hasMessageContaining("holds no file matching *.{csv,csv.gz}")
        .hasMessageContaining("inputs.population.file_pattern")
        .hasMessageEndingWith("it holds README.md, _SUCCESS, data.zip");
  }
}
