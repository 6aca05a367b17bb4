package org.fairshare.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG text, drawn here so that the report needs no script library and opens
 * offline: bars against a reference, bars with target marks, waterfalls, decile slope charts and
 * funnel plots.
 */
public final class SvgCharts {
  private SvgCharts() {}

  static final String BLUE = "#005eb8";
  static final String DARK = "#231f20";
  static final String GREY = "#768692";
  static final String LIGHT = "#e8edee";
  static final String GREEN = "#009639";
  static final String RED = "#da291c";
  static final String ORANGE = "#ed8b00";

  private static final int LABEL_WIDTH = 170;

  /** A labelled value. */
  public record Bar(String label, double value) {}

  /** A labelled value with a target to mark against it. */
  public record Target(String label, double value, double target) {}

  /** A step of a waterfall: its change and the running total after it. */
  public record Step(String label, double amount, double cumulative) {}

  /** A group's value and limits; x is its position (e.g. decile 1..10). */
  public record Point(double x, double value, double lower, double upper) {}

  /** A unit's observed/expected ratio and its expected count, for a funnel plot. */
  public record Unit(String label, double expected, double ratio) {}

  /**
   * Returns horizontal bars from {@code reference} (e.g. a need index against 1.0): above it to the
   * right in blue, below it to the left in orange.
   */
  public static String barsFromReference(String title, List<Bar> bars, double reference) {
    int rowH = 18;
    int width = 720;
    int plotW = width - LABEL_WIDTH - 70;
    int height = 40 + rowH * bars.size() + 30;
    double lo = reference;
    double hi = reference;
    for (Bar b : bars) {
      lo = Math.min(lo, b.value());
      hi = Math.max(hi, b.value());
    }
    double pad = Math.max((hi - lo) * 0.08, 1e-9);
    Scale x = new Scale(lo - pad, hi + pad, LABEL_WIDTH, LABEL_WIDTH + plotW);
    StringBuilder s = open(width, height, title);
    double x0 = x.at(reference);
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double y = 36 + i * rowH;
      double xv = x.at(b.value());
      rect(
          s,
          Math.min(x0, xv),
          y,
          Math.max(1, Math.abs(xv - x0)),
          rowH - 4,
          b.value() >= reference ? BLUE : ORANGE,
          b.label() + ": " + fmt(b.value(), 3));
      text(s, LABEL_WIDTH - 6, y + rowH - 7, b.label(), "end", 11, DARK);
      text(s, Math.max(x0, xv) + 4, y + rowH - 7, fmt(b.value(), 3), "start", 10, GREY);
    }
    line(s, x0, 30, x0, 40 + rowH * bars.size(), DARK, 1.5, null);
    axis(s, x, 40 + rowH * bars.size() + 2, 5);
    return s.append("</svg>").toString();
  }

  /** Returns horizontal bars of each value with a black mark at its target. */
  public static String barsWithTargets(String title, List<Target> rows, String unit) {
    int rowH = 18;
    int width = 720;
    int plotW = width - LABEL_WIDTH - 120;
    int height = 58 + rowH * rows.size() + 30;
    double hi = 0;
    for (Target t : rows) {
      hi = Math.max(hi, Math.max(t.value(), t.target()));
    }
    Scale x = new Scale(0, hi * 1.05 + 1e-9, LABEL_WIDTH, LABEL_WIDTH + plotW);
    StringBuilder s = open(width, height, title);
    legend(s, LABEL_WIDTH, 34, BLUE, "allocation");
    legendMark(s, LABEL_WIDTH + 110, 34, "target");
    for (int i = 0; i < rows.size(); i++) {
      Target t = rows.get(i);
      double y = 52 + i * rowH;
      double gap = t.target() == 0 ? 0 : (t.value() - t.target()) / t.target();
      rect(
          s,
          x.at(0),
          y,
          Math.max(1, x.at(t.value()) - x.at(0)),
          rowH - 4,
          BLUE,
          t.label()
              + ": "
              + fmt(t.value(), 0)
              + " "
              + unit
              + " against target "
              + fmt(t.target(), 0));
      line(s, x.at(t.target()), y - 2, x.at(t.target()), y + rowH - 2, DARK, 2.5, null);
      text(s, LABEL_WIDTH - 6, y + rowH - 7, t.label(), "end", 11, DARK);
      text(
          s,
          x.at(Math.max(t.value(), t.target())) + 6,
          y + rowH - 7,
          String.format(Locale.ROOT, "%+.1f%% from target", 100 * gap),
          "start",
          10,
          gap < 0 ? ORANGE : GREY);
    }
    axis(s, x, 56 + rowH * rows.size(), 4);
    return s.append("</svg>").toString();
  }

  /** Returns a waterfall: the first and last steps as totals from zero, the rest as changes. */
  public static String waterfall(String title, List<Step> steps) {
    int width = 720;
    int height = 260;
    int left = 80;
    int top = 34;
    int bottom = height - 70;
    double lo = 0;
    double hi = 0;
    for (Step st : steps) {
      lo = Math.min(lo, Math.min(st.cumulative(), st.cumulative() - st.amount()));
      hi = Math.max(hi, Math.max(st.cumulative(), st.cumulative() - st.amount()));
    }
    // Changes are small against the totals: start the axis near the smallest running total so
    // that they show, and say so with a broken-axis note.
    double minRunning = Double.MAX_VALUE;
    for (int i = 0; i < steps.size(); i++) {
      Step st = steps.get(i);
      minRunning = Math.min(minRunning, st.cumulative());
      if (i > 0 && i < steps.size() - 1) {
        minRunning = Math.min(minRunning, st.cumulative() - st.amount());
      }
    }
    double base = minRunning > 0 ? Math.max(0, minRunning - (hi - minRunning) * 0.6) : lo;
    Scale y = new Scale(base, hi + (hi - base) * 0.05 + 1e-9, bottom, top);
    StringBuilder s = open(width, height, title);
    double slot = (double) (width - left - 10) / Math.max(1, steps.size());
    for (int i = 0; i < steps.size(); i++) {
      Step st = steps.get(i);
      boolean total = i == 0 || i == steps.size() - 1;
      double from = total ? base : st.cumulative() - st.amount();
      double to = st.cumulative();
      String colour = total ? BLUE : st.amount() >= 0 ? GREEN : RED;
      double x = left + i * slot + slot * 0.15;
      rect(
          s,
          x,
          Math.min(y.at(from), y.at(to)),
          slot * 0.7,
          Math.max(1, Math.abs(y.at(to) - y.at(from))),
          colour,
          st.label()
              + ": "
              + fmt(st.amount(), 0)
              + " (running total "
              + fmt(st.cumulative(), 0)
              + ")");
      text(s, x + slot * 0.35, bottom + 14, shortLabel(st.label()), "middle", 9, DARK);
      text(
          s,
          x + slot * 0.35,
          Math.min(y.at(from), y.at(to)) - 3,
          total ? compact(st.cumulative()) : (st.amount() >= 0 ? "+" : "") + compact(st.amount()),
          "middle",
          9,
          GREY);
    }
    yAxis(s, y, left, 4);
    if (base > 0) {
      text(s, left + 2, bottom + 30, "axis starts at " + compact(base), "start", 9, GREY);
    }
    return s.append("</svg>").toString();
  }

  /**
   * Returns a slope chart: each decile's value with its limits (1 = most deprived, left), and the
   * population-weighted least-squares line through them labelled with the published SII.
   */
  public static String slope(
      String title, List<Point> points, double intercept, double slope, String siiLabel) {
    int width = 340;
    int height = 230;
    int left = 56;
    int right = width - 12;
    int top = 34;
    int bottom = height - 40;
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    double xmin = Double.MAX_VALUE;
    double xmax = -Double.MAX_VALUE;
    for (Point p : points) {
      lo = Math.min(lo, finite(p.lower(), p.value()));
      hi = Math.max(hi, finite(p.upper(), p.value()));
      xmin = Math.min(xmin, p.x());
      xmax = Math.max(xmax, p.x());
    }
    if (points.isEmpty()) {
      lo = 0;
      hi = 1;
      xmin = 1;
      xmax = 10;
    }
    double pad = Math.max((hi - lo) * 0.1, 1e-9);
    Scale x = new Scale(xmin - 0.5, xmax + 0.5, left, right);
    Scale y = new Scale(Math.max(0, lo - pad), hi + pad, bottom, top);
    StringBuilder s = open(width, height, title);
    line(
        s,
        x.at(xmin),
        y.at(intercept + slope * xmin),
        x.at(xmax),
        y.at(intercept + slope * xmax),
        RED,
        2,
        null);
    for (Point p : points) {
      if (Double.isFinite(p.lower()) && Double.isFinite(p.upper())) {
        line(s, x.at(p.x()), y.at(p.lower()), x.at(p.x()), y.at(p.upper()), GREY, 1, null);
      }
      circle(
          s,
          x.at(p.x()),
          y.at(p.value()),
          3.5,
          BLUE,
          "decile " + fmt(p.x(), 0) + ": " + fmt(p.value(), 2));
    }
    for (Point p : points) {
      text(s, x.at(p.x()), bottom + 13, fmt(p.x(), 0), "middle", 9, DARK);
    }
    text(s, (left + right) / 2.0, bottom + 26, "IMD decile (1 = most deprived)", "middle", 9, GREY);
    text(s, right, top - 4, siiLabel, "end", 10, RED);
    yAxis(s, y, left, 4);
    return s.append("</svg>").toString();
  }

  /**
   * Returns a funnel plot: each unit's observed/expected ratio against its expected count, with 95%
   * and 99.8% Poisson control limits around 1 (normal approximation, 1 +/- z / sqrt(E)).
   */
  public static String funnel(String title, List<Unit> units) {
    int width = 560;
    int height = 300;
    int left = 56;
    int right = width - 16;
    int top = 34;
    int bottom = height - 40;
    double emin = Double.MAX_VALUE;
    double emax = 0;
    double rmin = 1;
    double rmax = 1;
    for (Unit u : units) {
      emin = Math.min(emin, u.expected());
      emax = Math.max(emax, u.expected());
      rmin = Math.min(rmin, u.ratio());
      rmax = Math.max(rmax, u.ratio());
    }
    if (units.isEmpty()) {
      emin = 1;
      emax = 10;
    }
    emin = Math.max(emin * 0.8, 1e-3);
    emax = emax * 1.1;
    double spread = Math.max(rmax - 1, 1 - rmin);
    spread = Math.max(spread, 3.09 / Math.sqrt(Math.max(emax, 1)) * 1.2) * 1.1;
    spread = Math.min(spread, 3);
    Scale x = new Scale(emin, emax, left, right);
    Scale y = new Scale(Math.max(0, 1 - spread), 1 + spread, bottom, top);
    StringBuilder s = open(width, height, title);
    double[] zs = {1.96, 3.09};
    String[] dash = {"5,3", "2,2"};
    for (int k = 0; k < zs.length; k++) {
      for (int sign = -1; sign <= 1; sign += 2) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i <= 60; i++) {
          double e = emin + (emax - emin) * i / 60.0;
          double r = 1 + sign * zs[k] / Math.sqrt(e);
          r = Math.max(y.lo, Math.min(y.hi, r));
          path.append(i == 0 ? "M" : "L")
              .append(fmt(x.at(e), 1))
              .append(',')
              .append(fmt(y.at(r), 1));
        }
        s.append("<path d=\"")
            .append(path)
            .append("\" fill=\"none\" stroke=\"")
            .append(GREY)
            .append("\" stroke-dasharray=\"")
            .append(dash[k])
            .append("\"/>");
      }
    }
    line(s, left, y.at(1), right, y.at(1), DARK, 1, null);
    for (Unit u : units) {
      double limit = 3.09 / Math.sqrt(Math.max(u.expected(), 1e-9));
      double limit95 = 1.96 / Math.sqrt(Math.max(u.expected(), 1e-9));
      String colour =
          Math.abs(u.ratio() - 1) > limit ? RED : Math.abs(u.ratio() - 1) > limit95 ? ORANGE : BLUE;
      circle(
          s,
          x.at(u.expected()),
          y.at(Math.max(y.lo, Math.min(y.hi, u.ratio()))),
          3.5,
          colour,
          u.label() + ": O/E " + fmt(u.ratio(), 3) + ", expected " + fmt(u.expected(), 1));
    }
    text(s, (left + right) / 2.0, bottom + 28, "expected events", "middle", 9, GREY);
    axis(s, x, bottom, 4);
    yAxis(s, y, left, 4);
    return s.append("</svg>").toString();
  }

  /** Returns text with the five XML special characters escaped. */
  public static String escape(String t) {
    if (t == null) {
      return "";
    }
    return t.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private record Scale(double lo, double hi, double from, double to) {
    double at(double v) {
      return from + (v - lo) / (hi - lo) * (to - from);
    }
  }

  private static StringBuilder open(int width, int height, String title) {
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(escape(title))
        .append("\">");
    s.append("<rect x=\"0\" y=\"0\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" fill=\"#ffffff\"/>");
    text(s, 8, 18, title, "start", 13, DARK);
    return s;
  }

  private static void axis(StringBuilder s, Scale x, double y, int ticks) {
    line(s, x.from, y, x.to, y, GREY, 1, null);
    for (double v : ticks(x.lo, x.hi, ticks)) {
      double px = x.at(v);
      line(s, px, y, px, y + 4, GREY, 1, null);
      text(s, px, y + 15, compact(v), "middle", 9, GREY);
    }
  }

  private static void yAxis(StringBuilder s, Scale y, double x, int ticks) {
    line(s, x, y.from, x, y.to, GREY, 1, null);
    for (double v : ticks(y.lo, y.hi, ticks)) {
      double py = y.at(v);
      line(s, x - 4, py, x, py, GREY, 1, null);
      text(s, x - 6, py + 3, compact(v), "end", 9, GREY);
    }
  }

  private static List<Double> ticks(double lo, double hi, int n) {
    List<Double> out = new ArrayList<>();
    double range = hi - lo;
    if (!(range > 0)) {
      return out;
    }
    double raw = range / n;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = mag * (raw / mag < 2 ? 2 : raw / mag < 5 ? 5 : 10);
    for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-12; v += step) {
      out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
    }
    return out;
  }

  private static void legend(StringBuilder s, double x, double y, String colour, String label) {
    rect(s, x, y - 9, 12, 10, colour, null);
    text(s, x + 16, y, label, "start", 10, DARK);
  }

  private static void legendMark(StringBuilder s, double x, double y, String label) {
    line(s, x + 6, y - 11, x + 6, y + 2, DARK, 2.5, null);
    text(s, x + 14, y, label, "start", 10, DARK);
  }

  private static void rect(
      StringBuilder s, double x, double y, double w, double h, String fill, String tip) {
    s.append("<rect x=\"")
        .append(fmt(x, 1))
        .append("\" y=\"")
        .append(fmt(y, 1))
        .append("\" width=\"")
        .append(fmt(w, 1))
        .append("\" height=\"")
        .append(fmt(h, 1))
        .append("\" fill=\"")
        .append(fill)
        .append("\">");
    if (tip != null) {
      s.append("<title>").append(escape(tip)).append("</title>");
    }
    s.append("</rect>");
  }

  private static void circle(
      StringBuilder s, double cx, double cy, double r, String fill, String tip) {
    s.append("<circle cx=\"")
        .append(fmt(cx, 1))
        .append("\" cy=\"")
        .append(fmt(cy, 1))
        .append("\" r=\"")
        .append(fmt(r, 1))
        .append("\" fill=\"")
        .append(fill)
        .append("\"><title>")
        .append(escape(tip))
        .append("</title></circle>");
  }

  private static void line(
      StringBuilder s,
      double x1,
      double y1,
      double x2,
      double y2,
      String stroke,
      double width,
      String dash) {
    s.append("<line x1=\"")
        .append(fmt(x1, 1))
        .append("\" y1=\"")
        .append(fmt(y1, 1))
        .append("\" x2=\"")
        .append(fmt(x2, 1))
        .append("\" y2=\"")
        .append(fmt(y2, 1))
        .append("\" stroke=\"")
        .append(stroke)
        .append("\" stroke-width=\"")
        .append(width)
        .append('"');
    if (dash != null) {
      s.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    s.append("/>");
  }

  private static void text(
      StringBuilder s, double x, double y, String t, String anchor, int size, String fill) {
    s.append("<text x=\"")
        .append(fmt(x, 1))
        .append("\" y=\"")
        .append(fmt(y, 1))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" font-size=\"")
        .append(size)
        .append("\" fill=\"")
        .append(fill)
        .append("\">")
        .append(escape(t))
        .append("</text>");
  }

  private static String shortLabel(String label) {
    String spaced = label.replace('_', ' ');
    return spaced.length() <= 14 ? spaced : spaced.substring(0, 13) + ".";
  }

  private static double finite(double v, double fallback) {
    return Double.isFinite(v) ? v : fallback;
  }

  /** Returns a number with the given decimals, "." as the decimal point. */
  static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** Returns a short form: 1.2bn, 3.4m, 5.6k, or the number. */
  static String compact(double v) {
    double a = Math.abs(v);
    if (a >= 1e9) {
      return fmt(v / 1e9, 2) + "bn";
    }
    if (a >= 1e6) {
      return fmt(v / 1e6, 1) + "m";
    }
    if (a >= 1e4) {
      return fmt(v / 1e3, 0) + "k";
    }
    if (a >= 100) {
      return fmt(v, 0);
    }
    if (a >= 1) {
      return fmt(v, 2).replaceAll("\\.?0+$", "");
    }
    return fmt(v, 3).replaceAll("\\.?0+$", "").replace("-0", "-0");
  }
}
