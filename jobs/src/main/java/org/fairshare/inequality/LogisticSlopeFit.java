package org.fairshare.inequality;

import java.util.Arrays;
import java.util.Comparator;

/**
 * WHO HEAT's slope and relative indices of inequality for one setting: a logistic model of the
 * subgroup proportions on their mid-point ranks, fitted by iteratively reweighted least squares,
 * with the HC1 sandwich covariance and delta-method standard errors (healthequal 1.0.1 {@code sii}
 * and {@code rii} on disaggregated data). A handful of subgroups per setting, so plain Java.
 *
 * <p>As healthequal: the population is rounded up ({@code ceiling}), events are {@code
 * round(estimate / scale x population)} (half to even), the model is {@code glm(cbind(events,
 * population - events) ~ rank, weights = population, quasibinomial)}, so each subgroup weighs
 * population squared; subgroups sharing an order share one mid-point rank.
 */
public final class LogisticSlopeFit {
  private LogisticSlopeFit() {}

  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-13;

  /**
   * The fit of one setting.
   *
   * @param sii p(1) - p(0) on the indicator scale (x scale)
   * @param siiSe its standard error on the indicator scale
   * @param rii p(1) / p(0)
   * @param logRiiSe standard error of ln(RII)
   */
  public record Result(double sii, double siiSe, double rii, double logRiiSe) {}

  /**
   * Returns the fit, or null where HEAT gives none: fewer than 3 subgroups, all estimates equal, a
   * missing value, a population of 0 in total, estimates outside [0, scale] (events outside [0,
   * population]), or a fit that does not converge.
   *
   * @param order subgroup order, 1 = most disadvantaged
   * @param population subgroup population
   * @param estimate subgroup estimate on the indicator scale
   * @param scale indicator scale (100 for percentages)
   */
  public static Result fit(double[] order, double[] population, double[] estimate, double scale) {
    int k = order.length;
    if (k < 3 || population.length != k || estimate.length != k) {
      return null;
    }
    Integer[] byOrder = new Integer[k];
    double[] n = new double[k];
    double[] y = new double[k];
    double total = 0;
    for (int j = 0; j < k; j++) {
      if (Double.isNaN(order[j]) || Double.isNaN(population[j]) || Double.isNaN(estimate[j])) {
        return null;
      }
      byOrder[j] = j;
      n[j] = Math.ceil(population[j]);
      double events = Math.rint(estimate[j] / scale * n[j]);
      if (events < 0 || events > n[j]) {
        return null;
      }
      y[j] = n[j] == 0 ? 0 : events / n[j];
      total += n[j];
    }
    if (total <= 0 || Arrays.stream(estimate).distinct().count() == 1) {
      return null;
    }
    double[] rank = midpointRanks(order, n, total, byOrder);
    double[] w = new double[k];
    for (int j = 0; j < k; j++) {
      w[j] = n[j] * n[j];
    }
    double[] beta = irls(rank, y, w);
    if (beta == null) {
      return null;
    }
    double[][] v = hc1(rank, y, w, beta);
    double p0 = expit(beta[0]);
    double p1 = expit(beta[0] + beta[1]);
    double d0 = p0 * (1 - p0);
    double d1 = p1 * (1 - p1);
    double siiSe = Math.sqrt(quadratic(v, d1 - d0, d1));
    double logRiiSe = Math.sqrt(quadratic(v, (1 - p1) - (1 - p0), 1 - p1));
    return new Result((p1 - p0) * scale, siiSe * scale, p1 / p0, logRiiSe);
  }

  /**
   * Returns each subgroup's (population before its order + half its order's population) / total.
   */
  private static double[] midpointRanks(
      double[] order, double[] n, double total, Integer[] byOrder) {
    Arrays.sort(byOrder, Comparator.comparingDouble(j -> order[j]));
    double[] rank = new double[order.length];
    double before = 0;
    int i = 0;
    while (i < byOrder.length) {
      int end = i;
      double block = 0;
      while (end < byOrder.length && order[byOrder[end]] == order[byOrder[i]]) {
        block += n[byOrder[end]];
        end++;
      }
      for (int t = i; t < end; t++) {
        rank[byOrder[t]] = (before + block / 2) / total;
      }
      before += block;
      i = end;
    }
    return rank;
  }

  /** Returns (intercept, slope) of the weighted logistic fit, or null if it does not converge. */
  private static double[] irls(double[] x, double[] y, double[] w) {
    double a = 0;
    double b = 0;
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double t0 = 0;
      double t1 = 0;
      for (int j = 0; j < x.length; j++) {
        double eta = a + b * x[j];
        double mu = expit(eta);
        double var = mu * (1 - mu);
        double ww = w[j] * var;
        double z = eta + (y[j] - mu) / var;
        s0 += ww;
        s1 += ww * x[j];
        s2 += ww * x[j] * x[j];
        t0 += ww * z;
        t1 += ww * x[j] * z;
      }
      double det = s0 * s2 - s1 * s1;
      if (!(det > 0)) {
        return null;
      }
      double na = (s2 * t0 - s1 * t1) / det;
      double nb = (s0 * t1 - s1 * t0) / det;
      boolean done =
          Math.abs(na - a) + Math.abs(nb - b) < TOLERANCE * (1 + Math.abs(na) + Math.abs(nb));
      a = na;
      b = nb;
      if (!Double.isFinite(a) || !Double.isFinite(b)) {
        return null;
      }
      if (done) {
        return new double[] {a, b};
      }
    }
    return null;
  }

  /**
   * Returns the HC1 sandwich covariance of (intercept, slope): k / (k - 2) x A M A, with A the
   * inverse Fisher information and M the sum of the squared scores w (y - mu) x x'.
   */
  private static double[][] hc1(double[] x, double[] y, double[] w, double[] beta) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double m00 = 0;
    double m01 = 0;
    double m11 = 0;
    for (int j = 0; j < x.length; j++) {
      double mu = expit(beta[0] + beta[1] * x[j]);
      double ww = w[j] * mu * (1 - mu);
      s0 += ww;
      s1 += ww * x[j];
      s2 += ww * x[j] * x[j];
      double u = w[j] * (y[j] - mu);
      m00 += u * u;
      m01 += u * u * x[j];
      m11 += u * u * x[j] * x[j];
    }
    double det = s0 * s2 - s1 * s1;
    double[][] inv = {{s2 / det, -s1 / det}, {-s1 / det, s0 / det}};
    double[][] m = {{m00, m01}, {m01, m11}};
    double[][] v = multiply(multiply(inv, m), inv);
    double factor = x.length / (x.length - 2.0);
    for (double[] row : v) {
      for (int c = 0; c < row.length; c++) {
        row[c] *= factor;
      }
    }
    return v;
  }

  private static double[][] multiply(double[][] p, double[][] q) {
    double[][] r = new double[2][2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        r[i][j] = p[i][0] * q[0][j] + p[i][1] * q[1][j];
      }
    }
    return r;
  }

  private static double quadratic(double[][] v, double g0, double g1) {
    return g0 * g0 * v[0][0] + 2 * g0 * g1 * v[0][1] + g1 * g1 * v[1][1];
  }

  private static double expit(double eta) {
    return 1 / (1 + Math.exp(-eta));
  }
}
