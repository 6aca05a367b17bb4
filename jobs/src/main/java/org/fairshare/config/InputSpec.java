package org.fairshare.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where and how to read one input dataset.
 *
 * @param columnMapping contract column to the publisher's header, for the columns that differ
 * @param filePattern glob of the file names read from a folder; blank for the format's own
 */
public record InputSpec(
    String dataset,
    Path path,
    String format,
    char delimiter,
    String encoding,
    Map<String, String> columnMapping,
    String filePattern) {

  /** The files a folder of CSV is read from; tab-delimited folders may name theirs .tsv. */
  public static final String CSV_FILES = "*.{csv,csv.gz}";

  public static final String TSV_FILES = "*.{csv,csv.gz,tsv,tsv.gz}";

  /** Spark names its part files part-*.snappy.parquet, part-*.zstd.parquet and so on. */
  public static final String PARQUET_FILES = "*.parquet";

  /** Returns a CSV input's spec with the format's own file pattern. */
  public static InputSpec csv(
      String dataset,
      Path path,
      char delimiter,
      String encoding,
      Map<String, String> columnMapping) {
    return new InputSpec(dataset, path, "csv", delimiter, encoding, columnMapping, "");
  }

  public boolean isCsv() {
    return format.equals("csv");
  }

  /** Returns the glob that a file in the input's folder must match to be read. */
  public String fileGlob() {
    if (!filePattern.isBlank()) {
      return filePattern;
    }
    if (!isCsv()) {
      return PARQUET_FILES;
    }
    return delimiter == '\t' ? TSV_FILES : CSV_FILES;
  }

  /** Returns the header the source uses for a contract column. */
  public String sourceColumn(String contractColumn) {
    return columnMapping.getOrDefault(contractColumn, contractColumn);
  }
}
