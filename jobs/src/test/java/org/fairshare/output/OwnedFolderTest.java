package org.fairshare.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairshare.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnedFolderTest {

  @Test
  void anAbsentOrEmptyFolderIsFairsharesToFill(@TempDir Path dir) {
    assertThat(OwnedFolder.foreignEntry(dir)).isEmpty();
    assertThat(OwnedFolder.foreignEntry(dir.resolve("new"))).isEmpty();
  }

  @Test
  void aFileTheManifestDoesNotListIsRefusedAndNamed(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("mine.txt"), "x");
    assertThatThrownBy(() -> OwnedFolder.requireOwned(dir, "--out"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--out " + dir)
        .hasMessageContaining("mine.txt");
  }

  @Test
  void recordedFilesAreFairsharesButOnesAddedLaterAreNot(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("population"));
    Files.writeString(dir.resolve("population/part-0.parquet"), "x");
    OwnedFolder.record(dir);
    assertThat(OwnedFolder.foreignEntry(dir)).isEmpty();

    Files.writeString(dir.resolve("population/notes.txt"), "mine");
    assertThat(OwnedFolder.foreignEntry(dir)).hasValueSatisfying(s -> s.contains("notes.txt"));
  }

  @Test
  void aClaimedSubfolderStaysFairsharesWhenAWriteIsCutShort(@TempDir Path dir) throws IOException {
    OwnedFolder.claim(dir, List.of("population"));
    Files.createDirectories(dir.resolve("population"));
    Files.writeString(dir.resolve("population/part-7.parquet.crc"), "x");
    assertThat(OwnedFolder.foreignEntry(dir)).isEmpty();
    Files.writeString(dir.resolve("populations.txt"), "mine");
    assertThat(OwnedFolder.foreignEntry(dir)).isPresent();
  }

  @Test
  void aSymlinkedFolderIsNeverFairshares(@TempDir Path dir) throws IOException {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    assertThat(OwnedFolder.foreignEntry(link)).hasValueSatisfying(s -> s.contains("symlink"));
  }

  @Test
  void deleteRefusesAFolderWithFilesFairshareDidNotWrite(@TempDir Path dir) throws IOException {
    Path work = Files.createDirectories(dir.resolve("work"));
    Path mine = Files.writeString(work.resolve("mine.txt"), "x");
    assertThatThrownBy(() -> OwnedFolder.delete(work, "the bench's input folder"))
        .isInstanceOf(ConfigException.class);
    assertThat(mine).exists();

    Files.delete(mine);
    OwnedFolder.claim(work, List.of(OwnedFolder.WHOLE));
    Files.writeString(work.resolve("part-0.parquet"), "x");
    OwnedFolder.delete(work, "the bench's input folder");
    assertThat(work).doesNotExist();
  }

  @Test
  void namedFilesAreReplaceableOnlyWhenAbsentOrListed(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("report.html"), "my own report");
    Files.writeString(dir.resolve("other.txt"), "mine");
    assertThatThrownBy(
            () -> OwnedFolder.requireReplaceable(dir, List.of("report.html"), "publish --out"))
        .hasMessageContaining("would replace " + dir.resolve("report.html"));
    assertThatCode(() -> OwnedFolder.requireReplaceable(dir, List.of("NOTES.txt"), "x"))
        .doesNotThrowAnyException();

    OwnedFolder.add(dir, List.of("NOTES.txt"));
    Files.writeString(dir.resolve("NOTES.txt"), "written by fairshare");
    assertThatCode(() -> OwnedFolder.requireReplaceable(dir, List.of("NOTES.txt"), "x"))
        .doesNotThrowAnyException();
  }
}
