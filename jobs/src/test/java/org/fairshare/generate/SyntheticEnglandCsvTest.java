package org.fairshare.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.DatasetContract;
import org.fairshare.schema.Datasets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates a small England as CSV and reads it back with the contract schemas. */
@Tag("pipeline")
class SyntheticEnglandCsvTest extends SparkTestBase {

  private static final GeneratorOptions OPTIONS =
      new GeneratorOptions(100, 3L, 1, 2024, "2025-26", 1.0, "csv");

  @TempDir static Path dir;
  private static GenerationReport report;

  @BeforeAll
  static void generate() {
    report = SyntheticEngland.generate(spark, OPTIONS, dir);
  }

  @Test
  void everyCsvFileStartsWithTheContractHeader() throws IOException {
    for (DatasetContract contract : Datasets.ALL) {
      String expected = String.join(",", contract.schema().fieldNames());
      try (Stream<Path> files = Files.list(dir.resolve(contract.name()))) {
        Path part =
            files
                .filter(p -> p.getFileName().toString().endsWith(".csv"))
                .findFirst()
                .orElseThrow();
        assertThat(Files.readAllLines(part).get(0)).as(contract.name()).isEqualTo(expected);
      }
    }
  }

  @Test
  void everyRowParsesWithTheContractSchema() {
    for (DatasetContract contract : Datasets.ALL) {
      long rows =
          spark
              .read()
              .schema(contract.schema())
              .option("header", "true")
              .option("mode", "FAILFAST")
              .csv(dir.resolve(contract.name()).toString())
              .count();
      assertThat(rows).as(contract.name()).isEqualTo(report.rowsWritten().get(contract.name()));
    }
  }
}
