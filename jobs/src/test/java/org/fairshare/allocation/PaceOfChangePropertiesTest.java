package org.fairshare.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fairshare.allocation.PaceOfChange.Bounds;
import org.fairshare.allocation.PaceOfChange.Outcome;
import org.fairshare.allocation.PaceOfChange.Parameters;
import org.junit.jupiter.api.Test;

class PaceOfChangePropertiesTest {

  /** One ICB: baselines, need-weighted populations, envelope growth and convergence settings. */
  record Case(long[] baseline, double[] need, double envelopeGrowth, Parameters parameters) {
    String[] keys() {
      return PenniesPropertiesTest.keys(baseline.length);
    }

    long envelope() {
      return Math.round(Arrays.stream(baseline).sum() * (1 + envelopeGrowth));
    }

    long[] target() {
      return Targets.shares(envelope(), need, keys());
    }

    Outcome outcome() {
      return PaceOfChange.converge(keys(), baseline, target(), envelope(), parameters);
    }

    double growth() {
      return (double) envelope() / Arrays.stream(baseline).sum() - 1;
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<long[]> baselines =
        Arbitraries.longs()
            .between(1_000_00L, 100_000_000_000L)
            .list()
            .ofMinSize(1)
            .ofMaxSize(8)
            .map(l -> l.stream().mapToLong(Long::longValue).toArray());
    Arbitrary<Parameters> params =
        Combinators.combine(
                Arbitraries.doubles().between(-0.02, 0.05),
                Arbitraries.doubles().between(0.0, 0.1),
                Arbitraries.doubles().between(0.0, 0.1),
                Arbitraries.doubles().between(-0.05, 0.02),
                Arbitraries.doubles().between(0.0, 0.2),
                Arbitraries.doubles().between(0.0, 1.0))
            .as(
                (f, ts, width, above, under, lambda) ->
                    new Parameters(f, ts, ts + width, above, under, lambda));
    return baselines.flatMap(
        b ->
            Combinators.combine(
                    Arbitraries.doubles()
                        .between(0.3, 3.0)
                        .list()
                        .ofSize(b.length)
                        .map(PenniesPropertiesTest::toArray),
                    Arbitraries.doubles().between(-0.03, 0.12),
                    params)
                .as(
                    (need, g, p) -> {
                      double[] weighted = new double[b.length];
                      for (int i = 0; i < b.length; i++) {
                        weighted[i] = b[i] * need[i];
                      }
                      return new Case(b, weighted, g, p);
                    }));
  }

  @Property(tries = 500)
  void allocationsAddUpToTheEnvelopeToThePenny(@ForAll("cases") Case c) {
    assertThat(Arrays.stream(c.outcome().allocation()).sum()).isEqualTo(c.envelope());
  }

  @Property(tries = 500)
  void floorsAreHonouredWhenTheEnvelopeCoversThem(@ForAll("cases") Case c) {
    Outcome o = c.outcome();
    if (o.bounds() != Bounds.SCALED_FLOORS) {
      for (int i = 0; i < o.allocation().length; i++) {
        assertThat(o.allocation()[i]).isGreaterThanOrEqualTo(o.floor()[i]);
      }
    } else {
      assertThat(Arrays.stream(o.floor()).sum()).isGreaterThan(c.envelope());
    }
  }

  @Property(tries = 500)
  void convergenceNeverPushesAPlaceUnderTargetPastIt(@ForAll("cases") Case c) {
    Outcome o = c.outcome();
    long[] t = c.target();
    for (int i = 0; i < t.length; i++) {
      boolean under = PaceOfChange.distanceFromTarget(c.baseline()[i], c.growth(), t[i]) <= 0;
      if (under) {
        assertThat(o.allocation()[i]).isLessThanOrEqualTo(Math.max(t[i], o.floor()[i]));
      }
    }
  }

  @Property(tries = 500)
  void placesOverTargetStayAtOrAboveItWhenEveryBoundFits(@ForAll("cases") Case c) {
    Outcome o = c.outcome();
    long[] t = c.target();
    if (o.bounds() == Bounds.ALL) {
      for (int i = 0; i < t.length; i++) {
        if (PaceOfChange.distanceFromTarget(c.baseline()[i], c.growth(), t[i]) > 0) {
          assertThat(o.allocation()[i]).isGreaterThanOrEqualTo(t[i]);
        }
      }
    }
  }

  @Property(tries = 500)
  void noPlaceStaysFurtherUnderTargetThanTheLimitWhenTheBoundFits(@ForAll("cases") Case c) {
    Outcome o = c.outcome();
    long[] t = c.target();
    if (o.bounds() == Bounds.ALL || o.bounds() == Bounds.FLOORS_AND_MAX_UNDER) {
      for (int i = 0; i < t.length; i++) {
        assertThat((double) o.allocation()[i])
            .isGreaterThanOrEqualTo(Math.floor(t[i] * (1 - c.parameters().maxUnderTarget())));
      }
    }
  }

  @Property(tries = 200)
  void everyYearOfAPathAddsUpToItsEnvelope(@ForAll("cases") Case c) {
    List<PaceOfChange.Year> years =
        PaceOfChange.path(
            c.keys(), c.baseline(), c.target(), c.envelope(), c.parameters(), 4, 0.03);
    assertThat(years).hasSize(4);
    for (PaceOfChange.Year y : years) {
      assertThat(Arrays.stream(y.outcome().allocation()).sum()).isEqualTo(y.envelope());
      assertThat(Arrays.stream(y.target()).sum()).isEqualTo(y.envelope());
    }
  }

  @Test
  void fullGapClosureWithoutBindingFloorsReachesTheTargets() {
    long[] baseline = {100_000, 100_000};
    long[] target = {80_000, 140_000};
    Parameters p = new Parameters(0.0, 0.5, 0.6, 0.0, 0.5, 1.0);
    Outcome o = PaceOfChange.converge(new String[] {"A", "B"}, baseline, target, 220_000, p);
    // A's floor (flat cash, 100000) binds above its target; B gets the rest.
    assertThat(o.allocation()).containsExactly(100_000, 120_000);
  }

  @Test
  void partialGapClosureMovesEachPlaceThatShareOfTheWay() {
    long[] baseline = {100_000, 100_000};
    long[] target = {90_000, 130_000};
    Parameters p = new Parameters(-0.5, 1.0, 1.0, -0.5, 1.0, 0.5);
    Outcome o = PaceOfChange.converge(new String[] {"A", "B"}, baseline, target, 220_000, p);
    // Grown at average 10%: 110000 each; half way to 90000 and 130000.
    assertThat(o.allocation()).containsExactly(100_000, 120_000);
  }
}
