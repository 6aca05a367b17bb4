package org.fairshare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fairshare.config.ConfigException;
import org.fairshare.config.FairshareConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A missing input never makes fairshare generate into the user's folder: outside the default
 * configuration it is a config error naming the key, the resolved path and what stands there.
 */
class DefaultDataTest {
  private static final String KEY = "inputs.geography.path";

  @Test
  void typoedInputPathInTheUsersDataDirIsRefusedAndTheirFilesAreUntouched(@TempDir Path dir)
      throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "mine\n");
    Path population = Files.createDirectories(dir.resolve("population"));
    Path part = Files.writeString(population.resolve("my-population.csv"), "area,persons\n");

    int exit =
        Main.execute(
            "validate",
            "--data-dir",
            dir.toString(),
            "--set",
            KEY + "=geograpy",
            "--set",
            "generate.areas=60");

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(notes)).isEqualTo("mine\n");
    assertThat(Files.readString(part)).isEqualTo("area,persons\n");
    try (var entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("notes.txt", "population");
    }
  }

  @Test
  void refusalNamesTheKeyTheResolvedPathAndWhatIsThere(@TempDir Path dir) {
    FairshareConfig cfg = FairshareConfig.of(Map.of("data.dir", dir.toString(), KEY, "geograpy"));
    assertThatThrownBy(() -> DefaultData.mustGenerate(cfg))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(KEY + "=geograpy")
        .hasMessageContaining(dir.resolve("geograpy").toString())
        .hasMessageContaining("where there is nothing")
        .hasMessageContaining("data.dir is " + dir);
  }

  @Test
  void symlinkLoopIsNamed(@TempDir Path dir) throws IOException {
    Files.createSymbolicLink(dir.resolve("geography"), dir.resolve("loop"));
    Files.createSymbolicLink(dir.resolve("loop"), dir.resolve("geography"));
    assertThatThrownBy(() -> DefaultData.mustGenerate(dataDir(dir)))
        .hasMessageContaining(KEY)
        .hasMessageContaining("a symlink loop");
  }

  @Test
  void brokenSymlinkIsNamed(@TempDir Path dir) throws IOException {
    Files.createSymbolicLink(dir.resolve("geography"), dir.resolve("gone"));
    assertThatThrownBy(() -> DefaultData.mustGenerate(dataDir(dir)))
        .hasMessageContaining("a broken symlink (to " + dir.resolve("gone") + ")");
  }

  @Test
  void folderWithNoDataFilesIsNamed(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("geography"));
    Files.writeString(dir.resolve("geography/README.txt"), "x", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> DefaultData.mustGenerate(dataDir(dir)))
        .hasMessageContaining("a folder with no file matching *.parquet");
  }

  @Test
  void dataDirThatIsAFileIsNamed(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("data"), "not a folder");
    assertThatThrownBy(() -> DefaultData.mustGenerate(dataDir(file)))
        .hasMessageContaining(file + " is a file where a folder was expected");
  }

  @Test
  void otherMissingInputsAreNamedToo(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("geography"));
    Files.writeString(dir.resolve("geography/part-0.parquet"), "x");
    assertThatThrownBy(() -> DefaultData.mustGenerate(dataDir(dir)))
        .hasMessageContaining("config key inputs.practices.path=practices");
  }

  @Test
  void generateIfMissingFalseStillRefusesBeforeSpark(@TempDir Path dir) {
    FairshareConfig cfg =
        FairshareConfig.of(Map.of("data.dir", dir.toString(), "generate.if_missing", "false"));
    assertThatThrownBy(() -> DefaultData.mustGenerate(cfg))
        .hasMessageContaining(KEY)
        .hasMessageContaining("generate.if_missing=false");
  }

  @Test
  void onlyTheDefaultDataDirAndInputKeysCountAsTheDefaultConfiguration() {
    assertThat(DefaultData.notDefault(FairshareConfig.of(Map.of()))).isEmpty();
    assertThat(DefaultData.notDefault(FairshareConfig.of(Map.of(KEY, "geography_2021"))))
        .hasValue(KEY + " is set");
    assertThat(
            DefaultData.notDefault(FairshareConfig.of(Map.of("inputs.population.format", "csv"))))
        .hasValue("inputs.population.format is set");
    assertThat(DefaultData.notDefault(FairshareConfig.of(Map.of("data.dir", "elsewhere"))))
        .get()
        .asString()
        .startsWith("data.dir is ");
  }

  @Test
  void generateRefusesAnOutFolderHoldingFilesItDidNotWrite(@TempDir Path dir) throws IOException {
    Path mine = Files.writeString(dir.resolve("thesis.docx"), "years of work");
    Path folder = Files.createDirectories(dir.resolve("population"));
    Path part = Files.writeString(folder.resolve("mine.parquet"), "x");

    int exit = Main.execute("generate", "--out", dir.toString(), "--areas", "60");

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(mine)).isEqualTo("years of work");
    assertThat(Files.readString(part)).isEqualTo("x");
  }

  private static FairshareConfig dataDir(Path dir) {
    return FairshareConfig.of(Map.of("data.dir", dir.toString()));
  }
}
