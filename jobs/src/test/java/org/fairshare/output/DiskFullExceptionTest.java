package org.fairshare.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import org.apache.hadoop.fs.FSError;
import org.junit.jupiter.api.Test;

class DiskFullExceptionTest {
  private static final Path TABLE = Path.of("/warehouse/place_allocations");

  @Test
  void hadoopsErrorForAFullDiskBecomesAnExceptionNamingTheTable()
      throws ReflectiveOperationException {
    // As Hadoop's local file system reports a write that ran out of space: an Error, not an
    // Exception, that no handler of exceptions would see. Only Hadoop itself may make one.
    Constructor<FSError> make = FSError.class.getDeclaredConstructor(Throwable.class);
    make.setAccessible(true);
    FSError full = make.newInstance(new IOException("No space left on device"));
    assertThatThrownBy(
            () ->
                Warehouse.onDisk(
                    TABLE,
                    () -> {
                      throw full;
                    }))
        .isInstanceOf(DiskFullException.class)
        .hasMessageStartingWith("disk full: no space left on device writing " + TABLE)
        .hasCause(full);
  }

  @Test
  void aFullDiskDeepInSparksTaskFailureIsRecognised() {
    RuntimeException jobAborted =
        new RuntimeException(
            "Job aborted due to stage failure",
            new RuntimeException(
                "[TASK_WRITE_FAILED] Task failed while writing rows",
                new IOException("No space left on device")));
    assertThat(DiskFullException.isDiskFull(jobAborted)).isTrue();
    assertThatThrownBy(
            () ->
                Warehouse.onDisk(
                    TABLE,
                    () -> {
                      throw jobAborted;
                    }))
        .isInstanceOf(DiskFullException.class);
  }

  @Test
  void otherFailuresPassThroughUnchanged() {
    IllegalStateException other = new IllegalStateException("something else");
    assertThat(DiskFullException.isDiskFull(other)).isFalse();
    assertThatThrownBy(
            () ->
                Warehouse.onDisk(
                    TABLE,
                    () -> {
                      throw other;
                    }))
        .isSameAs(other);
  }
}
