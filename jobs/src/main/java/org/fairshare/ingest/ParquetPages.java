package org.fairshare.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * Finds the Parquet file whose pages are damaged behind an intact footer, once a Spark job reading
 * an input has failed. Spark's vectorized reader decodes dictionary-encoded values only as a later
 * operator reads them, outside the scan that would name the file, so a page whose values point past
 * its dictionary fails the job with a bare index error. Each file is read here, value by value,
 * outside Spark, until one fails.
 */
final class ParquetPages {
  private ParquetPages() {}

  /**
   * Returns the input error naming the first of these files with a value that cannot be decoded, or
   * null when every file reads whole (the job failed for another reason).
   */
  static InputException firstDamaged(Configuration conf, List<Path> files) {
    for (Path file : files) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
      try (ParquetReader<Group> reader =
          ParquetReader.builder(new GroupReadSupport(), path).withConf(conf).build()) {
        while (reader.read() != null) {
          // Reading a record decodes every value of it; a damaged page fails here.
        }
      } catch (IOException | RuntimeException e) {
        return new InputException(
            file
                + " has a damaged data page: its footer is intact, but values in it cannot be"
                + " decoded ("
                + rootCause(e)
                + "); fetch or write it again");
      }
    }
    return null;
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
    return root.getClass().getSimpleName() + message;
  }
}
