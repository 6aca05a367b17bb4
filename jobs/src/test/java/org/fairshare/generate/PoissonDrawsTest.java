package org.fairshare.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class PoissonDrawsTest {

  @Property(tries = 50)
  void theSameKeyGivesTheSameDraw(
      @ForAll @DoubleRange(min = 0.01, max = 500.0) double mean, @ForAll long key) {
    assertThat(PoissonDraws.draw(mean, key)).isEqualTo(PoissonDraws.draw(mean, key));
  }

  @Property(tries = 50)
  void drawsAreNeverNegative(
      @ForAll @DoubleRange(min = 0.0, max = 1000.0) double mean, @ForAll long key) {
    assertThat(PoissonDraws.draw(mean, key)).isGreaterThanOrEqualTo(0L);
  }

  @Test
  void aZeroMeanDrawsZero() {
    assertThat(PoissonDraws.draw(0.0, 42L)).isZero();
  }

  @Test
  void smallMeansHaveThePoissonMeanAndVariance() {
    assertMoments(2.5);
  }

  @Test
  void largeMeansHaveThePoissonMeanAndVariance() {
    assertMoments(57.0);
  }

  private static void assertMoments(double mean) {
    int n = 200_000;
    double sum = 0.0;
    double sumSquares = 0.0;
    for (int i = 0; i < n; i++) {
      long k = PoissonDraws.draw(mean, 0x9E3779B97F4A7C15L * (i + 1));
      sum += k;
      sumSquares += (double) k * k;
    }
    double m = sum / n;
    double variance = sumSquares / n - m * m;
    // Five standard errors of the sample mean and (roughly) of the sample variance.
    assertThat(m).isCloseTo(mean, within(5 * Math.sqrt(mean / n)));
    assertThat(variance).isCloseTo(mean, within(5 * mean * Math.sqrt(2.0 / n) + 0.01));
  }

  @Test
  void logGammaMatchesFactorials() {
    assertThat(PoissonDraws.logGamma(1.0)).isEqualTo(0.0);
    assertThat(PoissonDraws.logGamma(5.0)).isCloseTo(Math.log(24.0), within(1e-12));
    assertThat(PoissonDraws.logGamma(21.0)).isCloseTo(42.335616460753485, within(1e-9));
  }
}
