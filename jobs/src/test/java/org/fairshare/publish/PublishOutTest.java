package org.fairshare.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairshare.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A publication never replaces a file of the same name that fairshare did not write. */
class PublishOutTest {

  @Test
  void publicationRefusesToReplaceTheUsersFileBeforeReadingAnything(@TempDir Path dir)
      throws IOException {
    Path mine = Files.writeString(dir.resolve(Publication.REPORT), "my own report");
    // No session, warehouse or run: the refusal must come before any of them is touched.
    assertThatThrownBy(() -> Publication.write(null, null, null, dir, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(Publication.REPORT);
    assertThat(Files.readString(mine)).isEqualTo("my own report");
  }
}
