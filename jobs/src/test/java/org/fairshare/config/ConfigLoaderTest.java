package org.fairshare.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @Test
  void overridesBeatTheFileWhichBeatsDefaults(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.properties");
    Files.writeString(file, "run.scenario=from_file\nrun.data_year=2023\n");
    FairshareConfig cfg = ConfigLoader.load(file, Map.of("run.scenario", "from_cli"));
    assertThat(cfg.scenario()).isEqualTo("from_cli");
    assertThat(cfg.dataYear()).isEqualTo(2023);
    assertThat(cfg.financialYear()).isEqualTo(ConfigKeys.FINANCIAL_YEAR.defaultValue());
  }

  @Test
  void badValueNamesKeyValueAndOrigin() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("run.data_year", "twenty")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("run.data_year")
        .hasMessageContaining("twenty")
        .hasMessageContaining("--set");
  }

  @Test
  void unknownKeyIsRejected() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("run.senario", "x")))
        .hasMessageContaining("unknown config key 'run.senario'");
  }

  @Test
  void columnMappingMustNameAContractColumn() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("inputs.population.columns.nope", "X")))
        .hasMessageContaining("unknown column 'nope'");
    FairshareConfig cfg =
        ConfigLoader.load(null, Map.of("inputs.population.columns.persons", "Total"));
    assertThat(cfg.input("population").sourceColumn("persons")).isEqualTo("Total");
  }

  @Test
  void aFilePatternThatIsNoGlobOrHasAFolderIsAConfigError() {
    for (String bad : new String[] {"*.{csv", "data/*.csv"}) {
      assertThatThrownBy(
              () -> ConfigLoader.load(null, Map.of("inputs.population.file_pattern", bad)))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("inputs.population.file_pattern")
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void hashIgnoresOrderButNotValues() {
    FairshareConfig a =
        ConfigLoader.load(null, Map.of("run.scenario", "a", "run.data_year", "2023"));
    FairshareConfig b =
        ConfigLoader.load(null, Map.of("run.data_year", "2023", "run.scenario", "a"));
    FairshareConfig c = ConfigLoader.load(null, Map.of("run.scenario", "c"));
    assertThat(a.hash()).isEqualTo(b.hash()).isNotEqualTo(c.hash());
  }

  @Test
  void defaultFileListsEveryKeyWithTheCodeDefault() throws IOException {
    Path repo = Path.of(System.getProperty("fairshare.repo.root", "."));
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(repo.resolve("conf/default.properties"))) {
      p.load(r);
    }
    Map<String, String> defaults = ConfigKeys.defaults();
    assertThat(p.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(defaults.keySet());
    defaults.forEach((k, v) -> assertThat(p.getProperty(k)).as(k).isEqualTo(v));
  }
}
