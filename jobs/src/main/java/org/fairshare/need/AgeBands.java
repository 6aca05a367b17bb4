package org.fairshare.need;

import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.fairshare.schema.Columns;

/** Age banding schemes of the age-sex cost weights. */
public final class AgeBands {
  private AgeBands() {}

  public static final String SINGLE_YEAR = "single_year";
  public static final String FIVE_YEAR = "five_year";

  /**
   * ESP2013's 19 bands (0-4, ..., 85-89, 90+): the same cut points as five-year bands to 90+, named
   * separately so that a run states it follows the standard population.
   */
  public static final String ESP2013 = "esp2013";

  /** Returns the first age of the band holding {@code age} (years; 90 = 90 and over). */
  public static Column bandStart(Column age, String scheme) {
    return switch (scheme) {
      case SINGLE_YEAR -> least(age, lit(Columns.MAX_AGE));
      case FIVE_YEAR, ESP2013 ->
          least(floor(age.divide(5)).multiply(5), lit(Columns.MAX_AGE)).cast("int");
      default -> throw new IllegalArgumentException("unknown age band scheme '" + scheme + "'");
    };
  }

  /** Returns the last age of the band starting at {@code start}; null for the open 90+ band. */
  public static Column bandEnd(Column start, String scheme) {
    Column end =
        switch (scheme) {
          case SINGLE_YEAR -> start;
          case FIVE_YEAR, ESP2013 -> start.plus(4);
          default -> throw new IllegalArgumentException("unknown age band scheme '" + scheme + "'");
        };
    return when(start.geq(Columns.MAX_AGE), lit(null).cast("int")).otherwise(end);
  }
}
