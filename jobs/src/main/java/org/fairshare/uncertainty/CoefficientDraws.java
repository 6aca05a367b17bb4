package org.fairshare.uncertainty;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairshare.inequality.SeededNormal;

/**
 * Draws of the need model's coefficients from their estimated multivariate normal distribution, as
 * a DataFrame with one row per service and draw: each draw's standard normals are seeded hashes of
 * (seed, term, service, draw), so the draws are the same whatever the partitioning.
 */
public final class CoefficientDraws {
  private CoefficientDraws() {}

  /** Column of the draw number, 1..n. */
  public static final String DRAW = "draw";

  /**
   * One service's fitted model: point estimates and the lower Cholesky factor of their covariance,
   * terms in the model's order (variables, then the intercept).
   */
  public record ServiceModel(String service, double[] estimate, double[][] cholesky) {}

  /** Returns the name of the column holding term i's draw minus its estimate. */
  public static String delta(int term) {
    return "delta_" + term;
  }

  /** Returns the name of the column holding term i's point estimate. */
  public static String estimate(int term) {
    return "estimate_" + term;
  }

  /**
   * Returns service, draw, estimate_i and delta_i for each term i: {@code delta = L z}, z standard
   * normal, so that delta ~ N(0, L L').
   *
   * @param terms number of terms of every model (variables plus intercept)
   */
  public static Dataset<Row> draws(
      SparkSession spark, List<ServiceModel> models, int terms, int n, long seed) {
    Dataset<Row> out = null;
    for (ServiceModel m : models) {
      List<Column> key = List.of(lit(m.service()), col(DRAW));
      Column[] z = new Column[terms];
      for (int i = 0; i < terms; i++) {
        z[i] = SeededNormal.standardNormal(seed, i, key);
      }
      List<Column> cols = new ArrayList<>();
      cols.add(lit(m.service()).as("service"));
      cols.add(col(DRAW));
      for (int i = 0; i < terms; i++) {
        cols.add(lit(m.estimate()[i]).as(estimate(i)));
        Column d = lit(0.0);
        for (int j = 0; j <= i; j++) {
          if (m.cholesky()[i][j] != 0.0) {
            d = d.plus(z[j].multiply(m.cholesky()[i][j]));
          }
        }
        cols.add(d.as(delta(i)));
      }
      Dataset<Row> one =
          spark
              .range(1, n + 1L)
              .select(col("id").cast("int").as(DRAW))
              .select(cols.toArray(Column[]::new));
      out = out == null ? one : out.unionByName(one);
    }
    return out;
  }

  /**
   * Returns the Cholesky factor of the covariance, or when that is not positive definite a diagonal
   * one from the standard errors (correlations assumed zero; a missing error counts as zero, i.e.
   * that coefficient is held fixed).
   */
  public static double[][] factorOrDiagonal(double[][] covariance, Double[] standardErrors) {
    if (covariance != null) {
      try {
        return NeedModelCovariance.cholesky(covariance);
      } catch (IllegalArgumentException e) {
        // fall through to the diagonal
      }
    }
    int p = standardErrors.length;
    double[][] l = new double[p][p];
    for (int i = 0; i < p; i++) {
      l[i][i] = standardErrors[i] == null ? 0.0 : standardErrors[i];
    }
    return l;
  }
}
