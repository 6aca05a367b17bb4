package org.fairshare.placetool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.fairshare.SparkTestBase;
import org.fairshare.config.FairshareConfig;
import org.fairshare.ingest.InputFiles;
import org.fairshare.ingest.Validator;
import org.fairshare.ingest.adapters.Adapters;
import org.fairshare.schema.DatasetContract;
import org.fairshare.schema.PlaceNeedIndicesTable;
import org.fairshare.schema.Practices;
import org.fairshare.schema.PublishedWeightedPopulations;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NHS England's place tool over its own published practice files in ../shared/data/raw (skipped,
 * with a warning, where that folder is absent): every (ICB, sub-ICB) and (ICB, local authority)
 * index of every component, ingested and computed as a run does, against the tool's method computed
 * here in plain Java from the files: each column summed with blanks as zero, index = (the place's
 * share of the ICB's weighted population) / (its share of the ICB's population), half-up to 0.001.
 */
@Tag("realdata")
class PublishedPlaceToolTest extends SparkTestBase {
  private static final Logger LOG = LoggerFactory.getLogger(PublishedPlaceToolTest.class);

  private static final String FOLDER = "nhse-aif-allocation-tool";
  private static final String FILE_2022 = "gp_practice_weighted_populations_2022_2023.csv.gz";
  private static final String PRACTICE_MAP =
      "nhsd-gp-practice-map-2022/gp-reg-pat-prac-map_2022-01.csv";

  private static Path raw;

  @BeforeAll
  static void findTheRealFiles() {
    Path repo = Path.of(System.getProperty("fairshare.repo.root", ".")).toAbsolutePath();
    raw = repo.resolve("../shared/data/raw").normalize();
    if (!Files.isDirectory(raw.resolve(FOLDER))) {
      LOG.warn("SKIPPING PublishedPlaceToolTest: NHS England's files not found at {}", raw);
    }
    Assumptions.assumeTrue(
        Files.isDirectory(raw.resolve(FOLDER)),
        "SKIPPED: NHS England's files not found at " + raw + " (see README, Real England data)");
  }

  @Test
  void everySubIcbAndLocalAuthorityIndexOf2022IsTheTools() throws IOException {
    assertEveryIndexIsTheTools(FILE_2022, "2022-23");
  }

  /**
   * 2023/24 and 2024/25 publish no sub-ICB: each practice's comes from the 2022/23 file, else from
   * NHS Digital's practice map; the practices with neither count in their ICB but in no sub-ICB.
   */
  @Test
  void everySubIcbAndLocalAuthorityIndexOf2023IsTheTools() throws IOException {
    assertEveryIndexIsTheTools("gp_practice_weighted_populations_2023_2024.csv.gz", "2023-24");
  }

  @Test
  void everySubIcbAndLocalAuthorityIndexOf2024IsTheTools() throws IOException {
    assertEveryIndexIsTheTools("gp_practice_weighted_populations_2024_2025.csv.gz", "2024-25");
  }

