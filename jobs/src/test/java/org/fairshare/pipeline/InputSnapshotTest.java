package org.fairshare.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.fairshare.config.InputSpec;
import org.fairshare.ingest.InputFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSnapshotTest {
  @TempDir Path dir;

  private static InputSnapshot snapshotOf(Path path) {
    InputSpec spec = new InputSpec("spend", path, "csv", ',', "UTF-8", Map.of(), "");
    return InputSnapshot.of(List.of(InputFiles.of(spec)));
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void unchangedFilesShowNoChange() throws IOException {
    InputSnapshot snapshot = snapshotOf(file("spend.csv", "a,b\n1,2\n"));
    assertThat(snapshot.firstChange()).isEmpty();
  }

  @Test
  void aFileThatGrewIsNamedWithItsSizeThenAndNow() throws IOException {
    Path f = file("spend.csv", "a,b\n1,2\n");
    InputSnapshot snapshot = snapshotOf(f);
    Files.writeString(f, "3,4\n", StandardOpenOption.APPEND);
    assertThat(snapshot.firstChange())
        .hasValueSatisfying(
            m ->
                assertThat(m)
                    .startsWith(
                        "input changed while the run read it: " + f + " (size 8 -> 12 bytes)"));
  }

  @Test
  void aFileRewrittenToTheSameSizeIsCaughtByItsModificationTime() throws IOException {
    Path f = file("spend.csv", "a,b\n1,2\n");
    InputSnapshot snapshot = snapshotOf(f);
    Files.writeString(f, "a,b\n5,6\n");
    Files.setLastModifiedTime(
        f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 2_000));
    assertThat(snapshot.firstChange())
        .hasValueSatisfying(m -> assertThat(m).contains(f.toString()).contains("modified at"));
  }

  @Test
  void aDeletedFileIsNamed() throws IOException {
    Path f = file("spend.csv", "a,b\n1,2\n");
    InputSnapshot snapshot = snapshotOf(f);
    Files.delete(f);
    assertThat(snapshot.firstChange())
        .hasValueSatisfying(m -> assertThat(m).contains(f + " (deleted)"));
  }

  @Test
  void aPartFileDeletedFromAFolderOrAddedToItIsNamed() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("spend"));
    Path one = Files.writeString(folder.resolve("part-0.csv"), "a\n1\n");
    Files.writeString(folder.resolve("part-1.csv"), "a\n2\n");
    InputSnapshot snapshot = snapshotOf(folder);
    Path added = Files.writeString(folder.resolve("part-2.csv"), "a\n3\n");
    assertThat(snapshot.firstChange())
        .hasValueSatisfying(m -> assertThat(m).contains(added + " (a new file in " + folder));

    InputSnapshot again = snapshotOf(folder);
    Files.delete(one);
    assertThat(again.firstChange())
        .hasValueSatisfying(m -> assertThat(m).contains(one + " (deleted)"));
  }

  @Test
  void aFolderRemovedWholeNamesItsFirstFile() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("spend"));
    Path one = Files.writeString(folder.resolve("part-0.csv"), "a\n1\n");
    InputSnapshot snapshot = snapshotOf(folder);
    Files.delete(one);
    Files.delete(folder);
    assertThat(snapshot.firstChange())
        .hasValueSatisfying(m -> assertThat(m).contains(one + " (deleted)"));
  }
}
