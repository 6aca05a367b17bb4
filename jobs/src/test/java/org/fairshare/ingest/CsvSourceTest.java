package org.fairshare.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.fairshare.SparkTestBase;
import org.fairshare.config.FairshareConfig;
import org.fairshare.schema.Population;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest extends SparkTestBase {

  private static InputFiles input(Path file, Map<String, String> more) {
    Map<String, String> cfg =
        new java.util.HashMap<>(
            Map.of(
                "data.dir", file.getParent().toString(),
                "inputs.population.path", file.getFileName().toString(),
                "inputs.population.format", "csv"));
    cfg.putAll(more);
    return InputFiles.of(FairshareConfig.of(cfg).input(Population.DATASET));
  }

  private static List<Row> read(Path file, Map<String, String> more) {
    return CsvSource.read(spark, input(file, more), Population.CONTRACT)
        .orderBy(InputRows.LINE_NUMBER)
        .collectAsList();
  }

  @Test
  void byteOrderMarkAndCrlfLineEndsAreHandled(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("p.csv");
    Files.writeString(f, "\uFEFFarea_code,year,sex,age,persons\r\nXA21000001,2024,F,3,10\r\n");
    List<Row> rows = read(f, Map.of());
    assertThat(rows).hasSize(1);
    assertThat((String) rows.get(0).getAs("area_code")).isEqualTo("XA21000001");
    assertThat((List<?>) rows.get(0).getList(rows.get(0).fieldIndex(InputRows.FAILURES))).isEmpty();
  }

  @Test
  void aQuotedFieldSpanningLinesIsOneRecordNumberedByItsFirstLine(@TempDir Path dir)
      throws IOException {
    Path f = dir.resolve("p.csv");
    Files.writeString(
        f, "area_code,year,sex,age,persons\n\"XA21\n000001\",2024,F,3,10\nXA21000002,2024,M,4,5\n");
    List<Row> rows = read(f, Map.of());
    assertThat(rows).extracting(r -> (long) r.getAs(InputRows.LINE_NUMBER)).containsExactly(2L, 4L);
    assertThat((String) rows.get(0).getAs("area_code")).isEqualTo("XA21\n000001");
  }

  @Test
  void renamedHeadersAreMappedAndAnotherDelimiterIsHonoured(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("p.csv");
    Files.writeString(f, "LSOA;Year;Sex;Age;All Ages\nXA21000001;2024;M;90;12.5\n");
    List<Row> rows =
        read(
            f,
            Map.of(
                "inputs.population.delimiter", ";",
                "inputs.population.columns.area_code", "LSOA",
                "inputs.population.columns.persons", "All Ages"));
    assertThat((double) rows.get(0).getAs("persons")).isEqualTo(12.5);
    assertThat((int) rows.get(0).getAs("age")).isEqualTo(90);
  }

  @Test
  void bytesThatAreNotUtf8AreReportedNotGuessed(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("p.csv");
    byte[] latin1 =
        "area_code,year,sex,age,persons\nXA21000001,2024,F,3,10 caf\u00e9\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(f, latin1);
    Row row = read(f, Map.of()).get(0);
    assertThat(row.getList(row.fieldIndex(InputRows.FAILURES)).toString()).contains("encoding");
    Row asLatin1 = read(f, Map.of("inputs.population.encoding", "ISO-8859-1")).get(0);
    assertThat(asLatin1.getList(asLatin1.fieldIndex(InputRows.FAILURES)).toString())
        .doesNotContain("encoding")
        .contains("type_persons");
  }

  @Test
  void aMissingRequiredColumnNamesFileColumnAndHeader(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("p.csv");
    Files.writeString(f, "area_code,year,sex,persons\nXA21000001,2024,F,10\n");
    assertThatThrownBy(() -> read(f, Map.of()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("p.csv")
        .hasMessageContaining("[age]")
        .hasMessageContaining("found [area_code, year, sex, persons]");
  }

  @Test
  void anEmptyFileIsAClearError(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("p.csv");
    Files.writeString(f, "");
    assertThatThrownBy(() -> read(f, Map.of()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("is empty");
  }
}
