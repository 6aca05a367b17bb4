package org.fairshare.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The configuration grammar against the corpus in {@code hostile-config/cases.csv}: each case is a
 * properties text (inline, or {@code @file} beside the corpus) that is refused with a message
 * naming the problem, or loads. For an accepted case the message column, when given, is a {@code
 * key=value} the loaded configuration must hold.
 */
class HostileConfigTest {

  /** One line of cases.csv; the message is the rest of the line, so it may hold commas. */
  record Case(String name, String properties, String expected, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() throws IOException, URISyntaxException {
    List<String> lines = Files.readAllLines(corpus().resolve("cases.csv"), StandardCharsets.UTF_8);
    return lines.stream()
        .skip(1)
        .filter(l -> !l.isBlank())
        .map(
            l -> {
              String[] f = l.split(",", 4);
              return new Case(f[0], f[1], f[2], f.length > 3 ? f[3] : "");
            })
        .toList();
  }

  private static Path corpus() throws URISyntaxException {
    return Path.of(HostileConfigTest.class.getResource("/hostile-config/cases.csv").toURI())
        .getParent();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseIsRefusedWithItsMessageOrLoads(Case c, @TempDir Path dir) throws Exception {
    Path file;
    if (c.properties().startsWith("@")) {
      file = corpus().resolve(c.properties().substring(1));
    } else {
      file = Files.writeString(dir.resolve(c.name() + ".properties"), c.properties() + "\n");
    }
    if (c.expected().equals("refused")) {
      assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(c.message())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\0"));
      return;
    }
    assertThat(c.expected()).isEqualTo("ok");
    FairshareConfig cfg = ConfigLoader.load(file, Map.of());
    if (!c.message().isBlank()) {
      String key = c.message().substring(0, c.message().indexOf('='));
      assertThat(cfg.get(key, null)).isEqualTo(c.message().substring(key.length() + 1));
    }
  }
}
