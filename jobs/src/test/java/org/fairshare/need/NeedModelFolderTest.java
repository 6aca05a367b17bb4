package org.fairshare.need;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairshare.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving a need model replaces its folder only when fairshare saved what is there. */
class NeedModelFolderTest {

  @Test
  void aFolderOfTheUsersFilesIsRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("mine.txt"), "x");
    assertThatThrownBy(() -> NeedModelStage.requireReplaceable(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mine.txt");
  }

  @Test
  void aModelAnEarlierRunSavedIsReplaceable(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("metadata"));
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(
        dir.resolve("metadata/part-00000"),
        "{\"class\":\"org.apache.spark.ml.regression.GeneralizedLinearRegressionModel\"}");
    Files.writeString(dir.resolve("data/part-00000.parquet"), "x");
    assertThatCode(() -> NeedModelStage.requireReplaceable(dir)).doesNotThrowAnyException();

    Files.writeString(dir.resolve("data/notes.txt"), "mine");
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> NeedModelStage.requireReplaceable(dir))
        .isInstanceOf(ConfigException.class);
  }
}