  private static void assertEveryIndexIsTheTools(String file, String year) throws IOException {
    Dataset<Row> wp =
        staged(
            PublishedWeightedPopulations.CONTRACT,
            FOLDER + "/" + file,
            "nhse_practice_weighted_populations",
            Map.of());
    Dataset<Row> practices =
        staged(
            Practices.CONTRACT,
            FOLDER + "/" + FILE_2022,
            "nhse_practice_hierarchy",
            Map.of("practice_map", PRACTICE_MAP));
    for (String level : List.of("sub_icb", "la")) {
      Map<String, BigDecimal> actual = new TreeMap<>();
      for (Row r :
          PlaceNeedIndices.needIndices(
                  PlaceNeedIndicesStage.withPlace(wp, level, practices, null), level)
              .collectAsList()) {
        actual.put(
            r.getAs(PlaceNeedIndicesTable.ICB_CODE)
                + "/"
                + r.getAs(PlaceNeedIndicesTable.PLACE_CODE)
                + "/"
                + r.getAs(PlaceNeedIndicesTable.COMPONENT),
            r.getAs(PlaceNeedIndicesTable.NEED_INDEX));
      }
      Map<String, BigDecimal> expected = toolIndices(raw.resolve(FOLDER).resolve(file), level);
      List<String> differing = new ArrayList<>();
      for (var e : expected.entrySet()) {
        BigDecimal got = actual.get(e.getKey());
        if (got == null || got.compareTo(e.getValue()) != 0) {
          differing.add(e.getKey() + " tool " + e.getValue() + " fairshare " + got);
        }
      }
      LOG.info(
          "{} {}: {} indices compared, {} differ from the tool's",
          year,
          level,
          expected.size(),
          differing.size());
      assertThat(expected).as(year + " " + level).hasSizeGreaterThan(300);
      assertThat(differing).as(year + " " + level + " indices unlike the tool's").isEmpty();
      assertThat(actual.keySet()).as(year + " " + level).isEqualTo(expected.keySet());
    }
  }

  /** Returns the input's accepted rows, read and validated as the ingest stage does. */
  private static Dataset<Row> staged(
      DatasetContract contract, String path, String adapter, Map<String, String> options) {
    String name = contract.name();
    Map<String, String> settings = new HashMap<>();
    settings.put("data.dir", raw.toString());
    settings.put("inputs." + name + ".path", path);
    settings.put("inputs." + name + ".format", "csv");
    settings.put("inputs." + name + ".adapter", adapter);
    options.forEach((k, v) -> settings.put("inputs." + name + ".adapter." + k, v));
    FairshareConfig cfg = FairshareConfig.of(settings);
    Dataset<Row> read =
        Adapters.read(spark, cfg, adapter, InputFiles.of(cfg.input(name)), contract);
    Dataset<Row> checked =
        Validator.withQuarantineFlag(
            Validator.withDuplicateKeyFailures(
                Validator.withRowCheckFailures(read, contract, Map.of(), "", ""), contract));
    return checked
        .where(functions.not(functions.col(Validator.IS_QUARANTINED)))
        .select(
            java.util.Arrays.stream(contract.schema().fieldNames())
                .map(functions::col)
                .toArray(org.apache.spark.sql.Column[]::new));
  }

  /** The published component columns, by the component names fairshare gives them. */
  private static final Map<String, String> COLUMNS = componentColumns();

  private static Map<String, String> componentColumns() {
    Map<String, String> m = new LinkedHashMap<>();
    List<String> headers =
        List.of(
            "G&A WP",
            "CS WP",
            "MH WP",
            "Mat WP",
            "Health Ineq WP",
            "Prescr WP",
            "Final WP",
            "Primary Medical Care WP",
            "Final PMC WP");
    for (int i = 0; i < headers.size(); i++) {
      m.put(PublishedWeightedPopulations.COMPONENTS.get(i), headers.get(i));
    }
    return m;
  }

