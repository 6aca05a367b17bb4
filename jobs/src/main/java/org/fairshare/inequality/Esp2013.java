package org.fairshare.inequality;

import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The European Standard Population 2013 (Eurostat), in the 19 five-year bands PHE uses: 0-4 ...
 * 85-89, 90+; total 100,000.
 */
public final class Esp2013 {
  private Esp2013() {}

  /** Start ages of the 19 bands: 0, 5, ..., 90 (90 means 90 and over). */
  public static final List<Integer> BAND_START_AGES =
      List.of(0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90);

  /** Standard population of each band, in the order of {@link #BAND_START_AGES}. */
  public static final List<Double> WEIGHTS =
      List.of(
          5000.0, 5500.0, 5500.0, 5500.0, 6000.0, 6000.0, 6500.0, 7000.0, 7000.0, 7000.0, 7000.0,
          6500.0, 6000.0, 5500.0, 5000.0, 4000.0, 2500.0, 1500.0, 1000.0);

  /**
   * Returns the ESP2013 standard population of the band starting at the given age (0, 5, ..., 90);
   * null for any other value.
   */
  public static Column weight(Column bandStartAge) {
    List<Column> entries = new ArrayList<>();
    for (int i = 0; i < BAND_START_AGES.size(); i++) {
      entries.add(lit(BAND_START_AGES.get(i)));
      entries.add(lit(WEIGHTS.get(i)));
    }
    return element_at(map(entries.toArray(Column[]::new)), bandStartAge.cast("int"));
  }

  /** Returns the start age (0, 5, ..., 90) of the five-year band holding a single year of age. */
  public static Column bandStartAge(Column age) {
    Column capped = org.apache.spark.sql.functions.least(age.cast("int"), lit(90));
    return capped.minus(capped.mod(5));
  }
}
