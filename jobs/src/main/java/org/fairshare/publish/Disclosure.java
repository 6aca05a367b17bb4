package org.fairshare.publish;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Statistical disclosure control for published outputs: small-number suppression of counts and of
 * every value derived from them, and rounding of the counts that remain.
 */
public final class Disclosure {
  private Disclosure() {}

  /** Adds the flag: true when a row's counts or derived values were withheld. */
  public static final String IS_SUPPRESSED = "is_suppressed";

  /**
   * Suppression and rounding rules.
   *
   * @param suppressFrom smallest count that is suppressed (default 1: zero is published)
   * @param suppressTo largest count that is suppressed (default 7)
   * @param roundTo published counts are rounded to a multiple of this (1 = no rounding)
   */
  public record Policy(long suppressFrom, long suppressTo, long roundTo) {
    public Policy {
      if (suppressFrom > suppressTo || suppressFrom < 0 || roundTo < 1) {
        throw new IllegalArgumentException(
            "disclosure policy needs 0 <= suppressFrom <= suppressTo and roundTo >= 1, got "
                + suppressFrom
                + ".."
                + suppressTo
                + " rounded to "
                + roundTo);
      }
    }

    /** Returns the default: suppress counts 1 to 7 and their derived values, no rounding. */
    public static Policy defaults() {
      return new Policy(1, 7, 1);
    }
  }

  /**
   * Returns the rows with is_suppressed added; where any count column holds a value in [from, to],
   * that row's count and derived columns are set to null. Other counts are rounded half-up to the
   * policy's multiple; derived values are left as computed from the unrounded counts.
   *
   * @param countColumns numeric count columns (numerators, and denominators that are counts of
   *     people)
   * @param derivedColumns values computed from the counts (rates, limits, ratios)
   */
  public static Dataset<Row> withSmallNumberSuppression(
      Dataset<Row> rows, List<String> countColumns, List<String> derivedColumns, Policy policy) {
    Column small = lit(false);
    for (String c : countColumns) {
      Column count = col(c);
      small = small.or(count.geq(policy.suppressFrom()).and(count.leq(policy.suppressTo())));
    }
    // A null count is not small: with `or` a null comparison would make the flag null.
    Dataset<Row> flagged = rows.withColumn(IS_SUPPRESSED, coalesce(small, lit(false)));
    Column suppressed = col(IS_SUPPRESSED);
    for (String c : countColumns) {
      Column shown = rounded(col(c), policy.roundTo());
      flagged = flagged.withColumn(c, when(suppressed.equalTo(false), shown));
    }
    for (String c : derivedColumns) {
      flagged = flagged.withColumn(c, when(suppressed.equalTo(false), col(c)));
    }
    return flagged;
  }

  private static Column rounded(Column count, long multiple) {
    if (multiple == 1) {
      return count;
    }
    // Integer arithmetic keeps the column's type: x + m/2 - ((x + m/2) mod m) rounds half up.
    Column shifted = count.plus(multiple / 2);
    return shifted.minus(pmod(shifted, lit(multiple)));
  }
}
