package org.fairshare.allocation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the places of one envelope from their baselines towards their targets, in whole pennies,
 * always sharing out exactly the envelope. Plain Java: the Spark stage runs it once per ICB and
 * stream (a handful of places), the property tests run it hundreds of times.
 *
 * <p>The algorithm, for baselines {@code B}, targets {@code T} (adding up to the envelope {@code
 * E}), average growth {@code G = E / sum(B) - 1}:
 *
 * <ol>
 *   <li>Convergence path: {@code X = (1 - lambda) * B * (1 + G) + lambda * T}; it adds up to E and
 *       lies between the baseline grown at the average and the target, so it never overshoots.
 *   <li>Lower bounds {@code L}: the growth floor {@code B * (1 + g)}, where {@code g} is the floor
 *       growth, tapered linearly for places over target from {@code taperStart} to {@code taperEnd}
 *       (distance from target) down to {@code growthAboveTaper}; no place further than {@code
 *       maxUnderTarget} below its target; no place over target pushed below it.
 *   <li>Places below a bound are lifted to it; everyone else is scaled down by one common factor
 *       {@code phi} in [0, 1] ({@code A = max(L, phi * X)}), found by bisection so that the
 *       allocations add up to E.
 *   <li>If the bounds together exceed E, the last two are dropped in turn (places over target may
 *       fall below target, then places under target may stay further below); if the floors alone
 *       exceed E, every place's floor uplift is scaled by one factor (or, if E is below the total
 *       baseline, every baseline is cut pro rata).
 *   <li>Rounding to pennies by largest remainder keeps the exact total, every whole-penny bound and
 *       every target.
 * </ol>
 */
public final class PaceOfChange {
  private PaceOfChange() {}

  /**
   * Convergence settings.
   *
   * @param floorGrowth minimum cash growth of a place (fraction, 0.01 = 1%)
   * @param taperStart distance from target above which the floor starts to taper (fraction)
   * @param taperEnd distance from target at and above which the floor is {@code growthAboveTaper}
   * @param growthAboveTaper minimum growth of the places furthest over target (may be negative)
   * @param maxUnderTarget largest distance below target a place may stay (fraction, 0.05 = 5%)
   * @param gapClosure share of the gap between baseline-at-average-growth and target closed per
   *     year (0 to 1)
   */
  public record Parameters(
      double floorGrowth,
      double taperStart,
      double taperEnd,
      double growthAboveTaper,
      double maxUnderTarget,
      double gapClosure)
      implements Serializable {
    public Parameters {
      if (!(taperEnd >= taperStart)) {
        throw new IllegalArgumentException(
            "taper end " + taperEnd + " must not be below taper start " + taperStart);
      }
      if (!(gapClosure >= 0 && gapClosure <= 1)) {
        throw new IllegalArgumentException("gap closure must be in [0, 1], got " + gapClosure);
      }
      if (!(maxUnderTarget >= 0 && maxUnderTarget <= 1)) {
        throw new IllegalArgumentException(
            "max distance under target must be in [0, 1], got " + maxUnderTarget);
      }
    }
  }

  /** Which bounds the allocation honours, strongest first. */
  public enum Bounds {
    /** Floors, maximum distance under target, and over-target places not pushed below it. */
    ALL,
    /** Floors and maximum distance under target. */
    FLOORS_AND_MAX_UNDER,
    /** Floors only. */
    FLOORS,
    /** Not even the floors fit in the envelope: floor uplifts scaled down. */
    SCALED_FLOORS
  }

  /**
   * One envelope's result, in pennies, in the order of the inputs.
   *
   * @param floor each place's growth floor (whole pennies, rounded up)
   */
  public record Outcome(long[] allocation, long[] floor, Bounds bounds) {}

  /** Returns the floor growth of a place at this distance from target (fraction). */
  public static double floorGrowth(double distanceFromTarget, Parameters p) {
    if (distanceFromTarget <= p.taperStart()) {
      return p.floorGrowth();
    }
    if (distanceFromTarget >= p.taperEnd()) {
      return p.growthAboveTaper();
    }
    double t = (distanceFromTarget - p.taperStart()) / (p.taperEnd() - p.taperStart());
    return p.floorGrowth() + t * (p.growthAboveTaper() - p.floorGrowth());
  }

  /**
   * Returns the distance from target: (baseline x (1 + growth) - target) / target; positive is over
   * target; +infinity for a zero target with a positive baseline, 0 when both are zero.
   */
  public static double distanceFromTarget(double baseline, double growth, double target) {
    double grown = baseline * (1 + growth);
    if (target == 0) {
      return grown > 0 ? Double.POSITIVE_INFINITY : 0.0;
    }
    return (grown - target) / target;
  }

