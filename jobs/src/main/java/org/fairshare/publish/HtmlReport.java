package org.fairshare.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.fairshare.publish.RunSlices.Run;
import org.fairshare.publish.SvgCharts.Bar;
import org.fairshare.publish.SvgCharts.Point;
import org.fairshare.publish.SvgCharts.Step;
import org.fairshare.publish.SvgCharts.Target;
import org.fairshare.publish.SvgCharts.Unit;
import org.fairshare.schema.AllocationColumns;
import org.fairshare.schema.AllocationWaterfallTable;
import org.fairshare.schema.EquityAccess;
import org.fairshare.schema.InequalityIndicators;
import org.fairshare.schema.InequalitySummary;
import org.fairshare.schema.PlaceAllocationsTable;
import org.fairshare.schema.StreamWeightedPopulationTable;

/**
 * The publication's HTML report: one self-contained file (inline CSS and SVG, no fetches) with the
 * run's notes and charts of need indices, allocations against targets, the waterfall per place, the
 * slope of each indicator across deprivation deciles and funnel plots of observed against expected
 * use. A few lines of inline script record any page error into the page, for checking.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** Id of the element that lists page errors (empty when the page ran cleanly). */
  public static final String ERRORS_ID = "page-errors";

  private static final String STYLE =
      "body{font-family:Arial,Helvetica,sans-serif;margin:24px;color:#231f20;max-width:1200px}"
          + "h1{color:#005eb8;font-size:24px}h2{color:#005eb8;font-size:19px;margin-top:32px;"
          + "border-bottom:2px solid #e8edee}h3{font-size:14px;margin:16px 0 4px}"
          + "p.note{color:#425563;font-size:13px}.grid{display:flex;flex-wrap:wrap;gap:12px}"
          + "svg.chart{border:1px solid #e8edee;background:#fff}"
          + "table.notes{border-collapse:collapse;font-size:12px}table.notes td{border-top:1px solid"
          + " #e8edee;padding:3px 8px;vertical-align:top}table.notes td.h{font-weight:bold;"
          + "padding-top:12px;color:#005eb8}#page-errors:empty{display:none}"
          + "#page-errors{color:#da291c;white-space:pre-wrap}";

  // Collects errors into the page itself, so that a headless browser's DOM dump shows them.
  private static final String ERROR_COLLECTOR =
      "(function(){var box=null;function note(m){box=box||document.getElementById('"
          + ERRORS_ID
          + "');if(box){box.textContent+=m+'\\n';}}"
          + "window.addEventListener('error',function(e){note('error: '+e.message);});"
          + "window.addEventListener('unhandledrejection',function(e){note('rejection: '+e.reason);});"
          + "var ce=console.error;console.error=function(){note('console: '+Array.prototype.join.call("
          + "arguments,' '));ce.apply(console,arguments);};"
          + "document.addEventListener('DOMContentLoaded',function(){var n=document.querySelectorAll("
          + "'svg.chart').length;document.body.setAttribute('data-charts',String(n));});})();";

  /** Returns the report's HTML. */
  public static String render(
      Run run, Disclosure.Policy policy, List<TableFiles.Table> tables, List<String[]> notes) {
    Map<String, TableFiles.Table> byName = new LinkedHashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>fairshare: ")
        .append(SvgCharts.escape(run.financialYear() + " " + run.scenario()))
        .append("</title><style>")
        .append(STYLE)
        .append("</style><script>")
        .append(ERROR_COLLECTOR)
        .append("</script></head><body>");
    h.append("<h1>fairshare: allocations and inequalities, ")
        .append(SvgCharts.escape(run.financialYear()))
        .append(", scenario ")
        .append(SvgCharts.escape(run.scenario()))
        .append("</h1><pre id=\"")
        .append(ERRORS_ID)
        .append("\"></pre>");
    h.append("<p class=\"note\">Run ")
        .append(SvgCharts.escape(run.runId()))
        .append(", code ")
        .append(SvgCharts.escape(run.codeVersion()))
        .append(". ")
        .append(SvgCharts.escape(PublicationNotes.suppressionRule(policy)))
        .append(" Further figures are withheld where a withheld one could be found by subtraction;")
        .append(" withheld figures are left out of the charts.</p>");

    section(
        h,
        "Need indices by place",
        "Need-weighted population per head against England (1.0"
            + " = England average need), core stream.",
        needIndices(byName));
    section(
        h,
        "Allocations against targets",
        "First-year core allocation after pace of change"
            + " (bar) against the need-based target (mark), GBP.",
        allocations(byName));
    section(
        h,
        "Waterfall per place",
        "From the baseline to the final core allocation: each" + " step's change in GBP.",
        waterfalls(byName));
    section(
        h,
        "Inequality by deprivation decile (England)",
        "Each indicator by national IMD"
            + " decile with its confidence limits; the red line is the population-weighted"
            + " regression whose end-to-end difference is the slope index of inequality (SII).",
        slopes(byName));
    section(
        h,
        "Observed against need-expected use",
        "Funnel plots of observed/expected use per"
            + " place and national IMD quintile, with 95% and 99.8% control limits: points outside"
            + " the limits differ from need-expected use by more than chance.",
        funnels(byName));

    h.append("<h2>Notes</h2><table class=\"notes\">");
    for (String[] n : notes) {
      if (n.length < 2 || n[1] == null) {
        h.append("<tr><td class=\"h\" colspan=\"2\">").append(SvgCharts.escape(n[0]));
      } else {
        h.append("<tr><td>")
            .append(SvgCharts.escape(n[0]))
            .append("</td><td>")
            .append(SvgCharts.escape(n[1]));
      }
      h.append("</td></tr>");
    }
    h.append("</table></body></html>\n");
    return h.toString();
  }

  private static void section(StringBuilder h, String title, String note, List<String> charts) {
    h.append("<h2>").append(SvgCharts.escape(title)).append("</h2><p class=\"note\">");
    h.append(SvgCharts.escape(note)).append("</p><div class=\"grid\">");
    if (charts.isEmpty()) {
      h.append("<p class=\"note\">No published rows for this chart in this run.</p>");
    }
    charts.forEach(h::append);
    h.append("</div>");
  }

  static List<String> needIndices(Map<String, TableFiles.Table> tables) {
    TableFiles.Table t = tables.get(StreamWeightedPopulationTable.TABLE.name());
    if (t == null) {
      return List.of();
    }
    List<Bar> bars = new ArrayList<>();
    for (Row r : t.rows()) {
      if (AllocationColumns.CORE.equals(str(r, StreamWeightedPopulationTable.STREAM))
          && !r.isNullAt(r.fieldIndex(StreamWeightedPopulationTable.NEED_INDEX_ENGLAND))) {
        bars.add(
            new Bar(
                str(r, StreamWeightedPopulationTable.PLACE_CODE)
                    + " ("
                    + str(r, StreamWeightedPopulationTable.ICB_CODE)
                    + ")",
                num(r, StreamWeightedPopulationTable.NEED_INDEX_ENGLAND)));
      }
    }
    bars.sort(Comparator.comparingDouble(Bar::value).reversed());
    return bars.isEmpty()
        ? List.of()
        : List.of(SvgCharts.barsFromReference("Need index against England, core", bars, 1.0));
  }

  static List<String> allocations(Map<String, TableFiles.Table> tables) {
    TableFiles.Table t = tables.get(PlaceAllocationsTable.TABLE.name());
    if (t == null) {
      return List.of();
    }
    List<Target> rows = new ArrayList<>();
    for (Row r : t.rows()) {
      if (AllocationColumns.CORE.equals(str(r, PlaceAllocationsTable.STREAM))
          && num(r, PlaceAllocationsTable.PATH_YEAR) == 1) {
        rows.add(
            new Target(
                str(r, PlaceAllocationsTable.PLACE_CODE),
                num(r, PlaceAllocationsTable.ALLOCATION_GBP),
                num(r, PlaceAllocationsTable.TARGET_GBP)));
      }
    }
    rows.sort(Comparator.comparing(Target::label));
    return rows.isEmpty()
        ? List.of()
        : List.of(SvgCharts.barsWithTargets("Core allocation against target", rows, "GBP"));
  }

  static List<String> waterfalls(Map<String, TableFiles.Table> tables) {
    TableFiles.Table t = tables.get(AllocationWaterfallTable.TABLE.name());
    if (t == null) {
      return List.of();
    }
    Map<String, TreeMap<Double, Step>> byPlace = new TreeMap<>();
    for (Row r : t.rows()) {
      if (AllocationColumns.CORE.equals(str(r, AllocationWaterfallTable.STREAM))) {
        byPlace
            .computeIfAbsent(str(r, AllocationWaterfallTable.PLACE_CODE), k -> new TreeMap<>())
            .put(
                num(r, AllocationWaterfallTable.STEP_ORDER),
                new Step(
                    str(r, AllocationWaterfallTable.STEP),
                    num(r, AllocationWaterfallTable.AMOUNT_GBP),
                    num(r, AllocationWaterfallTable.CUMULATIVE_GBP)));
      }
    }
    List<String> charts = new ArrayList<>();
    byPlace.forEach(
        (place, steps) ->
            charts.add(
                SvgCharts.waterfall(
                    "Waterfall, " + place + ", core", List.copyOf(steps.values()))));
    return charts;
  }

  static List<String> slopes(Map<String, TableFiles.Table> tables) {
    TableFiles.Table t = tables.get(InequalityIndicators.NAME);
    if (t == null) {
      return List.of();
    }
    Map<String, String> sii = new LinkedHashMap<>();
    TableFiles.Table summary = tables.get(InequalitySummary.NAME);
    if (summary != null) {
      for (Row r : summary.rows()) {
        if ("england".equals(str(r, InequalitySummary.GEOGRAPHY_LEVEL))
            && "sii".equals(str(r, InequalitySummary.MEASURE))
            && !r.isNullAt(r.fieldIndex(InequalitySummary.VALUE))) {
          sii.put(
              str(r, InequalitySummary.INDICATOR),
              "SII "
                  + SvgCharts.compact(num(r, InequalitySummary.VALUE))
                  + " ("
                  + SvgCharts.compact(num(r, InequalitySummary.LOWER_CI))
                  + " to "
                  + SvgCharts.compact(num(r, InequalitySummary.UPPER_CI))
                  + ")");
        }
      }
    }
    Map<String, List<double[]>> byIndicator = new TreeMap<>();
    for (Row r : t.rows()) {
      if ("england".equals(str(r, InequalityIndicators.GEOGRAPHY_LEVEL))
          && HierarchyRelations.IMD_DECILE.equals(str(r, InequalityIndicators.BREAKDOWN))
          && !r.isNullAt(r.fieldIndex(InequalityIndicators.VALUE))) {
        double decile;
        try {
          decile = Double.parseDouble(str(r, InequalityIndicators.GROUP_VALUE));
        } catch (NumberFormatException e) {
          continue;
        }
        byIndicator
            .computeIfAbsent(str(r, InequalityIndicators.INDICATOR), k -> new ArrayList<>())
            .add(
                new double[] {
                  decile,
                  num(r, InequalityIndicators.VALUE),
                  num(r, InequalityIndicators.LOWER_CI),
                  num(r, InequalityIndicators.UPPER_CI),
                  r.isNullAt(r.fieldIndex(InequalityIndicators.DENOMINATOR))
                      ? 1
                      : num(r, InequalityIndicators.DENOMINATOR)
                });
      }
    }
    List<String> charts = new ArrayList<>();
    byIndicator.forEach(
        (indicator, rows) -> {
          rows.sort(Comparator.comparingDouble(a -> a[0]));
          double[] fit = weightedLine(rows);
          List<Point> points = rows.stream().map(a -> new Point(a[0], a[1], a[2], a[3])).toList();
          charts.add(
              SvgCharts.slope(
                  indicator.replace('_', ' '),
                  points,
                  fit[0],
                  fit[1],
                  sii.getOrDefault(indicator, "")));
        });
    return charts;
  }

  static List<String> funnels(Map<String, TableFiles.Table> tables) {
    TableFiles.Table t = tables.get(EquityAccess.NAME);
    if (t == null) {
      return List.of();
    }
    Map<String, List<Unit>> byService = new TreeMap<>();
    for (Row r : t.rows()) {
      if (EquityAccess.PLACE.equals(str(r, EquityAccess.GEOGRAPHY_LEVEL))
          && EquityAccess.IMD_QUINTILE.equals(str(r, EquityAccess.BREAKDOWN))
          && !r.isNullAt(r.fieldIndex(EquityAccess.RATIO))
          && num(r, EquityAccess.EXPECTED) > 0) {
        byService
            .computeIfAbsent(str(r, EquityAccess.SERVICE), k -> new ArrayList<>())
            .add(
                new Unit(
                    str(r, EquityAccess.GEOGRAPHY_CODE)
                        + " quintile "
                        + str(r, EquityAccess.GROUP_VALUE),
                    num(r, EquityAccess.EXPECTED),
                    num(r, EquityAccess.RATIO)));
      }
    }
    List<String> charts = new ArrayList<>();
    byService.forEach(
        (service, units) ->
            charts.add(SvgCharts.funnel("O/E by place and quintile: " + service, units)));
    return charts;
  }

  /**
   * Returns {intercept, slope} of the least-squares line of value on decile weighted by the
   * denominator (rows: decile, value, lower, upper, weight).
   */
  static double[] weightedLine(List<double[]> rows) {
    double sw = 0;
    double sx = 0;
    double sy = 0;
    for (double[] a : rows) {
      sw += a[4];
      sx += a[4] * a[0];
      sy += a[4] * a[1];
    }
    if (sw == 0) {
      return new double[] {0, 0};
    }
    double mx = sx / sw;
    double my = sy / sw;
    double sxx = 0;
    double sxy = 0;
    for (double[] a : rows) {
      sxx += a[4] * (a[0] - mx) * (a[0] - mx);
      sxy += a[4] * (a[0] - mx) * (a[1] - my);
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    return new double[] {my - slope * mx, slope};
  }

  private static String str(Row r, String column) {
    Object v = r.get(r.fieldIndex(column));
    return v == null ? null : v.toString();
  }

  private static double num(Row r, String column) {
    Object v = r.get(r.fieldIndex(column));
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }
}
