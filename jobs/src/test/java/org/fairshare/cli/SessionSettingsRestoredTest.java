package org.fairshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command run in a JVM whose session already exists (a notebook, a test) hands back that session
 * with its settings as they were: a command's {@code --set spark.*} keys apply to the command.
 */
class SessionSettingsRestoredTest extends SparkTestBase {

  @Test
  void aCommandsSparkSettingsAreUndoneWhenItEnds(@TempDir Path dir) {
    String partitions = spark.conf().get("spark.sql.shuffle.partitions");
    String maxRecords = spark.conf().get("spark.sql.files.maxRecordsPerFile");
    assertThat(spark.conf().getOption("spark.fairshare.test.marker").isDefined()).isFalse();

    Main.execute(
        "tables",
        "--warehouse",
        dir.resolve("warehouse").toString(),
        "--set",
        "spark.sql.shuffle.partitions=7",
        "--set",
        "spark.sql.files.maxRecordsPerFile=123",
        "--set",
        "spark.fairshare.test.marker=set");

    assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo(partitions);
    assertThat(spark.conf().get("spark.sql.files.maxRecordsPerFile")).isEqualTo(maxRecords);
    assertThat(spark.conf().getOption("spark.fairshare.test.marker").isDefined()).isFalse();
  }
}
