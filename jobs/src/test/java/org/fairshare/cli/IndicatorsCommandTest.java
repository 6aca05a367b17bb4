package org.fairshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IndicatorsCommandTest extends SparkTestBase {

  @TempDir Path dir;

  private Path sample() throws Exception {
    Path csv = dir.resolve("in.csv");
    Files.write(
        csv,
        List.of(
            "area_code,age_band,numerator,denominator",
            "E1,0,12,1000",
            "E1,5,8,1200",
            "E2,0,1,900",
            "E2,5,2,950"));
    return csv;
  }

  @Test
  void writesTheResultCsvAndReturnsZero() throws Exception {
    Path out = dir.resolve("out.csv");
    int code =
        new CommandLine(new IndicatorsCommand())
            .execute(
                "--input",
                sample().toString(),
                "--measure",
                "crude_rate",
                "--group-by",
                "area_code",
                "--output",
                out.toString());
    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).startsWith("area_code,numerator,denominator,value");
    assertThat(lines).hasSize(3);
  }

  @Test
  void unknownMeasureReturnsTwo() throws Exception {
    int code =
        new CommandLine(new IndicatorsCommand())
            .execute("--input", sample().toString(), "--measure", "gini");
    assertThat(code).isEqualTo(2);
  }

  @Test
  void missingColumnReturnsTwo() throws Exception {
    int code =
        new CommandLine(new IndicatorsCommand())
            .execute(
                "--input", sample().toString(), "--measure", "mean", "--group-by", "area_code");
    assertThat(code).isEqualTo(2);
  }

  @Test
  void documentedSampleRunsAsDirectlyStandardisedRates() throws Exception {
    Path root = Path.of(System.getProperty("fairshare.repo.root", "."));
    Path sample = root.resolve("datasets/samples/indicators/emergency_admissions_by_quintile.csv");
    Path out = dir.resolve("dsr.csv");
    int code =
        new CommandLine(new IndicatorsCommand())
            .execute(
                "--input",
                sample.toString(),
                "--measure",
                "dsr",
                "--group-by",
                "area_code,quantile",
                "--output",
                out.toString());
    assertThat(code).isZero();
    assertThat(Files.readAllLines(out)).hasSize(11);
  }
}
