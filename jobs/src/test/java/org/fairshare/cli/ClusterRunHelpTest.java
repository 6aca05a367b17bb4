package org.fairshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code bin/cluster-run --help} prints its usage and does nothing else. */
class ClusterRunHelpTest {
  private static final Path SCRIPT =
      Path.of(System.getProperty("fairshare.repo.root", ".."), "bin", "cluster-run");

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "run --help", "run --data-dir x --help"})
  void helpPrintsUsageWithoutBuildingOrStartingACluster(String args, @TempDir Path tmp)
      throws IOException, InterruptedException {
    List<String> command =
        Stream.concat(Stream.of("bash", SCRIPT.toString()), Stream.of(args.split(" "))).toList();
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("TMPDIR", tmp.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("Usage: bin/cluster-run")
        .doesNotContain("building", "cluster stopped");
    try (Stream<Path> made = Files.list(tmp)) {
      assertThat(made).as("folders made in TMPDIR").isEmpty();
    }
  }
}
