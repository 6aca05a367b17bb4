package org.fairshare.equity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The multiple-comparison adjustments in plain Java, against their definitions. */
class MultipleComparisonsTest {
  private static final double TOLERANCE = 1e-12;

  @Test
  void benjaminiHochbergGivesTheStepUpQValuesInTheOrderGiven() {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), "BH") = 0.025 0.050 0.050 0.025 0.200
    double[] q = MultipleComparisons.BH.adjust(new double[] {0.01, 0.04, 0.03, 0.005, 0.2});
    assertThat(q[0]).isCloseTo(0.025, within(TOLERANCE));
    assertThat(q[1]).isCloseTo(0.05, within(TOLERANCE));
    assertThat(q[2]).isCloseTo(0.05, within(TOLERANCE));
    assertThat(q[3]).isCloseTo(0.025, within(TOLERANCE));
    assertThat(q[4]).isCloseTo(0.2, within(TOLERANCE));
  }

  @Test
  void tiedPValuesShareOneQValue() {
    double[] q = MultipleComparisons.BH.adjust(new double[] {0.02, 0.5, 0.02, 0.02});
    // The three ties rank 1 to 3: each gets min over j >= its rank of m p_(j) / j = 4 x 0.02 / 3.
    assertThat(q[0]).isCloseTo(4 * 0.02 / 3, within(TOLERANCE));
    assertThat(q[2]).isEqualTo(q[0]);
    assertThat(q[3]).isEqualTo(q[0]);
    assertThat(q[1]).isCloseTo(0.5, within(TOLERANCE));
  }

  @Test
  void qValuesNeverFallAsPRisesAndNeverFallBelowP() {
    SplittableRandom random = new SplittableRandom(29);
    for (int trial = 0; trial < 200; trial++) {
      int m = 1 + random.nextInt(300);
      double[] p = new double[m];
      for (int i = 0; i < m; i++) {
        // Small p-values and ties both occur in real runs.
        p[i] = random.nextBoolean() ? Math.pow(random.nextDouble(), 4) : random.nextInt(5) / 4.0;
      }
      double[] q = MultipleComparisons.BH.adjust(p);
      Integer[] order =
          IntStream.range(0, m)
              .boxed()
              .sorted(Comparator.comparingDouble(i -> p[i]))
              .toArray(Integer[]::new);
      for (int k = 0; k < m; k++) {
        int i = order[k];
        assertThat(q[i]).isGreaterThanOrEqualTo(p[i]).isLessThanOrEqualTo(1.0);
        if (k > 0) {
          assertThat(q[i]).isGreaterThanOrEqualTo(q[order[k - 1]]);
        }
        // The definition, directly: min over the p-values at or above this one.
        double want = 1.0;
        for (int j = k; j < m; j++) {
          int rank = j + 1;
          while (rank < m && p[order[rank]] == p[order[j]]) {
            rank++;
          }
          want = Math.min(want, (double) m / rank * p[order[j]]);
        }
        assertThat(q[i]).isCloseTo(want, within(TOLERANCE));
      }
    }
  }

  @Test
  void oneComparisonKeepsItsPValue() {
    for (MultipleComparisons method : MultipleComparisons.values()) {
      assertThat(method.adjust(new double[] {0.03})).as(method.key()).containsExactly(0.03);
    }
    assertThat(MultipleComparisons.BH.adjust(new double[0])).isEmpty();
  }

  @Test
  void bonferroniMultipliesByTheComparisonsCappedAtOne() {
    double[] q = MultipleComparisons.BONFERRONI.adjust(new double[] {0.01, 0.2, 0.0});
    assertThat(q[0]).isCloseTo(0.03, within(TOLERANCE));
    assertThat(q[1]).isCloseTo(0.6, within(TOLERANCE));
    assertThat(q[2]).isZero();
    assertThat(MultipleComparisons.BONFERRONI.adjust(new double[] {0.5, 0.6}))
        .containsExactly(1.0, 1.0);
  }

  @Test
  void noneLeavesThePValues() {
    double[] p = {0.04, 0.001, 0.7};
    assertThat(MultipleComparisons.NONE.adjust(p)).containsExactly(p);
  }

  @Test
  void aPValueOutsideZeroToOneIsRefusedNamingIt() {
    assertThatThrownBy(() -> MultipleComparisons.BH.adjust(new double[] {0.1, Double.NaN}))
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> MultipleComparisons.BH.adjust(new double[] {1.5}))
        .hasMessageContaining("1.5");
  }

  @Test
  void methodsAreNamedByTheirConfigValues() {
    assertThat(Arrays.stream(MultipleComparisons.values()).map(MultipleComparisons::key))
        .containsExactly("bh", "bonferroni", "none");
    assertThat(MultipleComparisons.of("bonferroni")).isEqualTo(MultipleComparisons.BONFERRONI);
    assertThatThrownBy(() -> MultipleComparisons.of("fdr"))
        .hasMessageContaining("'fdr'")
        .hasMessageContaining("[bh, bonferroni, none]");
  }
}
