package org.fairshare.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads the configuration: defaults, then the file, then command-line overrides. */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** The file used when no {@code --conf} is given, if it exists in the working directory. */
  public static final Path DEFAULT_FILE = Path.of("conf", "default.properties");

  /**
   * Returns the effective configuration.
   *
   * @param file a Java properties file, or null for defaults only
   * @param overrides {@code --set} values, highest precedence
   */
  public static FairshareConfig load(Path file, Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(ConfigKeys.defaults());
    if (file != null) {
      readFile(file).forEach((k, v) -> put(merged, k, v, file.toString()));
    }
    overrides.forEach((k, v) -> put(merged, k, v, "--set"));
    return new FairshareConfig(merged);
  }

  private static void put(Map<String, String> merged, String key, String value, String origin) {
    try {
      ConfigKeys.check(key, value);
    } catch (ConfigException e) {
      throw new ConfigException(e.getMessage() + " [from " + origin + "]");
    }
    merged.put(key, value);
  }

  private static Map<String, String> readFile(Path file) {
    if (Files.isDirectory(file)) {
      throw new ConfigException(
          "config file "
              + file
              + " is a folder; --conf takes a Java properties FILE, e.g. conf/default.properties");
    }
    if (!Files.exists(file)) {
      throw new ConfigException(
          "config file " + file + " does not exist; pass an existing file with --conf");
    }
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "config file " + file + " is not a regular file; --conf takes a Java properties FILE");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(
          "config file "
              + file
              + " cannot be read ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); check its permissions and that it is UTF-8 text");
    }
    Map<String, String> m = new LinkedHashMap<>();
    PropertiesFile.parse(text, file.toString())
        .forEach((key, entry) -> m.put(key, entry.setting()));
    return m;
  }

  /** Parses a {@code key=value} override; throws naming the argument when it has no '='. */
  public static Map.Entry<String, String> parseOverride(String arg) {
    int eq = arg.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException("--set takes key=value, got '" + arg + "'");
    }
    return Map.entry(arg.substring(0, eq).trim(), arg.substring(eq + 1).trim());
  }
}
