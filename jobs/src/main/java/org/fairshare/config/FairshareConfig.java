package org.fairshare.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The effective configuration of one command: defaults, file and overrides merged and checked. */
public final class FairshareConfig {
  private final Map<String, String> values;

  FairshareConfig(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** Returns a configuration of the defaults with these overrides; for tests and embedding. */
  public static FairshareConfig of(Map<String, String> overrides) {
    return ConfigLoader.load(null, overrides);
  }

  public Map<String, String> asMap() {
    return values;
  }

  public String get(ConfigKey key) {
    return values.get(key.name());
  }

  public String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  public int getInt(ConfigKey key) {
    return Integer.parseInt(get(key).trim());
  }

  public long getLong(ConfigKey key) {
    return Long.parseLong(get(key).trim());
  }

  public double getDouble(ConfigKey key) {
    return Double.parseDouble(get(key).trim());
  }

  public boolean getBoolean(ConfigKey key) {
    return Boolean.parseBoolean(get(key).trim());
  }

  public String scenario() {
    return get(ConfigKeys.SCENARIO);
  }

  public String financialYear() {
    return get(ConfigKeys.FINANCIAL_YEAR);
  }

  /** Returns the financial year before the run's, e.g. 2024-25 for 2025-26: the baselines' year. */
  public String previousFinancialYear() {
    int start = Integer.parseInt(financialYear().substring(0, 4)) - 1;
    return String.format("%04d-%02d", start, (start + 1) % 100);
  }

  public int dataYear() {
    return getInt(ConfigKeys.DATA_YEAR);
  }

  public Path dataDir() {
    return Path.of(get(ConfigKeys.DATA_DIR)).toAbsolutePath().normalize();
  }

  public Path warehouse() {
    return Path.of(get(ConfigKeys.WAREHOUSE)).toAbsolutePath().normalize();
  }

  /**
   * Returns whether the named input is provided: its path is configured and not blank. Published
   * real-data inputs are not configured by default; a blank path switches any input off.
   */
  public boolean isProvided(String dataset) {
    String path = values.get("inputs." + dataset + ".path");
    return path != null && !path.isBlank();
  }

  /** Returns the adapter that reads the named input from a published layout, or "" for none. */
  public String adapter(String dataset) {
    return values.getOrDefault("inputs." + dataset + ".adapter", "").trim();
  }

  /** Returns an adapter option ({@code inputs.<dataset>.adapter.<option>}), or null. */
  public String adapterOption(String dataset, String option) {
    return values.get("inputs." + dataset + ".adapter." + option);
  }

  /**
   * Returns the path a config key names, resolved against {@code data.dir}; throws a {@link
   * ConfigException} naming the key and path when it lies outside data.dir (after {@code ..},
   * absolute paths and symlinks) and {@code paths.allow_outside_roots} is false.
   */
  public Path dataPath(String key, String raw) {
    Path root = dataDir();
    Path path = root.resolve(raw).normalize();
    if (!getBoolean(ConfigKeys.ALLOW_OUTSIDE_ROOTS) && !real(path).startsWith(real(root))) {
      throw new ConfigException(
          "config key "
              + key
              + "="
              + raw
              + " resolves to "
              + real(path)
              + ", outside data.dir "
              + real(root)
              + "; move it under data.dir or set "
              + ConfigKeys.ALLOW_OUTSIDE_ROOTS.name()
              + "=true");
    }
    return path;
  }

  /** Returns the path with symlinks resolved where it exists, else as given. */
  private static Path real(Path p) {
    try {
      return Files.exists(p) ? p.toRealPath() : p;
    } catch (IOException e) {
      return p;
    }
  }

  /** Returns how to read the named input; relative paths are resolved against {@code data.dir}. */
  public InputSpec input(String dataset) {
    String prefix = "inputs." + dataset + ".";
    String rawPath = values.get(prefix + "path");
    if (rawPath == null) {
      throw new ConfigException(
          "no path configured for input " + dataset + " (" + prefix + "path)");
    }
    Map<String, String> mapping = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix + "columns.")) {
            mapping.put(k.substring((prefix + "columns.").length()), v);
          }
        });
    String delimiter = values.getOrDefault(prefix + "delimiter", ",");
    return new InputSpec(
        dataset,
        dataPath(prefix + "path", rawPath),
        values.getOrDefault(prefix + "format", "parquet"),
        delimiter.equals("\\t") ? '\t' : delimiter.charAt(0),
        values.getOrDefault(prefix + "encoding", "UTF-8"),
        Map.copyOf(mapping),
        values.getOrDefault(prefix + "file_pattern", ""));
  }

  /** Returns every {@code spark.*} setting other than those fairshare interprets itself. */
  public Map<String, String> sparkSettings() {
    Map<String, String> s = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith("spark.")
              && !k.equals(ConfigKeys.SPARK_MASTER.name())
              && !k.equals(ConfigKeys.SHUFFLE_PARTITIONS.name())) {
            s.put(k, v);
          }
        });
    return s;
  }

  /** Returns a SHA-256 of the effective configuration, stable across key order. */
  public String hash() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      values.forEach((k, v) -> md.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the configuration as properties text, sorted by key, for the run log. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    values.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    return sb.toString();
  }

  /** Returns a copy with these values set (and checked). */
  public FairshareConfig with(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(values);
    overrides.forEach(
        (k, v) -> {
          ConfigKeys.check(k, v);
          merged.put(k, v);
        });
    return new FairshareConfig(merged);
  }
}