  /**
   * Returns "ICB/place/component" to the tool's index, from the file with plain Java: every
   * practice in its ICB's sums, each weighted-population column summed with blanks as zero, the
   * population summed whole for every component; exact sums, the ratio of per-head weights in
   * double, half-up to 0.001. The place is the file's LOC22 or LAD21; where LOC22 is empty, the
   * 2022/23 file's, else the GP practice map's CCG, each only where it puts the practice in the
   * row's ICB; practices with none are in their ICB's sums but in no place.
   */
  private static Map<String, BigDecimal> toolIndices(Path file, String level) throws IOException {
    Map<String, String> subIcb2022 = column(raw.resolve(FOLDER).resolve(FILE_2022), "LOC22");
    Map<String, String> icb2022 = column(raw.resolve(FOLDER).resolve(FILE_2022), "ICS22");
    Map<String, String[]> map = practiceMap();
    Map<String, BigDecimal[]> place = new HashMap<>();
    Map<String, BigDecimal[]> icb = new HashMap<>();
    TreeSet<String> placeless = new TreeSet<>();
    List<String> header = null;
    for (List<String> f : rows(file)) {
      if (header == null) {
        header = f;
        continue;
      }
      String practice = f.get(header.indexOf("Practice_Code"));
      String icbCode = f.get(header.indexOf("ICS22"));
      String placeCode;
      if (level.equals("la")) {
        placeCode = f.get(header.indexOf("LAD21"));
      } else {
        placeCode = f.get(header.indexOf("LOC22"));
        if (placeCode.isBlank() && icbCode.equals(icb2022.get(practice))) {
          placeCode = subIcb2022.get(practice);
        }
        String[] m = map.get(practice);
        if (placeCode.isBlank() && m != null && m[1].equals(icbCode)) {
          placeCode = m[0];
        }
      }
      BigDecimal pop = new BigDecimal(f.get(header.indexOf("pop 2022/23")));
      for (var c : COLUMNS.entrySet()) {
        String cell = f.get(header.indexOf(c.getValue()));
        BigDecimal wp = cell.isBlank() ? BigDecimal.ZERO : new BigDecimal(cell);
        add(icb, icbCode + "/" + c.getKey(), wp, pop);
        if (!placeCode.isBlank()) {
          add(place, icbCode + "/" + placeCode + "/" + c.getKey(), wp, pop);
        }
      }
      if (placeCode.isBlank()) {
        placeless.add(practice);
      }
    }
    if (!placeless.isEmpty()) {
      LOG.info("{} {}: practices in no place: {}", file.getFileName(), level, placeless);
    }
    Map<String, BigDecimal> out = new TreeMap<>();
    place.forEach(
        (k, v) -> {
          String[] parts = k.split("/", 3);
          BigDecimal[] i = icb.get(parts[0] + "/" + parts[2]);
          double ratio =
              (v[0].doubleValue() / v[1].doubleValue()) / (i[0].doubleValue() / i[1].doubleValue());
          out.put(k, BigDecimal.valueOf(ratio).setScale(3, RoundingMode.HALF_UP));
        });
    return out;
  }

  /** Returns practice code to the named column of a published file. */
  private static Map<String, String> column(Path file, String name) throws IOException {
    Map<String, String> out = new HashMap<>();
    List<String> header = null;
    for (List<String> f : rows(file)) {
      if (header == null) {
        header = f;
      } else {
        out.put(f.get(header.indexOf("Practice_Code")), f.get(header.indexOf(name)));
      }
    }
    return out;
  }

  /** Returns practice code to {CCG code, STP code} of NHS Digital's January 2022 practice map. */
  private static Map<String, String[]> practiceMap() throws IOException {
    Map<String, String[]> out = new HashMap<>();
    List<String> header = null;
    for (List<String> f : rows(raw.resolve(PRACTICE_MAP))) {
      if (header == null) {
        header = f;
      } else {
        out.put(
            f.get(header.indexOf("PRACTICE_CODE")),
            new String[] {f.get(header.indexOf("CCG_CODE")), f.get(header.indexOf("STP_CODE"))});
      }
    }
    return out;
  }

  private static List<List<String>> rows(Path file) throws IOException {
    List<List<String>> out = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                file.toString().endsWith(".gz")
                    ? new GZIPInputStream(Files.newInputStream(file))
                    : Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        out.add(split(line.replace("\uFEFF", "")));
      }
    }
    return out;
  }

  private static void add(Map<String, BigDecimal[]> m, String k, BigDecimal wp, BigDecimal pop) {
    BigDecimal[] s = m.computeIfAbsent(k, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    s[0] = s[0].add(wp);
    s[1] = s[1].add(pop);
  }

  private static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().trim());
    return cells;
  }
}
