package org.fairshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A configuration key given twice on the command line is refused naming the key and both values, as
 * a key set twice in a properties file is; the last no longer silently wins. Refused before Spark
 * starts, so no Spark here.
 */
class DuplicateSetTest {
  private record Result(int exit, List<String> errLines) {}

  /**
   * Runs validate with these arguments over inputs that are not there and may not be generated: a
   * command line that is accepted stops at once on the missing input (exit 2, saying so) rather
   * than running a validation.
   */
  private static Result validate(String... args) {
    List<String> all = new ArrayList<>(List.of("validate", "--set", "generate.if_missing=false"));
    all.addAll(List.of(args));
    if (!all.contains("--data-dir")) {
      all.addAll(List.of("--data-dir", "/nowhere/inputs"));
    }
    return run(all.toArray(String[]::new));
  }

  private static Result run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    int exit;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = Main.execute(args);
    } finally {
      System.setErr(stderr);
    }
    return new Result(
        exit, err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList());
  }

  @Test
  void aKeySetTwiceIsRefusedInOneLineNamingTheKeyAndBothValues() {
    Result r =
        validate(
            "--set",
            "run.scenario=central",
            "--set",
            "validation.sample_size=5",
            "--set",
            "run.scenario=high");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0))
        .startsWith("fairshare: ")
        .contains("--set", "run.scenario", "'central'", "'high'");
  }

  @Test
  void theSameValueTwiceIsRefusedToo() {
    Result r = validate("--set", "run.scenario=central", "--set", "run.scenario=central");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).singleElement().asString().contains("run.scenario");
  }

  @Test
  void keysAreComparedAsTheLoaderReadsThemSoSpacesAroundAKeyDoNotHideADuplicate() {
    Result r = validate("--set", "run.scenario=central", "--set", " run.scenario =high");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines()).singleElement().asString().contains("'central'", "'high'");
  }

  @Test
  void anOptionAndASetOfTheSameKeyAreRefused() {
    Result r = validate("--data-dir", "/nowhere/a", "--set", "data.dir=/nowhere/b");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.errLines())
        .singleElement()
        .asString()
        .contains("data.dir", "--data-dir", "/nowhere/a", "/nowhere/b");
  }
}
