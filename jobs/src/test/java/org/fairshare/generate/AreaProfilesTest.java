package org.fairshare.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AreaProfilesTest {

  private static final SplittableRandom ROOT = new SplittableRandom(5L);
  private static final SyntheticGeography GEO = SyntheticGeography.build(3_000, ROOT.split());
  private static final AreaProfiles PROFILES = AreaProfiles.build(GEO, ROOT.split());

  @Test
  void decilesHoldEqualCountsAndRankOneIsTheHighestScore() {
    int[] counts = new int[11];
    for (int a = 0; a < PROFILES.n; a++) {
      counts[PROFILES.imdDecile[a]]++;
      if (PROFILES.imdRank[a] == 1) {
        for (double score : PROFILES.imdScore) {
          assertThat(score).isLessThanOrEqualTo(PROFILES.imdScore[a]);
        }
      }
    }
    for (int d = 1; d <= 10; d++) {
      assertThat(counts[d]).isEqualTo(300);
    }
  }

  @Test
  void imdScoreIsTheWeightedSumOfTheDomainScores() {
    for (int a = 0; a < PROFILES.n; a++) {
      double weighted = 0.0;
      for (int k = 0; k < AreaProfiles.DOMAIN_WEIGHTS.length; k++) {
        weighted += AreaProfiles.DOMAIN_WEIGHTS[k] * PROFILES.domainScores[k][a];
      }
      assertThat(PROFILES.imdScore[a]).isCloseTo(weighted, within(0.0006));
    }
  }

  @Test
  void deprivationZIsTheStandardisedImdScore() {
    double mean = 0.0;
    double squares = 0.0;
    for (double z : PROFILES.deprivationZ) {
      mean += z / PROFILES.n;
      squares += z * z / PROFILES.n;
    }
    assertThat(mean).isCloseTo(0.0, within(1e-9));
    assertThat(squares).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void deprivedAreasHaveFewerGps() {
    assertThat(correlation(PROFILES.deprivationZ, PROFILES.supplyZ)).isLessThan(-0.5);
  }

  @Test
  void theDefaultRunPlantsUnderuseInAtLeastTwoPlaces() {
    assertThat(PROFILES.underusePlaces.length).isGreaterThanOrEqualTo(2);
  }

  @Test
  void underuseAppliesOnlyToTheMostDeprivedQuintileOfPlantedPlaces() {
    int flagged = 0;
    for (int a = 0; a < PROFILES.n; a++) {
      if (PROFILES.isUnderuseArea[a]) {
        flagged++;
        assertThat(PROFILES.imdDecile[a]).isLessThanOrEqualTo(2);
        assertThat(PROFILES.underusePlaces).contains(GEO.areaLa(a));
      }
    }
    assertThat(flagged).isPositive();
  }

  private static double correlation(double[] x, double[] y) {
    double[] zx = AreaProfiles.standardised(x);
    double[] zy = AreaProfiles.standardised(y);
    double sum = 0.0;
    for (int i = 0; i < zx.length; i++) {
      sum += zx[i] * zy[i];
    }
    return sum / zx.length;
  }
}