  /**
   * Returns the allocations of one envelope: whole pennies adding up to {@code envelope} exactly.
   *
   * @param keys place codes, for the deterministic tie-break of the rounding
   * @param baseline last year's allocation per place (pennies, >= 0)
   * @param target target per place (pennies, >= 0), adding up to the envelope
   * @throws IllegalArgumentException if the targets do not add up to the envelope or an amount is
   *     negative
   */
  public static Outcome converge(
      String[] keys, long[] baseline, long[] target, long envelope, Parameters p) {
    int n = keys.length;
    if (baseline.length != n || target.length != n) {
      throw new IllegalArgumentException("keys, baselines and targets must have the same length");
    }
    long baseSum = 0;
    long targetSum = 0;
    for (int i = 0; i < n; i++) {
      if (baseline[i] < 0 || target[i] < 0) {
        throw new IllegalArgumentException(
            "negative baseline or target for " + keys[i] + ": " + baseline[i] + ", " + target[i]);
      }
      baseSum = Math.addExact(baseSum, baseline[i]);
      targetSum = Math.addExact(targetSum, target[i]);
    }
    if (targetSum != envelope) {
      throw new IllegalArgumentException(
          "targets add up to " + targetSum + " pennies, not the envelope " + envelope);
    }
    if (baseSum == 0) {
      // No history to converge from: the target is the allocation.
      return new Outcome(target.clone(), new long[n], Bounds.ALL);
    }
    double growth = (double) envelope / baseSum - 1;
    double[] path = new double[n];
    long[] floor = new long[n];
    boolean[] over = new boolean[n];
    for (int i = 0; i < n; i++) {
      double dft = distanceFromTarget(baseline[i], growth, target[i]);
      over[i] = dft > 0;
      double grown = baseline[i] * (1 + growth);
      path[i] = (1 - p.gapClosure()) * grown + p.gapClosure() * target[i];
      // Between grown and target by construction; clamp away floating-point overshoot.
      path[i] = over[i] ? Math.max(path[i], target[i]) : Math.min(path[i], target[i]);
      floor[i] = Math.max(0L, (long) Math.ceil(baseline[i] * (1 + floorGrowth(dft, p)) - 1e-6));
    }
    long[] floorsAndUnder = new long[n];
    long[] all = new long[n];
    for (int i = 0; i < n; i++) {
      long underLimit = (long) Math.ceil(target[i] * (1 - p.maxUnderTarget()) - 1e-6);
      floorsAndUnder[i] = Math.max(floor[i], Math.min(underLimit, target[i]));
      all[i] = over[i] ? Math.max(floorsAndUnder[i], target[i]) : floorsAndUnder[i];
    }
    double[] raw;
    Bounds bounds;
    if (sum(all) <= envelope) {
      raw = fill(all, path, envelope);
      bounds = Bounds.ALL;
    } else if (sum(floorsAndUnder) <= envelope) {
      raw = fill(floorsAndUnder, path, envelope);
      bounds = Bounds.FLOORS_AND_MAX_UNDER;
    } else if (sum(floor) <= envelope) {
      raw = fill(floor, path, envelope);
      bounds = Bounds.FLOORS;
    } else {
      raw = scaledFloors(baseline, floor, baseSum, envelope);
      bounds = Bounds.SCALED_FLOORS;
    }
    return new Outcome(Pennies.roundToTotal(raw, envelope, keys), floor, bounds);
  }

  /**
   * One year of a multi-year path.
   *
   * @param envelope the year's envelope (pennies)
   * @param baseline each place's baseline that year: last year's allocation (pennies)
   * @param target each place's target that year (pennies)
   */
  public record Year(long envelope, long[] baseline, long[] target, Outcome outcome) {}

  /**
   * Returns the convergence path over {@code years} years: year 1 is {@link #converge}; each later
   * year starts from the previous year's allocations, with the envelope grown by {@code
   * envelopeGrowth} (rounded half-even to the penny) and the targets keeping their shares.
   */
  public static List<Year> path(
      String[] keys,
      long[] baseline,
      long[] target,
      long envelope,
      Parameters p,
      int years,
      double envelopeGrowth) {
    List<Year> out = new ArrayList<>();
    long[] b = baseline;
    long[] t = target;
    long e = envelope;
    for (int y = 1; y <= years; y++) {
      if (y > 1) {
        long next =
            BigDecimal.valueOf(e)
                .multiply(BigDecimal.valueOf(1 + envelopeGrowth))
                .setScale(0, RoundingMode.HALF_EVEN)
                .longValueExact();
        double[] shares = new double[t.length];
        for (int i = 0; i < t.length; i++) {
          shares[i] = t[i];
        }
        t = Pennies.shareByWeight(next, shares, keys);
        e = next;
      }
      Outcome o = converge(keys, b, t, e, p);
      out.add(new Year(e, b, t, o));
      b = o.allocation();
    }
    return out;
  }

  /** Returns max(lower, phi * path) with phi in [0, 1] chosen so the amounts add up to total. */
  private static double[] fill(long[] lower, double[] path, long total) {
    double lo = 0;
    double hi = 1;
    for (int it = 0; it < 200 && hi - lo > 1e-17; it++) {
      double mid = (lo + hi) / 2;
      if (filled(lower, path, mid) > total) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    double[] out = new double[lower.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(lower[i], lo * path[i]);
    }
    return out;
  }

  private static double filled(long[] lower, double[] path, double phi) {
    double s = 0;
    for (int i = 0; i < lower.length; i++) {
      s += Math.max(lower[i], phi * path[i]);
    }
    return s;
  }

  private static double[] scaledFloors(long[] baseline, long[] floor, long baseSum, long total) {
    double[] out = new double[baseline.length];
    long floorSum = sum(floor);
    for (int i = 0; i < out.length; i++) {
      out[i] =
          total >= baseSum
              ? baseline[i]
                  + (floor[i] - baseline[i]) * ((double) (total - baseSum) / (floorSum - baseSum))
              : baseline[i] * ((double) total / baseSum);
    }
    return out;
  }

  private static long sum(long[] xs) {
    long s = 0;
    for (long x : xs) {
      s = Math.addExact(s, x);
    }
    return s;
  }
}
