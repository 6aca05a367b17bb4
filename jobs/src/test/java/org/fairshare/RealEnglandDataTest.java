package org.fairshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.fairshare.cli.Main;
import org.fairshare.schema.GpPaymentsByDeprivationTable;
import org.fairshare.schema.GpPaymentsInequalityTable;
import org.fairshare.schema.PlaceNeedIndicesTable;
import org.fairshare.schema.Quarantine;
import org.fairshare.schema.RunLog;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * conf/england-2022.properties end to end over the real published files in ../shared/data/raw
 * (skipped, with a warning, where that folder is absent): exit code, skipped stages, NHS England's
 * place tool against the published file computed independently here, and the GP payments finding;
 * and conf/england-2025.properties' inputs, validated.
 */
@Tag("pipeline")
class RealEnglandDataTest extends SparkTestBase {
  private static final Logger LOG = LoggerFactory.getLogger(RealEnglandDataTest.class);

  @TempDir static Path dir;
  private static Path repo;
  private static Path raw;
  private static Path warehouse;
  private static int exitCode;

  @BeforeAll
  static void runTheEngland2022Configuration() {
    repo = Path.of(System.getProperty("fairshare.repo.root", ".")).toAbsolutePath();
    raw = repo.resolve("../shared/data/raw").normalize();
    if (!Files.isDirectory(raw)) {
      LOG.warn("SKIPPING RealEnglandDataTest: real England data not found at {}", raw);
    }
    Assumptions.assumeTrue(
        Files.isDirectory(raw),
        "SKIPPED: real England data not found at " + raw + " (see README, Real England data)");
    warehouse = dir.resolve("warehouse");
    long t0 = System.nanoTime();
    exitCode =
        Main.execute(
            "run",
            "--conf",
            repo.resolve("conf/england-2022.properties").toString(),
            "--data-dir",
            raw.toString(),
            "--warehouse",
            warehouse.toString());
    LOG.info("real-data run of england-2022: {} s", (System.nanoTime() - t0) / 1_000_000_000L);
  }

  private static Dataset<Row> table(String name) {
    return spark.read().format("delta").load(warehouse.resolve(name).toString());
  }

  @Test
  void runSucceedsAndSaysWhichStagesItSkippedForLackOfAnInput() {
    assertThat(exitCode).isZero();
    Row run = table(RunLog.TABLE.name()).first();
    assertThat((String) run.getAs(RunLog.STATUS)).isEqualTo(RunLog.SUCCEEDED);
    assertThat((String) run.getAs(RunLog.MESSAGE))
        .contains("need_model (no input")
        .contains("activity")
        .doesNotContain("place_need_indices")
        .doesNotContain("gp_payments_equity");
  }

  @Test
  void placeNeedIndicesMatchThePublishedWeightedPopulationsForSeveralIcbs() throws IOException {
    Dataset<Row> indices =
        table(PlaceNeedIndicesTable.NAME)
            .where(functions.col(PlaceNeedIndicesTable.PLACE_LEVEL).equalTo("sub_icb"));
    assertThat(indices.select(PlaceNeedIndicesTable.ICB_CODE).distinct().count()).isEqualTo(42L);

    Map<String, BigDecimal> expected =
        subIcbIndices(
            raw.resolve(
                "nhse-aif-allocation-tool/gp_practice_weighted_populations_2022_2023.csv.gz"),
            List.of("Final WP", "MH WP", "Health Ineq WP"));
    Map<String, BigDecimal> actual = new TreeMap<>();
    Map<String, String> componentOf =
        Map.of(
            "core_final",
            "Final WP",
            "mental_health",
            "MH WP",
            "health_inequalities",
            "Health Ineq WP");
    for (Row r :
        indices
            .where(functions.col(PlaceNeedIndicesTable.ICB_CODE).isin("QHM", "QYG", "QWE", "QUE"))
            .where(
                functions.col(PlaceNeedIndicesTable.COMPONENT).isin(componentOf.keySet().toArray()))
            .collectAsList()) {
      actual.put(
          r.getAs(PlaceNeedIndicesTable.ICB_CODE)
              + "/"
              + r.getAs(PlaceNeedIndicesTable.PLACE_CODE)
              + "/"
              + componentOf.get((String) r.getAs(PlaceNeedIndicesTable.COMPONENT)),
          r.getAs(PlaceNeedIndicesTable.NEED_INDEX));
    }
    Map<String, BigDecimal> wanted = new TreeMap<>();
    expected.forEach(
        (k, v) -> {
          if (List.of("QHM", "QYG", "QWE", "QUE").contains(k.substring(0, 3))) {
            wanted.put(k, v);
          }
        });
    assertThat(actual).hasSizeGreaterThan(20);
    assertThat(actual.keySet()).isEqualTo(wanted.keySet());
    wanted.forEach((k, v) -> assertThat(actual.get(k)).as(k).isEqualByComparingTo(v));
  }

