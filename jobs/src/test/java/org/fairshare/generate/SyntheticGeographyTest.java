package org.fairshare.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticGeographyTest {

  private static SyntheticGeography defaultRun() {
    return SyntheticGeography.build(3_000, new SplittableRandom(1L));
  }

  @Test
  void theDefaultRunHasAtLeastFourIcbsOfThreePlacesEach() {
    SyntheticGeography geo = defaultRun();
    int[] placesPerIcb = new int[geo.icbs()];
    for (int l = 0; l < geo.las(); l++) {
      placesPerIcb[geo.laIcb(l)]++;
    }
    assertThat(geo.icbs()).isGreaterThanOrEqualTo(4);
    assertThat(java.util.Arrays.stream(placesPerIcb).min().orElseThrow()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void englandScaleHasEnglandsCounts() {
    SyntheticGeography geo = SyntheticGeography.build(33_755, new SplittableRandom(1L));
    assertThat(geo.regions()).isEqualTo(7);
    assertThat(geo.icbs()).isEqualTo(42);
    assertThat(geo.subIcbs()).isEqualTo(106);
    assertThat(geo.las()).isEqualTo(300);
    assertThat(geo.msoas()).isEqualTo(6_800);
    assertThat(geo.practices()).isBetween(6_300, 6_500);
    assertThat(geo.pcns()).isBetween(1_100, 1_400);
  }

  @Test
  void everyPracticeServesAnAreaOfItsOwnSubIcb() {
    SyntheticGeography geo = defaultRun();
    Set<Integer> serving = new HashSet<>();
    for (int i = 0; i < geo.registrationArea.length; i++) {
      int practice = geo.registrationPractice[i];
      assertThat(geo.practiceSubIcb(practice)).isEqualTo(geo.areaSubIcb(geo.registrationArea[i]));
      serving.add(practice);
    }
    assertThat(serving).hasSize(geo.practices());
  }

  @Test
  void eachAreaRegistersWithOneToThreePracticesWhoseSharesAddToOne() {
    SyntheticGeography geo = defaultRun();
    Map<Integer, Double> shares = new HashMap<>();
    Map<Integer, Integer> practices = new HashMap<>();
    for (int i = 0; i < geo.registrationArea.length; i++) {
      shares.merge(geo.registrationArea[i], geo.registrationShare[i], Double::sum);
      practices.merge(geo.registrationArea[i], 1, Integer::sum);
    }
    assertThat(shares).hasSize(geo.areas);
    assertThat(shares.values()).allMatch(s -> Math.abs(s - 1.0) < 1e-12);
    assertThat(practices.values()).allMatch(n -> n >= 1 && n <= 3);
  }

  @Test
  void splitGivesEachPartItsMinimumAndUsesTheWholeTotal() {
    int[] parts =
        SyntheticGeography.split(
            100, new int[] {1, 5, 1}, new double[] {1.0, 1.0, 10.0}, new SplittableRandom(3L));
    assertThat(parts[0] + parts[1] + parts[2]).isEqualTo(100);
    assertThat(parts[1]).isGreaterThanOrEqualTo(5);
    assertThat(parts[2]).isGreaterThan(parts[0]);
  }

  @Test
  void codesAreVisiblySynthetic() {
    assertThat(SyntheticGeography.areaCode(0)).isEqualTo("XA21000001");
    assertThat(SyntheticGeography.msoaCode(11)).isEqualTo("XM21000012");
    assertThat(SyntheticGeography.laCode(11)).isEqualTo("XL000012");
    assertThat(SyntheticGeography.subIcbCode(0)).isEqualTo("XS00001");
    assertThat(SyntheticGeography.icbCode(0)).isEqualTo("XQ0001");
    assertThat(SyntheticGeography.regionCode(0)).isEqualTo("XR01");
    assertThat(SyntheticGeography.practiceCode(0)).isEqualTo("XP00001");
    assertThat(SyntheticGeography.pcnCode(0)).isEqualTo("XN00001");
    assertThat(SyntheticGeography.laName(11)).isEqualTo("Synthetic Place 012");
  }
}
