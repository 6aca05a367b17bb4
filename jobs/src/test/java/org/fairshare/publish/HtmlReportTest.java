package org.fairshare.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.fairshare.schema.AllocationWaterfallTable;
import org.fairshare.schema.EquityAccess;
import org.fairshare.schema.InequalityIndicators;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.PlaceAllocationsTable;
import org.fairshare.schema.StreamWeightedPopulationTable;
import org.junit.jupiter.api.Test;

/** The report from tiny tables, without Spark: charts present, offline, withheld rows left out. */
class HtmlReportTest {

  private static Row row(StructType schema, Map<String, Object> values) {
    Object[] cells = new Object[schema.size()];
    values.forEach((k, v) -> cells[schema.fieldIndex(k)] = v);
    return new GenericRowWithSchema(cells, schema);
  }

  private static TableFiles.Table table(OutputTable t, List<Map<String, Object>> rows) {
    List<Row> out = new ArrayList<>();
    StructType schema = t.schema();
    if (t.name().equals(EquityAccess.NAME)) {
      schema = schema.add(Disclosure.IS_SUPPRESSED, "boolean");
    }
    for (Map<String, Object> r : rows) {
      out.add(row(schema, r));
    }
    return new TableFiles.Table(t.name(), t.description(), schema, out);
  }

  static List<TableFiles.Table> tables() {
    List<Map<String, Object>> access = new ArrayList<>();
    for (int q = 1; q <= 5; q++) {
      access.add(
          Map.of(
              "geography_level",
              "place",
              "geography_code",
              "P1",
              "breakdown",
              "imd_quintile",
              "group_value",
              "" + q,
              "service",
              "elective",
              "expected",
              100.0 * q,
              "ratio",
              0.8 + 0.05 * q,
              "observed",
              (long) (100 * q),
              "is_suppressed",
              false));
    }
    access.add(
        Map.of(
            "geography_level",
            "place",
            "geography_code",
            "P2",
            "breakdown",
            "imd_quintile",
            "group_value",
            "1",
            "service",
            "elective",
            "expected",
            6.0,
            "is_suppressed",
            true));
    List<Map<String, Object>> deciles = new ArrayList<>();
    for (int d = 1; d <= 10; d++) {
      deciles.add(
          Map.of(
              "geography_level",
              "england",
              "geography_code",
              "E92000001",
              "indicator",
              "premature_mortality_dsr",
              "breakdown",
              "imd_decile",
              "group_value",
              "" + d,
              "value",
              500.0 - 30 * d,
              "lower_ci",
              480.0 - 30 * d,
              "upper_ci",
              520.0 - 30 * d,
              "denominator",
              10_000.0));
    }
    List<Map<String, Object>> steps = new ArrayList<>();
    String[] names = {"baseline", "population_change", "additional_need", "allocation"};
    double[] amounts = {1000, 30, -12, 1018};
    double running = 0;
    for (int i = 0; i < names.length; i++) {
      running = i == names.length - 1 ? running : running + amounts[i];
      steps.add(
          Map.of(
              "place_code",
              "P1",
              "stream",
              "core",
              "step_order",
              i + 1,
              "step",
              names[i],
              "amount_gbp",
              BigDecimal.valueOf(amounts[i]),
              "cumulative_gbp",
              BigDecimal.valueOf(running)));
    }
    return List.of(
        table(
            StreamWeightedPopulationTable.TABLE,
            List.of(
                Map.of(
                    "icb_code",
                    "I1",
                    "place_code",
                    "P1",
                    "stream",
                    "core",
                    "need_index_england",
                    1.12),
                Map.of(
                    "icb_code",
                    "I1",
                    "place_code",
                    "P2",
                    "stream",
                    "core",
                    "need_index_england",
                    0.91))),
        table(
            PlaceAllocationsTable.TABLE,
            List.of(
                Map.of(
                    "place_code",
                    "P1",
                    "stream",
                    "core",
                    "path_year",
                    1,
                    "allocation_gbp",
                    new BigDecimal("1018.00"),
                    "target_gbp",
                    new BigDecimal("1040.00")))),
        table(AllocationWaterfallTable.TABLE, steps),
        table(InequalityIndicators.TABLE, deciles),
        table(EquityAccess.TABLE, access));
  }

  static String report() {
    RunSlices.Run run =
        new RunSlices.Run(
            "r1",
            "2025-26",
            "baseline",
            "succeeded",
            "t0",
            "t1",
            "h",
            "a=1",
            "test",
            List.of(),
            Map.of());
    return HtmlReport.render(
        run,
        Disclosure.Policy.defaults(),
        tables(),
        List.<String[]>of(new String[] {"run id", "r1"}));
  }

  @Test
  void theReportHasAChartForEachKindOfFigure() {
    String html = report();

    assertThat(count(html, "<svg")).isEqualTo(5);
    assertThat(html)
        .contains("Need index against England")
        .contains("Core allocation against target")
        .contains("Waterfall, P1")
        .contains("premature mortality dsr")
        .contains("O/E by place and quintile: elective");
  }

  @Test
  void theReportFetchesNothing() {
    String html = report();

    Matcher external = Pattern.compile("(src|href)\\s*=|@import|url\\(|fetch\\(").matcher(html);
    assertThat(external.find()).isFalse();
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
  }

  @Test
  void withheldRowsAreLeftOutOfTheCharts() {
    String html = report();

    assertThat(html).contains("P1 quintile 1").doesNotContain("P2 quintile 1");
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