  @Test
  void england2025InputsValidateWithEveryLsoaInAnMsoa() {
    Path warehouse2025 = dir.resolve("warehouse-2025");
    int code =
        Main.execute(
            "validate",
            "--conf",
            repo.resolve("conf/england-2025.properties").toString(),
            "--data-dir",
            raw.toString(),
            "--warehouse",
            warehouse2025.toString());
    assertThat(code).isZero();
    // An LSOA without an MSOA would be quarantined from geography, and with it from deprivation.
    Dataset<Row> quarantined =
        spark
            .read()
            .format("delta")
            .load(warehouse2025.resolve(Quarantine.TABLE.name()).toString());
    assertThat(
            quarantined
                .where(functions.col(Quarantine.DATASET).isin("geography", "deprivation"))
                .count())
        .isZero();
  }

  @Test
  void gpPaymentsFindingCoversEveryPublishedYearForEnglandAndIcbs() {
    List<Row> england =
        table(GpPaymentsInequalityTable.NAME)
            .where(functions.col(GpPaymentsInequalityTable.GEOGRAPHY_LEVEL).equalTo("england"))
            .orderBy(GpPaymentsInequalityTable.PAYMENT_YEAR)
            .collectAsList();
    assertThat(england).hasSize(9);
    assertThat((String) england.get(0).getAs(GpPaymentsInequalityTable.PAYMENT_YEAR))
        .isEqualTo("2014-15");
    for (Row r : england) {
      double lo = r.getAs(GpPaymentsInequalityTable.SII_LOWER_GBP);
      double hi = r.getAs(GpPaymentsInequalityTable.SII_UPPER_GBP);
      assertThat(lo).isLessThanOrEqualTo(hi);
    }
    long quintileRows =
        table(GpPaymentsByDeprivationTable.NAME)
            .where(functions.col(GpPaymentsByDeprivationTable.GEOGRAPHY_LEVEL).equalTo("england"))
            .count();
    assertThat(quintileRows).isEqualTo(45L);
    assertThat(
            table(GpPaymentsInequalityTable.NAME)
                .where(functions.col(GpPaymentsInequalityTable.GEOGRAPHY_LEVEL).equalTo("icb"))
                .where(functions.col(GpPaymentsInequalityTable.PAYMENT_YEAR).equalTo("2022-23"))
                .count())
        .isGreaterThan(30L);
  }

  @Test
  void englandFifthRatesMatchAPlainComputationOverThePublishedFiles() throws IOException {
    double[] expected = englandFifthRates2022();
    List<Row> actual =
        table(GpPaymentsByDeprivationTable.NAME)
            .where(functions.col(GpPaymentsByDeprivationTable.GEOGRAPHY_LEVEL).equalTo("england"))
            .where(functions.col(GpPaymentsByDeprivationTable.PAYMENT_YEAR).equalTo("2022-23"))
            .orderBy(GpPaymentsByDeprivationTable.IMD_QUINTILE)
            .collectAsList();
    assertThat(actual).hasSize(5);
    for (int q = 0; q < 5; q++) {
      double rate = actual.get(q).getAs(GpPaymentsByDeprivationTable.PER_WEIGHTED_PATIENT_GBP);
      assertThat(rate).as("fifth " + (q + 1)).isCloseTo(expected[q], within(1e-6));
    }
  }

