package org.fairshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(Main.execute("run", "--no-such-option")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void badConfigValueIsAUsageError() {
    assertThat(Main.execute("run", "--set", "run.data_year=soon")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void unknownConfigKeyIsAUsageError() {
    assertThat(Main.execute("validate", "--set", "no.such.key=1")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void everySubcommandHasHelp() {
    for (String cmd : new String[] {"generate", "validate", "run", "tables", "sql", "history"}) {
      assertThat(Main.execute(cmd, "--help")).as(cmd).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void aRowLimitBelowOneIsAUsageErrorNamingTheOptionBeforeAnyWork() {
    for (String[] args :
        List.of(
            new String[] {"sql", "--limit", "-5", "select 1"},
            new String[] {"history", "--limit", "0", "run_log"},
            new String[] {"diff", "--limit", "-1", "--from", "a", "--to", "b"})) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream stderr = System.err;
      int exit;
      try {
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        exit = Main.execute(args);
      } finally {
        System.setErr(stderr);
      }
      assertThat(exit).as(args[0]).isEqualTo(ExitCodes.USAGE);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .as(args[0])
          .startsWith("fairshare: --limit takes a whole number, 1 or more; got " + args[2]);
    }
  }
}
