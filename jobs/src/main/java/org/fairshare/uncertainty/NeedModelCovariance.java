package org.fairshare.uncertainty;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.need.NeedModel;

/**
 * The covariance of a fitted log-link GLM's coefficients: {@code dispersion x (X'WX)^-1} with the
 * IRLS working weights at convergence, the matrix Spark's summary takes its standard errors from
 * (Spark gives the standard errors only, not the covariances the draws need).
 */
public final class NeedModelCovariance {
  private NeedModelCovariance() {}

  /**
   * Returns the IRLS working weight of a log-link model at the fitted mean: {@code mu} for Poisson,
   * {@code mu^(2 - p)} for Tweedie with variance power p.
   */
  public static Column workingWeight(Column fitted, String family, double variancePower) {
    return NeedModel.TWEEDIE.equals(family) ? pow(fitted, lit(2.0 - variancePower)) : fitted;
  }

  /**
   * Returns per group (e.g. service) the covariance matrix of (b_1 .. b_p, intercept), terms in the
   * order of {@code variables} then the intercept; null for a group whose X'WX is not positive
   * definite (collinear variables). Collects one row of p(p+1)/2 sums per group.
   *
   * @param frame rows the models were fitted on, with the group column and the variables
   * @param weight working weight of each row (see {@link #workingWeight})
   * @param dispersion each group's dispersion (1 for Poisson)
   */
  public static Map<String, double[][]> covariances(
      Dataset<Row> frame,
      String groupColumn,
      List<String> variables,
      Column weight,
      Map<String, Double> dispersion) {
    int p = variables.size() + 1;
    List<Column> x = new ArrayList<>();
    variables.forEach(v -> x.add(col(v).cast("double")));
    x.add(lit(1.0));
    List<Column> sums = new ArrayList<>();
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        sums.add(sum(weight.multiply(x.get(i)).multiply(x.get(j))));
      }
    }
    List<Row> rows =
        frame
            .groupBy(col(groupColumn).cast("string"))
            .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new))
            .collectAsList();
    Map<String, double[][]> out = new TreeMap<>();
    for (Row r : rows) {
      double[][] info = new double[p][p];
      int k = 1;
      for (int i = 0; i < p; i++) {
        for (int j = 0; j <= i; j++) {
          double v = r.isNullAt(k) ? 0.0 : r.getDouble(k);
          info[i][j] = v;
          info[j][i] = v;
          k++;
        }
      }
      String group = r.getString(0);
      double[][] inv;
      try {
        inv = inverse(info);
      } catch (IllegalArgumentException e) {
        out.put(group, null);
        continue;
      }
      double phi = dispersion.getOrDefault(group, 1.0);
      for (double[] row : inv) {
        for (int j = 0; j < p; j++) {
          row[j] *= phi;
        }
      }
      out.put(group, inv);
    }
    return out;
  }

  /**
   * Returns the lower-triangular L with L L' = a.
   *
   * @throws IllegalArgumentException when a is not symmetric positive definite
   */
  public static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int m = 0; m < j; m++) {
          s -= l[i][m] * l[j][m];
        }
        if (i == j) {
          if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("matrix is not positive definite (term " + i + ")");
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  /** Returns the inverse of a symmetric positive definite matrix, through its Cholesky factor. */
  static double[][] inverse(double[][] a) {
    int n = a.length;
    double[][] l = cholesky(a);
    double[][] inv = new double[n][n];
    for (int c = 0; c < n; c++) {
      // Solve L y = e_c, then L' x = y.
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        double s = i == c ? 1.0 : 0.0;
        for (int m = 0; m < i; m++) {
          s -= l[i][m] * y[m];
        }
        y[i] = s / l[i][i];
      }
      for (int i = n - 1; i >= 0; i--) {
        double s = y[i];
        for (int m = i + 1; m < n; m++) {
          s -= l[m][i] * inv[m][c];
        }
        inv[i][c] = s / l[i][i];
      }
    }
    return inv;
  }
}
