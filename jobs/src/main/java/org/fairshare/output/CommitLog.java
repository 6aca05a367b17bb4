package org.fairshare.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A Delta table's commits read straight from its log: one {@code _delta_log/<version>.json} file
 * per commit, whose {@code commitInfo} action carries the writer's user metadata and operation
 * metrics (Delta's protocol). Delta's own history API answers the same questions through a Spark
 * job each, two for every table a run writes.
 */
final class CommitLog {
  private static final Pattern COMMIT_FILE = Pattern.compile("^(\\d{20})\\.json$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileSystem fs;
  private final Path log;

  CommitLog(Configuration hadoopConf, String table) {
    this.log = new Path(table, "_delta_log");
    try {
      this.fs = log.getFileSystem(hadoopConf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the Delta log " + log, e);
    }
  }

  /** Returns the table's latest version: the highest-numbered commit file. */
  long latestVersion() {
    long latest = -1;
    try {
      for (FileStatus f : fs.listStatus(log)) {
        Matcher m = COMMIT_FILE.matcher(f.getPath().getName());
        if (m.matches()) {
          latest = Math.max(latest, Long.parseLong(m.group(1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the Delta log " + log, e);
    }
    if (latest < 0) {
      throw new IllegalStateException("no commits in the Delta log " + log);
    }
    return latest;
  }

  /**
   * Returns the rows written ({@code numOutputRows}) by the newest commit after {@code after} whose
   * user metadata is {@code userMetadata}, looking at no more than {@code limit} commits; empty
   * when there is none (Delta commits nothing for an empty write).
   */
  OptionalLong rowsWrittenAfter(long after, String userMetadata, int limit) {
    long latest = latestVersion();
    for (long v = latest; v > after && v > latest - limit; v--) {
      JsonNode info = commitInfo(v);
      if (info != null && userMetadata.equals(info.path("userMetadata").asText(null))) {
        return OptionalLong.of(info.path("operationMetrics").path("numOutputRows").asLong(0L));
      }
    }
    return OptionalLong.empty();
  }

  private JsonNode commitInfo(long version) {
    Path file = new Path(log, String.format("%020d.json", version));
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode action = JSON.readTree(line).get("commitInfo");
        if (action != null) {
          return action;
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Delta commit " + file, e);
    }
  }
}
