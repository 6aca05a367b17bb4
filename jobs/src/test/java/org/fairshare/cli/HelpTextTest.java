package org.fairshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} reads as sentences at a terminal's 80 columns, never cut mid-sentence. */
class HelpTextTest {
  private static final Pattern ENTRY = Pattern.compile("^  (\\S+)\\s+(.*)$");

  /** Returns each subcommand's entry in the top-level help, its wrapped lines joined. */
  private static Map<String, String> commandList(String usage) {
    Map<String, String> entries = new LinkedHashMap<>();
    String section = usage.substring(usage.indexOf("Commands:") + "Commands:".length());
    String current = null;
    for (String line : section.split("\n")) {
      Matcher m = ENTRY.matcher(line);
      if (m.matches()) {
        current = m.group(1);
        entries.put(current, m.group(2).strip());
      } else if (current != null && line.startsWith("    ") && !line.isBlank()) {
        entries.merge(current, line.strip(), (a, b) -> a + " " + b);
      } else {
        current = null;
      }
    }
    return entries;
  }

  @Test
  void everyCommandInTheListIsAWholeSentence() {
    CommandLine cli = new CommandLine(new Main());
    Map<String, String> entries = commandList(cli.getUsageMessage());

    assertThat(entries.keySet()).containsAll(cli.getSubcommands().keySet());
    assertThat(entries).allSatisfy((name, text) -> assertThat(text).as(name).endsWith("."));
  }

  @Test
  void everyDescriptionParagraphEndsAsASentence() {
    CommandLine cli = new CommandLine(new Main());
    cli.getSubcommands()
        .forEach(
            (name, sub) -> {
              for (String paragraph : sub.getCommandSpec().usageMessage().description()) {
                // picocli's own help command ends its text with a format newline.
                assertThat(paragraph.replaceAll("(%n|\\s)+$", ""))
                    .as(name)
                    .matches("(?s).*[.:\")]$");
              }
            });
  }
}
