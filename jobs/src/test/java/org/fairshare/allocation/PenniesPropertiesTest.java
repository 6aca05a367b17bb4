package org.fairshare.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PenniesPropertiesTest {

  static String[] keys(int n) {
    String[] k = new String[n];
    Arrays.setAll(k, i -> String.format("P%03d", i));
    return k;
  }

  static double[] toArray(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Property(tries = 500)
  void sharesAddUpToTheTotalToThePenny(
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long total,
      @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0.01, max = 1e7) Double> weights) {
    long[] shares = Pennies.shareByWeight(total, toArray(weights), keys(weights.size()));
    assertThat(Arrays.stream(shares).sum()).isEqualTo(total);
  }

  @Property(tries = 500)
  void eachShareIsWithinAPennyOfItsExactShare(
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long total,
      @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0.01, max = 1e7) Double> weights) {
    double[] w = toArray(weights);
    long[] shares = Pennies.shareByWeight(total, w, keys(w.length));
    double sum = Arrays.stream(w).sum();
    for (int i = 0; i < w.length; i++) {
      assertThat((double) shares[i])
          .isCloseTo(total * w[i] / sum, org.assertj.core.data.Offset.offset(1.0 + total * 1e-12));
    }
  }

  @Property(tries = 500)
  void moreNeedNeverYieldsASmallerTarget(
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long total,
      @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0.01, max = 1e7) Double> weights,
      @ForAll @IntRange(min = 0, max = 11) int which,
      @ForAll @DoubleRange(min = 1.0, max = 3.0) double factor) {
    double[] w = toArray(weights);
    int i = which % w.length;
    long before = Targets.shares(total, w, keys(w.length))[i];
    w[i] *= factor;
    long after = Targets.shares(total, w, keys(w.length))[i];
    assertThat(after).isGreaterThanOrEqualTo(before);
  }

  @Test
  void tiedRemaindersGoToTheSmallerKey() {
    long[] shares = Pennies.shareByWeight(1, new double[] {1, 1}, new String[] {"B", "A"});
    assertThat(shares).containsExactly(0, 1);
  }

  @Test
  void sharingAmongZeroWeightsIsRefused() {
    assertThatThrownBy(() -> Pennies.shareByWeight(5, new double[] {0, 0}, keys(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("every weight is zero");
  }

  @Test
  void penniesRoundTripThroughGbp() {
    assertThat(Pennies.gbp(Pennies.of(new BigDecimal("1234.56")))).isEqualByComparingTo("1234.56");
  }
}
