package org.fairshare.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input paths stay under data.dir unless paths.allow_outside_roots says otherwise. */
class PathConfinementTest {

  private static FairshareConfig config(Path data, String path, boolean allow) {
    Map<String, String> cfg = new HashMap<>();
    cfg.put("data.dir", data.toString());
    cfg.put("inputs.population.path", path);
    cfg.put("paths.allow_outside_roots", String.valueOf(allow));
    return FairshareConfig.of(cfg);
  }

  @Test
  void aPathUnderTheDataFolderIsAccepted(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    assertThat(config(data, "sub/../population.csv", false).input("population").path())
        .isEqualTo(data.toAbsolutePath().normalize().resolve("population.csv"));
  }

  @Test
  void dotDotOutOfTheDataFolderIsAConfigErrorNamingKeyAndPath(@TempDir Path dir)
      throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    assertThatThrownBy(() -> config(data, "../secret.csv", false).input("population"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("inputs.population.path=../secret.csv")
        .hasMessageContaining(dir.toRealPath().resolve("secret.csv").toString())
        .hasMessageContaining("paths.allow_outside_roots=true");
  }

  @Test
  void anAbsolutePathElsewhereIsAConfigError(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    assertThatThrownBy(() -> config(data, "/etc/passwd", false).input("population"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("outside data.dir");
  }

  @Test
  void aSymlinkInsideTheDataFolderPointingOutIsAConfigError(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path outside = Files.writeString(dir.resolve("outside.csv"), "area_code\n");
    Files.createSymbolicLink(data.resolve("population.csv"), outside);
    assertThatThrownBy(() -> config(data, "population.csv", false).input("population"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(outside.toRealPath().toString());
  }

  @Test
  void allowingOutsideRootsLetsAnOutsidePathThrough(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    assertThat(config(data, "../elsewhere/population.csv", true).input("population").path())
        .isEqualTo(dir.toAbsolutePath().normalize().resolve("elsewhere/population.csv"));
  }

  @Test
  void theCustomPlaceMappingIsConfinedToo(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    FairshareConfig cfg = config(data, "population.csv", false);
    assertThatThrownBy(() -> cfg.dataPath(ConfigKeys.PLACE_MAPPING_PATH.name(), "../map.csv"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("allocation.place_mapping_path=../map.csv");
  }
}
