package org.fairshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} reads as sentences at a terminal's 80 columns, never cut mid-sentence. */
class HelpTextTest {
  private static final int WIDTH = 80;

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

  /** Returns what {@code bin/fairshare ARGS} prints on stdout. */
  private static String stdout(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(Main.execute(args)).as(String.join(" ", args)).isEqualTo(ExitCodes.OK);
    } finally {
      System.setOut(stdout);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<String> words(String text) {
    return List.of(text.strip().split("\\s+"));
  }

  @Test
  void everyLineBreakFallsBetweenWordsWithinEightyColumns() {
    // The same help laid out with no width limit: wrapping may only turn spaces into line breaks.
    CommandLine unwrapped = new CommandLine(new Main()).setUsageHelpWidth(4000);
    Map<String, String> wide = new LinkedHashMap<>();
    wide.put("", unwrapped.getUsageMessage(CommandLine.Help.Ansi.OFF));
    unwrapped
        .getSubcommands()
        .forEach((name, sub) -> wide.put(name, sub.getUsageMessage(CommandLine.Help.Ansi.OFF)));

    wide.forEach(
        (name, text) -> {
          String shown = name.isEmpty() ? stdout("--help") : stdout(name, "--help");
          assertThat(words(shown)).as(name).containsExactlyElementsOf(words(text));
          assertThat(shown.lines())
              .as(name)
              .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(WIDTH));
        });
  }

  @Test
  void aColouredHelpWrapsAsThePlainOne() {
    CommandLine cli = HelpLayout.install(new CommandLine(new Main()));
    cli.getSubcommands()
        .forEach(
            (name, sub) ->
                assertThat(
                        sub.getUsageMessage(CommandLine.Help.Ansi.ON)
                            .replaceAll("\u001B\\[[0-9;]*m", ""))
                    .as(name)
                    .isEqualTo(sub.getUsageMessage(CommandLine.Help.Ansi.OFF)));
  }
}
