package org.fairshare.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTML report in headless Chromium (Debian's chromium package; .ci/run installs it): no page or
 * console errors and charts that are drawn. Skips, with a warning, where chromium is absent.
 */
@Tag("pipeline")
class ReportBrowserTest {
  private static final Logger LOG = LoggerFactory.getLogger(ReportBrowserTest.class);
  private static final List<Path> CANDIDATES =
      List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

  private static Path chromium;
  private static String[] dumped;

  @BeforeAll
  static void findChromium() {
    chromium = CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
    if (chromium == null) {
      LOG.warn(
          "SKIPPED: headless browser test of the HTML report: no chromium at {} (apt-get install"
              + " chromium; CI installs it in .ci/run)",
          CANDIDATES);
    }
    Assumptions.assumeTrue(
        chromium != null,
        "chromium not installed (apt-get install chromium): browser test skipped");
  }

  private static List<String> chromiumArgs(Path profile, String... mode) {
    List<String> args =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + profile));
    args.addAll(List.of(mode));
    args.add(PublishedRun.get().resolve(Publication.REPORT).toUri().toString());
    return args;
  }

  /** Runs chromium; returns {stdout, stderr}. */
  private static String[] run(List<String> args, Path dir)
      throws IOException, InterruptedException {
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    // A guard against a hung browser, not a timing assertion.
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + args);
    }
    return new String[] {
      Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8)
    };
  }

  /** Returns {DOM, stderr} of the report loaded once in chromium with --dump-dom. */
  private static synchronized String[] dumpDom() throws Exception {
    if (dumped == null) {
      Path dir = Files.createTempDirectory("fairshare-browser");
      dumped = run(chromiumArgs(dir.resolve("profile"), "--dump-dom"), dir);
    }
    return dumped;
  }

  @Test
  void theReportLoadsWithNoPageOrConsoleErrors() throws Exception {
    String[] result = dumpDom();
    String dom = result[0];

    Matcher errors =
        Pattern.compile("<pre id=\"" + HtmlReport.ERRORS_ID + "\">(.*?)</pre>", Pattern.DOTALL)
            .matcher(dom);
    assertThat(errors.find()).as("the error box is in the DOM: " + result[1]).isTrue();
    assertThat(errors.group(1)).as("errors the page recorded").isEmpty();
    List<String> consoleErrors =
        result[1]
            .lines()
            .filter(l -> l.contains("CONSOLE") || l.contains("Uncaught"))
            .filter(l -> l.contains("error") || l.contains("Error") || l.contains("Uncaught"))
            .toList();
    assertThat(consoleErrors).isEmpty();
    Matcher charts = Pattern.compile("data-charts=\"(\\d+)\"").matcher(dom);
    assertThat(charts.find()).isTrue();
    assertThat(Integer.parseInt(charts.group(1))).isGreaterThanOrEqualTo(5);
  }

  @Test
  void everyChartDrawsMarks() throws Exception {
    String dom = dumpDom()[0];

    Matcher svg = Pattern.compile("<svg[^>]*class=\"chart\".*?</svg>", Pattern.DOTALL).matcher(dom);
    int charts = 0;
    while (svg.find()) {
      charts++;
      String chart = svg.group();
      int marks = count(chart, "<rect") - 1 + count(chart, "<circle") + count(chart, "<path");
      assertThat(marks).as("marks in chart %d", charts).isGreaterThanOrEqualTo(2);
    }
    assertThat(charts).isGreaterThanOrEqualTo(5);
  }

  @Test
  void theScreenshotIsNotBlank(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("report.png");
    run(
        chromiumArgs(dir.resolve("profile"), "--screenshot=" + png, "--window-size=1280,1600"),
        dir);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("chromium wrote a PNG").isNotNull();
    Set<Integer> colours = new HashSet<>();
    long coloured = 0;
    long pixels = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        pixels++;
        int r = rgb >> 16;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        // The chart palette's blue, green, orange and red: clearly not grey or white.
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
          coloured++;
        }
      }
    }
    assertThat(colours.size()).as("distinct colours").isGreaterThan(20);
    assertThat((double) coloured / pixels).as("share of chart-coloured pixels").isGreaterThan(0.01);
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
