package org.fairshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
}
