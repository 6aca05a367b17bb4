package org.fairshare.equity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How the p-values of the place x service findings of one run are adjusted for being judged
 * together: about 200 pairs at 5% each flag about 10 by chance alone.
 */
public enum MultipleComparisons {
  /**
   * Benjamini and Hochberg (1995) q-values: the expected share of chance findings among those with
   * q below alpha is at most alpha (independent or positively dependent tests).
   */
  BH("bh", "Benjamini-Hochberg control of the false discovery rate", "q"),
  /** Bonferroni: the chance of any chance finding among those below alpha is at most alpha. */
  BONFERRONI("bonferroni", "Bonferroni control of the family-wise error", "adjusted p"),
  /** No adjustment: the q-value is the p-value. */
  NONE("none", "no multiple-comparison control", "p");

  private final String key;
  private final String description;
  private final String symbol;

  MultipleComparisons(String key, String description, String symbol) {
    this.key = key;
    this.description = description;
    this.symbol = symbol;
  }

  /** Returns the method's value of {@code equity.multiple_comparisons}. */
  public String key() {
    return key;
  }

  /** Returns the method in words, e.g. "Benjamini-Hochberg control of the false discovery rate". */
  public String description() {
    return description;
  }

  /** Returns what the adjusted value is called in a sentence: "q", "adjusted p" or "p". */
  public String symbol() {
    return symbol;
  }

  /**
   * Returns the method named by a value of {@code equity.multiple_comparisons}.
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static MultipleComparisons of(String key) {
    return Arrays.stream(values())
        .filter(m -> m.key.equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown multiple-comparison method '"
                        + key
                        + "': use one of "
                        + Arrays.stream(values()).map(MultipleComparisons::key).toList()));
  }

  /**
   * Returns the adjusted p-values (q-values), in the order of the p-values given: BH's step-up
   * q_(i) = min over j >= i of min(1, m p_(j) / j) over the p-values sorted ascending, so tied
   * p-values share a q-value and q never falls as p rises; Bonferroni's min(1, m p); or p itself.
   *
   * @param p two-sided p-values in [0, 1], one per comparison of the family (m = p.length)
   */
  public double[] adjust(double[] p) {
    for (double v : p) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException("a p-value must be in [0, 1], got " + v);
      }
    }
    int m = p.length;
    return switch (this) {
      case NONE -> p.clone();
      case BONFERRONI -> Arrays.stream(p).map(v -> Math.min(1.0, m * v)).toArray();
      case BH -> benjaminiHochberg(p);
    };
  }

  private static double[] benjaminiHochberg(double[] p) {
    int m = p.length;
    Integer[] order =
        IntStream.range(0, m)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> p[i]))
            .toArray(Integer[]::new);
    double[] q = new double[m];
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      // m / rank first, as R's p.adjust: at rank m the factor is exactly 1, so q is never below p.
      running = Math.min(running, (double) m / rank * p[i]);
      q[i] = running;
    }
    return q;
  }
}
