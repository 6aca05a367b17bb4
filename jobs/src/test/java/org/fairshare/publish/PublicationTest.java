package org.fairshare.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.EquityAccess;
import org.fairshare.schema.InequalityIndicators;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.PlaceTargetsTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The publication folder of the shared run: files, workbook, and disclosure control. */
@Tag("pipeline")
class PublicationTest extends SparkTestBase {

  private static Dataset<Row> csv(String table) {
    return spark
        .read()
        .option("header", "true")
        .option("multiLine", "true")
        .option("escape", "\"")
        .csv(PublishedRun.get().resolve(table + ".csv").toString());
  }

  @Test
  void theFolderHasACsvPerPublishedTableAWorkbookAndAReport() {
    Path folder = PublishedRun.get();

    for (OutputTable t : Publication.TABLES) {
      assertThat(folder.resolve(t.name() + ".csv")).isRegularFile();
    }
    assertThat(folder.resolve(Publication.WORKBOOK)).isRegularFile();
    assertThat(folder.resolve(Publication.REPORT)).isRegularFile();
    assertThat(folder.resolve("stg_population.csv")).doesNotExist();
  }

  @Test
  void theWorkbookReadsBackWithNotesAndASheetPerTableHoldingTheCsvRows() throws IOException {
    Path folder = PublishedRun.get();
    try (InputStream in = Files.newInputStream(folder.resolve(Publication.WORKBOOK));
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertThat(wb.getSheetName(0)).isEqualTo("Notes");
      assertThat(wb.getNumberOfSheets()).isEqualTo(Publication.TABLES.size() + 1);
      String notes = sheetText(wb.getSheet("Notes"));
      assertThat(notes).contains("run id").contains("suppression").contains("sha256");
      for (OutputTable t : Publication.TABLES) {
        Sheet sheet = wb.getSheet(TableFiles.sheetName(t.name()));
        assertThat(sheet).as(t.name()).isNotNull();
        long csvRows = Files.readAllLines(folder.resolve(t.name() + ".csv")).size() - 1;
        assertThat((long) sheet.getLastRowNum()).as(t.name()).isEqualTo(csvRows);
      }
      Sheet allocations = wb.getSheet("place_allocations");
      assertThat(allocations.getRow(1).getCell(0).getStringCellValue()).isNotBlank();
    }
  }

  @Test
  void everyPublishedRowIsFromTheRunsSlice() {
    Dataset<Row> rows = csv("place_allocations");

    assertThat(rows.select("financial_year", "scenario").distinct().count()).isEqualTo(1);
    assertThat(rows.count()).isPositive();
  }

  @Test
  void noPublishedCountIsASmallNumber() {
    Dataset<Row> indicators = csv(InequalityIndicators.NAME);
    Dataset<Row> counts = indicators.where("indicator not like 'spend%' and numerator is not null");
    Dataset<Row> access = csv(EquityAccess.NAME).where("observed is not null");

    assertThat(counts.where("cast(numerator as double) between 1 and 7").count()).isZero();
    assertThat(access.where("cast(observed as double) between 1 and 7").count()).isZero();
    assertThat(counts.count()).isPositive();
  }

  @Test
  void noWithheldCountCanBeRecoveredBySubtractionFromPublishedTotals() {
    Map<String, String> parents = new HashMap<>();
    for (Row r : csv(PlaceTargetsTable.TABLE.name()).collectAsList()) {
      parents.put("place|" + r.getAs("place_code"), "icb|" + r.getAs("icb_code"));
      parents.put("icb|" + r.getAs("icb_code"), "england|" + Publication.ENGLAND_CODE);
    }
    long withheld = 0;
    for (String[] t :
        List.of(
            new String[] {InequalityIndicators.NAME, "indicator", "numerator"},
            new String[] {EquityAccess.NAME, "service", "observed"})) {
      Map<String, Double> published = new LinkedHashMap<>();
      for (Row r : csv(t[0]).collectAsList()) {
        String v = r.getAs(t[2]);
        published.put(
            String.join(
                "|",
                r.<String>getAs("geography_level"),
                r.getAs("geography_code"),
                r.getAs(t[1]),
                r.getAs("breakdown"),
                r.getAs("group_value")),
            v == null ? null : Double.parseDouble(v));
      }
      withheld += published.values().stream().filter(v -> v == null).count();

      List<SubtractionAttack.Recovered> found =
          SubtractionAttack.run(published, Map.of(), relations(published, parents));

      assertThat(found).as(t[0]).isEmpty();
    }
    assertThat(withheld).as("the shared run has small counts to protect").isPositive();
  }

  /**
   * Returns the totals an intruder would try, worked out from the published keys alone: a
   * geography's overall figure against each breakdown's groups, a quintile against its two deciles,
   * and a parent geography against its children.
   */
  private static List<SubtractionAttack.Relation> relations(
      Map<String, Double> published, Map<String, String> parents) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    Map<String, List<String>> children = new LinkedHashMap<>();
    for (String key : published.keySet()) {
      String[] k = key.split("\\|");
      String geoMeasure = k[0] + "|" + k[1] + "|" + k[2];
      if (!k[3].equals("all")) {
        groups.computeIfAbsent(geoMeasure + "|all|all#" + k[3], x -> new ArrayList<>()).add(key);
      }
      if (k[3].equals("imd_decile")) {
        int q = (Integer.parseInt(k[4]) + 1) / 2;
        groups
            .computeIfAbsent(geoMeasure + "|imd_quintile|" + q + "#deciles", x -> new ArrayList<>())
            .add(key);
      }
      String parent = parents.get(k[0] + "|" + k[1]);
      if (parent != null && !k[3].equals("local_quintile")) {
        children
            .computeIfAbsent(parent + "|" + k[2] + "|" + k[3] + "|" + k[4], x -> new ArrayList<>())
            .add(key);
      }
    }
    List<SubtractionAttack.Relation> out = new ArrayList<>();
    groups.forEach(
        (total, parts) ->
            out.add(new SubtractionAttack.Relation(total.substring(0, total.indexOf('#')), parts)));
    children.forEach((total, parts) -> out.add(new SubtractionAttack.Relation(total, parts)));
    return out;
  }

  private static String sheetText(Sheet sheet) {
    StringBuilder sb = new StringBuilder();
    sheet.forEach(row -> row.forEach(cell -> sb.append(cell.toString()).append('\n')));
    return sb.toString();
  }
}
