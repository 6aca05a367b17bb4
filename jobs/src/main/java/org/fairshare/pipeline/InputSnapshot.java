package org.fairshare.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fairshare.config.ConfigException;
import org.fairshare.config.InputSpec;
import org.fairshare.ingest.InputFiles;

/**
 * The files of a run's inputs with their sizes and modification times, taken as the run starts:
 * run_log records the inputs' checksums then, so a file that changes, vanishes or appears while the
 * run reads it would leave tables made from inputs other than those recorded.
 */
final class InputSnapshot {
  private record FileState(long size, FileTime modified) {}

  private final Map<InputSpec, Map<Path, FileState>> inputs;

  private InputSnapshot(Map<InputSpec, Map<Path, FileState>> inputs) {
    this.inputs = inputs;
  }

  /** Returns the state of every file of these inputs now. */
  static InputSnapshot of(List<InputFiles> inputs) {
    Map<InputSpec, Map<Path, FileState>> states = new LinkedHashMap<>();
    for (InputFiles input : inputs) {
      Map<Path, FileState> files = new LinkedHashMap<>();
      for (Path f : input.files()) {
        files.put(f, stateOf(f).orElse(null));
      }
      states.put(input.spec(), files);
    }
    return new InputSnapshot(states);
  }

  /**
   * Returns what changed since the snapshot, as "input changed while the run read it: FILE (what)",
   * for the first file that changed, vanished or appeared; empty when none did.
   */
  Optional<String> firstChange() {
    for (var input : inputs.entrySet()) {
      Map<Path, FileState> then = input.getValue();
      List<Path> now = new ArrayList<>();
      try {
        now.addAll(InputFiles.of(input.getKey()).files());
      } catch (ConfigException e) {
        // The input itself is gone: each of its files is reported as deleted below.
      }
      for (var file : then.entrySet()) {
        Optional<String> change = change(file.getValue(), stateOf(file.getKey()));
        if (change.isPresent()) {
          return Optional.of(message(file.getKey(), change.get()));
        }
      }
      for (Path f : now) {
        if (!then.containsKey(f)) {
          return Optional.of(message(f, "a new file in " + input.getKey().path()));
        }
      }
    }
    return Optional.empty();
  }

  /** Throws an {@link InputChangedException} when an input changed since the snapshot. */
  void verifyUnchanged() {
    Optional<String> change = firstChange();
    if (change.isPresent()) {
      throw new InputChangedException(change.get(), null);
    }
  }

  /**
   * Returns the change behind a run's failure: an input that changed meanwhile is the cause (a file
   * deleted mid-read makes Spark fail with its own error first); empty when none changed.
   */
  Optional<InputChangedException> changeBehind(Exception failure) {
    if (failure instanceof InputChangedException changed) {
      return Optional.of(changed);
    }
    return firstChange().map(message -> new InputChangedException(message, failure));
  }

  private static String message(Path file, String what) {
    return "input changed while the run read it: "
        + file
        + " ("
        + what
        + "); run again once nothing writes to the inputs";
  }

  private static Optional<String> change(FileState then, Optional<FileState> now) {
    if (now.isEmpty()) {
      return then == null ? Optional.empty() : Optional.of("deleted");
    }
    if (then == null) {
      return Optional.of("created");
    }
    FileState n = now.get();
    if (n.size() != then.size()) {
      return Optional.of("size " + then.size() + " -> " + n.size() + " bytes");
    }
    if (!n.modified().equals(then.modified())) {
      return Optional.of("modified at " + then.modified() + ", again at " + n.modified());
    }
    return Optional.empty();
  }

  private static Optional<FileState> stateOf(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return Optional.of(new FileState(a.size(), a.lastModifiedTime()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
