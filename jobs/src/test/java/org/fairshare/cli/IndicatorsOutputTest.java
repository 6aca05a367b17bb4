package org.fairshare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.config.ConfigException;
import org.fairshare.output.OwnedFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * indicators --output writes the one file it was asked for and nothing beside it, and never
 * replaces a file it cannot show it wrote.
 */
class IndicatorsOutputTest extends SparkTestBase {
  private static final StructType RESULT =
      new StructType().add("area_code", DataTypes.StringType).add("value", DataTypes.DoubleType);

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesTheOneFileAskedForAndNothingElseInTheUsersFolder(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Dataset<Row> result = rows(RESULT, new Object[] {"E1", 1.5}, new Object[] {"E2", 2.0});
    Path out = dir.resolve("rates.csv");
    IndicatorsCommand.writeCsv(result, out);
    assertThat(names(dir)).containsExactly("notes.txt", "rates.csv");
    assertThat(Files.readAllLines(out)).containsExactly("area_code,value", "E1,1.5", "E2,2.0");
  }

  @Test
  void aFolderThatDoesNotExistYetIsMadeForTheFile(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("results/2025/rates.csv");
    IndicatorsCommand.writeCsv(rows(RESULT, new Object[] {"E1", 1.5}), out);
    assertThat(names(out.getParent())).containsExactly("rates.csv");
  }

  @Test
  void anExistingFileIsRefusedEvenOneAnEarlierRunWroteSinceNoManifestSaysSo(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("rates.csv");
    IndicatorsCommand.writeCsv(rows(RESULT, new Object[] {"E1", 1.5}), out);
    String first = Files.readString(out);
    assertThatThrownBy(
            () -> IndicatorsCommand.writeCsv(rows(RESULT, new Object[] {"E9", 9.0}), out))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(out.toString());
    assertThat(Files.readString(out)).isEqualTo(first);
    assertThat(names(dir)).containsExactly("rates.csv");
  }

  @Test
  void aFileTheFoldersManifestListsAsFairsharesIsReplacedAndTheManifestKept(@TempDir Path dir)
      throws IOException {
    // A folder fairshare owns (a publication, say) keeps its manifest.
    Path out = Files.writeString(dir.resolve("rates.csv"), "old");
    OwnedFolder.add(dir, List.of("rates.csv"));
    String manifest = Files.readString(dir.resolve(OwnedFolder.MANIFEST));
    IndicatorsCommand.writeCsv(rows(RESULT, new Object[] {"E1", 1.5}), out);
    assertThat(Files.readAllLines(out)).containsExactly("area_code,value", "E1,1.5");
    assertThat(names(dir)).containsExactly(OwnedFolder.MANIFEST, "rates.csv");
    assertThat(Files.readString(dir.resolve(OwnedFolder.MANIFEST))).isEqualTo(manifest);
  }

  @Test
  void anExistingFileFairshareDidNotWriteIsRefusedBeforeSpark(@TempDir Path dir)
      throws IOException {
    Path mine = Files.writeString(dir.resolve("rates.csv"), "my numbers");
    assertThatThrownBy(() -> IndicatorsCommand.writeCsv(null, mine))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rates.csv");
    assertThat(Files.readString(mine)).isEqualTo("my numbers");
  }

  @Test
  void aFailedWriteLeavesNothingBehind(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    // A cast that fails inside the write's task, as a bad value in a user's table would.
    Dataset<Row> failing =
        rows(RESULT, new Object[] {"E1", 1.5})
            .selectExpr("area_code", "assert_true(value < 0, 'negative expected') as value");
    assertThatThrownBy(() -> IndicatorsCommand.writeCsv(failing, dir.resolve("rates.csv")))
        .isNotNull();
    assertThat(names(dir)).containsExactly("notes.txt");
  }
}
