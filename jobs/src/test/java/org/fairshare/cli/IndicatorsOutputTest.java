package org.fairshare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairshare.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** indicators --output replaces its CSV only when fairshare wrote it. */
class IndicatorsOutputTest {

  @Test
  void anExistingFileFairshareDidNotWriteIsRefusedBeforeSpark(@TempDir Path dir)
      throws IOException {
    Path mine = Files.writeString(dir.resolve("rates.csv"), "my numbers");
    assertThatThrownBy(() -> IndicatorsCommand.writeCsv(null, mine))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rates.csv");
    assertThat(Files.readString(mine)).isEqualTo("my numbers");
  }

  @Test
  void anExistingPartsFolderIsRefusedToo(@TempDir Path dir) throws IOException {
    Path parts = Files.createDirectories(dir.resolve("rates.csv.parts"));
    Files.writeString(parts.resolve("mine.txt"), "x");
    assertThatThrownBy(() -> IndicatorsCommand.writeCsv(null, dir.resolve("rates.csv")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rates.csv.parts");
    assertThat(parts.resolve("mine.txt")).exists();
  }
}
