package org.fairshare.inequality;

import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * Pseudo-random draws as pure functions of a seed and the row's key (group, quantile, repetition):
 * the same draws whatever the partitioning or re-execution, unlike Spark's {@code randn}, which
 * seeds per partition. Uniforms come from 53 bits of {@code xxhash64}; normals from Box-Muller.
 */
public final class SeededNormal {
  private SeededNormal() {}

  private static final double TWO_TO_53 = 9007199254740992.0;

  /** Returns a uniform draw in (0, 1) for the seed, stream and key. */
  public static Column uniform(long seed, int stream, List<Column> key) {
    List<Column> parts = new ArrayList<>();
    parts.add(lit(seed));
    parts.add(lit(stream));
    parts.addAll(key);
    Column bits = shiftrightunsigned(xxhash64(parts.toArray(Column[]::new)), 11);
    return bits.cast("double").plus(0.5).divide(TWO_TO_53);
  }

  /** Returns a standard normal draw for the seed, stream pair and key (Box-Muller). */
  public static Column standardNormal(long seed, int stream, List<Column> key) {
    Column u1 = uniform(seed, 2 * stream, key);
    Column u2 = uniform(seed, 2 * stream + 1, key);
    return sqrt(log(u1).multiply(-2.0)).multiply(cos(u2.multiply(2 * Math.PI)));
  }
}
