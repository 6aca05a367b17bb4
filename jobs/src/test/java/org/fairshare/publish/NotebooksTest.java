package org.fairshare.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every notebook in notebooks/ executes top to bottom against the shared run's publication folder
 * (jupyter nbconvert --execute, Debian's jupyter-nbconvert with python3-pandas and
 * python3-matplotlib; .ci/run installs them) and renders to HTML with its charts. Skips, with a
 * warning, where jupyter is absent.
 */
@Tag("pipeline")
class NotebooksTest {
  private static final Logger LOG = LoggerFactory.getLogger(NotebooksTest.class);
  private static final Path JUPYTER = Path.of("/usr/bin/jupyter");

  @BeforeAll
  static void requireJupyter() throws IOException, InterruptedException {
    boolean ready = Files.isExecutable(JUPYTER) && modulesPresent();
    if (!ready) {
      LOG.warn(
          "SKIPPED: notebook execution: {} or the python3 modules nbconvert, ipykernel, pandas,"
              + " matplotlib are missing (apt-get install jupyter-nbconvert python3-nbclient"
              + " python3-ipykernel python3-pandas python3-matplotlib; CI installs them)",
          JUPYTER);
    }
    Assumptions.assumeTrue(ready, "jupyter with pandas and matplotlib not installed: skipped");
  }

  private static boolean modulesPresent() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "/usr/bin/python3", "-c", "import nbconvert, ipykernel, pandas, matplotlib")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
  }

  private static Path notebooks() {
    return Path.of(System.getProperty("fairshare.repo.root", "..")).resolve("notebooks");
  }

  @Test
  void thereAreAtLeastThreeNotebooks() throws IOException {
    try (Stream<Path> files = Files.list(notebooks())) {
      assertThat(files.filter(f -> f.toString().endsWith(".ipynb")).count())
          .isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void everyNotebookRunsAgainstThePublicationAndRendersItsCharts(@TempDir Path out)
      throws Exception {
    List<Path> books;
    try (Stream<Path> files = Files.list(notebooks())) {
      books = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                JUPYTER.toString(),
                "nbconvert",
                "--execute",
                "--to",
                "html",
                "--ExecutePreprocessor.timeout=600",
                "--output-dir",
                out.toString()));
    books.forEach(b -> args.add(b.toString()));
    ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
    pb.environment().put("FAIRSHARE_PUBLICATION", PublishedRun.get().toString());
    pb.environment().put("MPLBACKEND", "module://matplotlib_inline.backend_inline");
    pb.directory(notebooks().toFile());
    Path log = out.resolve("nbconvert.log");
    Process p = pb.redirectOutput(log.toFile()).start();
    // A guard against a hung kernel, not a timing assertion.
    boolean finished = p.waitFor(10, TimeUnit.MINUTES);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (!finished) {
      p.destroyForcibly();
    }

    assertThat(finished && p.exitValue() == 0).as("nbconvert succeeded:\n" + output).isTrue();
    for (Path b : books) {
      String name = b.getFileName().toString().replace(".ipynb", ".html");
      String html = Files.readString(out.resolve(name), StandardCharsets.UTF_8);
      assertThat(html).as(name).contains("data:image/png;base64");
      assertThat(html).as(name).doesNotContain("Traceback (most recent call last)");
    }
  }
}
