package org.fairshare.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text wrapped at 80 columns between words only. picocli wraps where java.text.BreakIterator
 * allows a line break, which is also after a dot or a slash inside a word, so file names and keys
 * ({@code indicator_changes.csv}, {@code conf/default.properties}) were cut in two at a line's end.
 * picocli here lays each section out on lines as wide as they come, and this class wraps them at
 * spaces, continuing a line as picocli does: a paragraph at its own indent, a table row two columns
 * right of where its description starts, the synopsis after the command's name.
 */
final class HelpLayout {
  private HelpLayout() {}

  /** Widest line printed, the width picocli uses by default. */
  static final int WIDTH = 80;

  /** Wide enough that picocli breaks no line of ours. */
  private static final int UNWRAPPED = 4000;

  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

  /** The sections laid out as a table: names or options on the left, descriptions on the right. */
  private static final List<String> TABLES =
      List.of(
          UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
          UsageMessageSpec.SECTION_KEY_OPTION_LIST,
          UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
          UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST,
          UsageMessageSpec.SECTION_KEY_AT_FILE_PARAMETER,
          UsageMessageSpec.SECTION_KEY_END_OF_OPTIONS);

  /** Makes the command and its subcommands wrap their help between words. */
  static CommandLine install(CommandLine cli) {
    cli.setUsageHelpWidth(UNWRAPPED);
    Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>();
    cli.getHelpSectionMap()
        .forEach(
            (key, renderer) -> sections.put(key, help -> wrap(key, renderer.render(help), help)));
    return cli.setHelpSectionMap(sections);
  }

  private static String wrap(String key, String section, CommandLine.Help help) {
    if (key.equals(UsageMessageSpec.SECTION_KEY_SYNOPSIS)) {
      int heading = help.synopsisHeadingLength();
      int hang = heading + help.commandSpec().qualifiedName().length() + 1;
      return wrapLines(section, heading, hang, false);
    }
    return wrapLines(section, 0, -1, TABLES.contains(key));
  }

  /**
   * Returns the text with each line longer than {@link #WIDTH} broken at spaces.
   *
   * @param offset columns already printed before the text's first line
   * @param hang indent of continued lines; -1 to take it from each line
   * @param table whether a line is a table row, whose left column is never broken
   */
  static String wrapLines(String text, int offset, int hang, boolean table) {
    List<String> out = new ArrayList<>();
    int first = offset;
    // -1 keeps the empty string after a last line break, so joining restores that break.
    for (String line : text.split("\\R", -1)) {
      // The layout is read in columns on screen: names and even padding may carry colour codes.
      String plain = ANSI.matcher(line).replaceAll("");
      int column = table ? descriptionStart(plain) : indent(plain);
      int continued = hang >= 0 ? hang : table ? column + 2 : column;
      out.addAll(wrapLine(line, first, rawIndex(line, column), continued));
      first = 0;
    }
    return String.join(System.lineSeparator(), out);
  }

  private static List<String> wrapLine(String line, int offset, int start, int hang) {
    int room = WIDTH - offset;
    if (visible(line) <= room) {
      // Untouched: a heading such as "Usage: " keeps the space its next section follows.
      return List.of(line);
    }
    List<String> parts = new ArrayList<>();
    String rest = line.stripTrailing();
    int from = start;
    while (visible(rest) > room) {
      int cut = lastSpaceWithin(rest, from, room);
      if (cut < 0) {
        // One word wider than the line: let it run over rather than cut it.
        cut = rest.indexOf(' ', Math.max(from, 0) + 1);
      }
      if (cut < 0) {
        break;
      }
      parts.add(rest.substring(0, cut).stripTrailing());
      rest = " ".repeat(hang) + rest.substring(cut).stripLeading();
      room = WIDTH;
      from = hang;
    }
    parts.add(rest);
    return parts;
  }

  /** Returns the index of the last space after {@code from} before which the text fits. */
  private static int lastSpaceWithin(String s, int from, int room) {
    for (int i = s.length() - 1; i > from; i--) {
      if (s.charAt(i) == ' ' && s.charAt(i - 1) != ' ' && visible(s.substring(0, i)) <= room) {
        return i;
      }
    }
    return -1;
  }

  /** Returns where a table row's description starts: after the first gap of two spaces or more. */
  private static int descriptionStart(String line) {
    int label = indent(line);
    int gap = line.indexOf("  ", label);
    if (gap < 0) {
      return label;
    }
    int start = gap;
    while (start < line.length() && line.charAt(start) == ' ') {
      start++;
    }
    return start;
  }

  /** Returns the index in the line of the character shown at this column, colour codes skipped. */
  private static int rawIndex(String line, int column) {
    Matcher code = ANSI.matcher(line);
    int shown = 0;
    int i = 0;
    while (i < line.length()) {
      if (code.find(i) && code.start() == i) {
        i = code.end();
      } else if (shown == column) {
        return i;
      } else {
        shown++;
        i++;
      }
    }
    return i;
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static int visible(String s) {
    return ANSI.matcher(s).replaceAll("").length();
  }
}
