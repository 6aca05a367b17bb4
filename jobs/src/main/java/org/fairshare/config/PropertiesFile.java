package org.fairshare.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Java properties text as {@link java.util.Properties#load(java.io.Reader)} does (logical
 * lines joined at an odd number of trailing backslashes, '#' and '!' comments, '=', ':' or
 * whitespace between key and value, backslash escapes), but keeps each entry's line, so a key given
 * twice can be refused rather than silently taking the last value.
 */
final class PropertiesFile {
  private PropertiesFile() {}

  /**
   * One key and value as written, with the (1-based) line its logical line starts on.
   *
   * @param value the value as {@link java.util.Properties} reads it
   * @param setting the value less trailing whitespace that was not escaped: what the loader keeps,
   *     so a stray trailing space is forgiven but {@code \t} (a tab delimiter) is kept
   */
  record Entry(String key, String value, String setting, int line) {}

  /**
   * Returns the entries of the text in order; throws a {@link ConfigException} naming the file, the
   * key and both lines when a key appears twice, or a line with a malformed escape.
   */
  static Map<String, Entry> parse(String text, String file) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Entry e : entries(text, file)) {
      // The loader trims keys, so "key " and "key" are the same key.
      Entry earlier = entries.putIfAbsent(e.key().trim(), e);
      if (earlier != null) {
        throw new ConfigException(
            "config file "
                + file
                + " sets "
                + e.key().trim()
                + " twice, on lines "
                + earlier.line()
                + " and "
                + e.line()
                + "; keep one");
      }
    }
    return entries;
  }

  /** Returns every entry of the text in order, duplicates included. */
  static List<Entry> entries(String text, String file) {
    List<Entry> out = new ArrayList<>();
    List<String> lines = naturalLines(text);
    int i = 0;
    while (i < lines.size()) {
      int start = i;
      String first = stripLeading(lines.get(i));
      i++;
      if (first.isEmpty() || first.charAt(0) == '#' || first.charAt(0) == '!') {
        continue;
      }
      StringBuilder logical = new StringBuilder();
      String part = first;
      while (endsInContinuation(part) && i < lines.size()) {
        logical.append(part, 0, part.length() - 1);
        part = stripLeading(lines.get(i));
        i++;
      }
      if (endsInContinuation(part)) {
        part = part.substring(0, part.length() - 1);
      }
      logical.append(part);
      out.add(entry(logical.toString(), start + 1, file));
    }
    return out;
  }

  private static Entry entry(String line, int lineNo, String file) {
    int keyEnd = 0;
    boolean escaped = false;
    while (keyEnd < line.length()) {
      char c = line.charAt(keyEnd);
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '=' || c == ':' || isBlank(c)) {
        break;
      }
      keyEnd++;
    }
    int valueStart = keyEnd;
    while (valueStart < line.length() && isBlank(line.charAt(valueStart))) {
      valueStart++;
    }
    if (valueStart < line.length()
        && (line.charAt(valueStart) == '=' || line.charAt(valueStart) == ':')) {
      valueStart++;
      while (valueStart < line.length() && isBlank(line.charAt(valueStart))) {
        valueStart++;
      }
    }
    String raw = line.substring(valueStart);
    int end = raw.length();
    while (end > 0 && isBlank(raw.charAt(end - 1)) && !escapedAt(raw, end - 1)) {
      end--;
    }
    return new Entry(
        unescape(line.substring(0, keyEnd), lineNo, file),
        unescape(raw, lineNo, file),
        unescape(raw.substring(0, end), lineNo, file),
        lineNo);
  }

  /** Returns whether the character at {@code i} follows an odd run of backslashes. */
  private static boolean escapedAt(String s, int i) {
    int slashes = 0;
    for (int k = i - 1; k >= 0 && s.charAt(k) == '\\'; k--) {
      slashes++;
    }
    return slashes % 2 == 1;
  }

  private static String unescape(String s, int lineNo, String file) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (i + 4 >= s.length()) {
            throw malformed(lineNo, file);
          }
          int code = 0;
          for (int k = i + 1; k <= i + 4; k++) {
            int digit = Character.digit(s.charAt(k), 16);
            if (digit < 0 || s.charAt(k) > 'f') {
              throw malformed(lineNo, file);
            }
            code = code * 16 + digit;
          }
          out.append((char) code);
          i += 4;
        }
        default -> out.append(n);
      }
    }
    return out.toString();
  }

  private static ConfigException malformed(int lineNo, String file) {
    return new ConfigException(
        "config file " + file + " line " + lineNo + " has a malformed \\uXXXX escape");
  }

  /** Splits at \n, \r and \r\n, as Properties does. */
  private static List<String> naturalLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  private static boolean endsInContinuation(String line) {
    int slashes = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      slashes++;
    }
    return slashes % 2 == 1;
  }

  private static String stripLeading(String line) {
    int i = 0;
    while (i < line.length() && isBlank(line.charAt(i))) {
      i++;
    }
    return line.substring(i);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\f';
  }
}