  /**
   * Returns 2022/23 payments per weighted patient per fifth of practices (IMD 2019 score, most
   * deprived first, ties by code, the first n mod 5 fifths one larger), practices with at least
   * 1,000 weighted patients and some payment, computed with plain Java from the two files.
   */
  private static double[] englandFifthRates2022() throws IOException {
    Map<String, Double> score = new HashMap<>();
    try (BufferedReader in =
        Files.newBufferedReader(
            raw.resolve(
                "ohid-fingertips-practice-via-heec/practice_imd_score_fingertips_93553.csv"))) {
      List<String> h = split(in.readLine().replace("\uFEFF", ""));
      String line;
      while ((line = in.readLine()) != null) {
        List<String> f = split(line);
        String v = f.get(h.indexOf("Value"));
        if (f.get(h.indexOf("Year")).equals("2019") && !v.isBlank()) {
          score.put(f.get(h.indexOf("AreaCode")), Double.parseDouble(v));
        }
      }
    }
    List<double[]> practices = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(
                    Files.newInputStream(
                        raw.resolve(
                            "nhsd-payments-to-general-practice/"
                                + "payments_to_general_practice_2022-23.csv.gz"))),
                StandardCharsets.UTF_8))) {
      List<String> h = split(in.readLine().replace("\uFEFF", ""));
      int code = h.indexOf("Practice Code");
      int weighted = h.indexOf("Number of Weighted Patients (Last Known Figure)");
      int total = h.indexOf("Total NHS Payments to General Practice");
      String line;
      while ((line = in.readLine()) != null) {
        List<String> f = split(line);
        try {
          double w = Double.parseDouble(f.get(weighted));
          double p = Double.parseDouble(f.get(total));
          if (w >= 1000 && p > 0 && score.containsKey(f.get(code))) {
            practices.add(new double[] {score.get(f.get(code)), w, p});
            codes.add(f.get(code));
          }
        } catch (NumberFormatException e) {
          // A blank list size or payment: not a practice the finding can use.
        }
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < practices.size(); i++) {
      order.add(i);
    }
    order.sort(
        (a, b) -> {
          int c = Double.compare(practices.get(b)[0], practices.get(a)[0]);
          return c != 0 ? c : codes.get(a).compareTo(codes.get(b));
        });
    int n = order.size();
    double[] rates = new double[5];
    int start = 0;
    for (int q = 0; q < 5; q++) {
      int size = n / 5 + (q < n % 5 ? 1 : 0);
      double w = 0;
      double p = 0;
      for (int i = start; i < start + size; i++) {
        w += practices.get(order.get(i))[1];
        p += practices.get(order.get(i))[2];
      }
      rates[q] = p / w;
      start += size;
    }
    return rates;
  }

  /**
   * Returns "ICB/sub-ICB/column" to NHS England's place index, computed here from the published
   * file with plain Java: exact sums per sub-ICB and ICB, the ratio of per-head weights in double,
   * rounded half-up to 0.001. A blank component value (17 practices' maternity) is zero weighted
   * population, the practice's population still counted, as NHS England's tool sums it.
   */
  private static Map<String, BigDecimal> subIcbIndices(Path file, List<String> columns)
      throws IOException {
    Map<String, BigDecimal[]> place = new HashMap<>();
    Map<String, BigDecimal[]> icb = new HashMap<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      List<String> header = split(in.readLine());
      int icbCol = header.indexOf("ICS22");
      int subIcbCol = header.indexOf("LOC22");
      int popCol = header.indexOf("pop 2022/23");
      String line;
      while ((line = in.readLine()) != null) {
        List<String> f = split(line);
        if (f.get(icbCol).isBlank() || f.get(subIcbCol).isBlank() || f.get(popCol).isBlank()) {
          continue;
        }
        for (String c : columns) {
          String cell = f.get(header.indexOf(c));
          String wp = cell.isBlank() ? "0" : cell;
          String icbKey = f.get(icbCol) + "/" + c;
          String placeKey = f.get(icbCol) + "/" + f.get(subIcbCol) + "/" + c;
          add(place, placeKey, new BigDecimal(wp), new BigDecimal(f.get(popCol)));
          add(icb, icbKey, new BigDecimal(wp), new BigDecimal(f.get(popCol)));
        }
      }
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
