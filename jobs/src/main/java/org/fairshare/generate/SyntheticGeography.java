package org.fairshare.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The nested synthetic hierarchy (region, ICB, sub-ICB, local authority = place, MSOA, LSOA), GP
 * practices and PCNs within sub-ICBs, where each area's residents are registered, and the rurality
 * and market-forces cost of each place and ICB. Built on the driver from a seed: it holds tens of
 * thousands of rows at most. Children of a parent are a contiguous index range, so codes assigned
 * in index order nest visibly.
 */
public final class SyntheticGeography {

  /** Counts at England scale (33,755 areas); smaller runs scale them by areas / 33,755. */
  private static final int ENGLAND_REGIONS = 7;

  private static final int ENGLAND_ICBS = 42;
  private static final int ENGLAND_SUB_ICBS = 106;
  private static final int ENGLAND_LAS = 300;
  private static final int ENGLAND_MSOAS = 6_800;
  private static final int ENGLAND_PRACTICES = 6_500;
  private static final int ENGLAND_PCNS = 1_250;
  private static final int MIN_ICBS = 4;
  private static final int MIN_PLACES_PER_ICB = 3;
  private static final int MIN_PRACTICES_PER_SUB_ICB = 2;

  final int areas;
  final int[] icbRegion;
  final int[] subIcbIcb;
  final int[] laSubIcb;
  final int[] msoaLa;
  final int[] areaMsoa;
  final int[] pcnSubIcb;
  final int[] practicePcn;

  /** Registration: residents of registrationArea[i] registered at registrationPractice[i]. */
  final int[] registrationArea;

  final int[] registrationPractice;
  final double[] registrationShare;

  /** Rurality of each local authority, 0 (most urban) to 1 (most rural). */
  final double[] laRurality;

  /** Market forces factor of each ICB (about 0.93 to 1.15). */
  final double[] icbMarketForces;

  private SyntheticGeography(
      int areas,
      int[] icbRegion,
      int[] subIcbIcb,
      int[] laSubIcb,
      int[] msoaLa,
      int[] areaMsoa,
      int[] pcnSubIcb,
      int[] practicePcn,
      int[][] registrations,
      double[] registrationShare,
      double[] laRurality,
      double[] icbMarketForces) {
    this.areas = areas;
    this.icbRegion = icbRegion;
    this.subIcbIcb = subIcbIcb;
    this.laSubIcb = laSubIcb;
    this.msoaLa = msoaLa;
    this.areaMsoa = areaMsoa;
    this.pcnSubIcb = pcnSubIcb;
    this.practicePcn = practicePcn;
    this.registrationArea = registrations[0];
    this.registrationPractice = registrations[1];
    this.registrationShare = registrationShare;
    this.laRurality = laRurality;
    this.icbMarketForces = icbMarketForces;
  }

  /** Returns a hierarchy of {@code areas} small areas drawn from {@code random}. */
  static SyntheticGeography build(int areas, SplittableRandom random) {
    double scale = (double) areas / GeneratorOptions.ENGLAND_AREAS;
    int icbs = Math.max(MIN_ICBS, scaled(ENGLAND_ICBS, scale));
    int regions = Math.min(icbs, Math.max(2, Math.min(ENGLAND_REGIONS, scaled(7, scale))));
    int subIcbs = Math.max(icbs, scaled(ENGLAND_SUB_ICBS, scale));

    int[] icbsPerRegion = split(icbs, filled(regions, 1), even(regions), random);
    int[] subIcbsPerIcb = split(subIcbs, filled(icbs, 1), even(icbs), random);
    int[] laMinimum = new int[icbs];
    int minimumLas = 0;
    for (int i = 0; i < icbs; i++) {
      laMinimum[i] = Math.max(MIN_PLACES_PER_ICB, subIcbsPerIcb[i]);
      minimumLas += laMinimum[i];
    }
    int las = Math.max(minimumLas, scaled(ENGLAND_LAS, scale));
    int[] lasPerIcb = split(las, laMinimum, even(icbs), random);
    int[] lasPerSubIcb = new int[subIcbs];
    int subIcb = 0;
    for (int i = 0; i < icbs; i++) {
      int[] part = split(lasPerIcb[i], filled(subIcbsPerIcb[i], 1), even(subIcbsPerIcb[i]), random);
      for (int count : part) {
        lasPerSubIcb[subIcb++] = count;
      }
    }
    int msoas = Math.min(areas, Math.max(las, scaled(ENGLAND_MSOAS, scale)));
    int[] msoasPerLa = split(msoas, filled(las, 1), lognormal(las, 0.6, random), random);
    int[] areasPerMsoa = split(areas, filled(msoas, 1), lognormal(msoas, 0.2, random), random);

    int[] icbRegion = parents(icbsPerRegion);
    int[] subIcbIcb = parents(subIcbsPerIcb);
    int[] laSubIcb = parents(lasPerSubIcb);
    int[] msoaLa = parents(msoasPerLa);
    int[] areaMsoa = parents(areasPerMsoa);

    int[] areasPerSubIcb = new int[subIcbs];
    for (int a = 0; a < areas; a++) {
      areasPerSubIcb[laSubIcb[msoaLa[areaMsoa[a]]]]++;
    }
    int practices = Math.max(MIN_PRACTICES_PER_SUB_ICB * subIcbs, scaled(ENGLAND_PRACTICES, scale));
    double[] areaWeights = new double[subIcbs];
    int[] practiceMinimum = new int[subIcbs];
    for (int s = 0; s < subIcbs; s++) {
      areaWeights[s] = areasPerSubIcb[s];
      practiceMinimum[s] = Math.min(MIN_PRACTICES_PER_SUB_ICB, areasPerSubIcb[s]);
    }
    int[] practicesPerSubIcb = split(practices, practiceMinimum, areaWeights, random);
    for (int s = 0; s < subIcbs; s++) {
      // Every practice must serve at least one area.
      practicesPerSubIcb[s] = Math.min(practicesPerSubIcb[s], areasPerSubIcb[s]);
    }
    int pcnTarget = Math.max(subIcbs, scaled(ENGLAND_PCNS, scale));
    double pcnsPerPractice = (double) pcnTarget / practices;
    List<Integer> pcnParents = new ArrayList<>();
    List<Integer> practiceParents = new ArrayList<>();
    for (int s = 0; s < subIcbs; s++) {
      int pcns =
          Math.max(
              1,
              Math.min(
                  practicesPerSubIcb[s],
                  (int) Math.round(practicesPerSubIcb[s] * pcnsPerPractice)));
      int[] practicesPerPcn =
          split(practicesPerSubIcb[s], filled(pcns, 1), lognormal(pcns, 0.3, random), random);
      for (int p = 0; p < pcns; p++) {
        int pcn = pcnParents.size();
        pcnParents.add(s);
        for (int k = 0; k < practicesPerPcn[p]; k++) {
          practiceParents.add(pcn);
        }
      }
    }
    int[] pcnSubIcb = pcnParents.stream().mapToInt(Integer::intValue).toArray();
    int[] practicePcn = practiceParents.stream().mapToInt(Integer::intValue).toArray();

    List<double[]> registrations =
        register(areaMsoa, msoaLa, laSubIcb, pcnSubIcb, practicePcn, subIcbs, random);
    int[][] pairs = new int[2][registrations.size()];
    double[] shares = new double[registrations.size()];
    for (int i = 0; i < registrations.size(); i++) {
      double[] r = registrations.get(i);
      pairs[0][i] = (int) r[0];
      pairs[1][i] = (int) r[1];
      shares[i] = r[2];
    }

    double[] laRurality = new double[las];
    for (int l = 0; l < las; l++) {
      laRurality[l] = Math.pow(random.nextDouble(), 1.5);
    }
    double[] icbMarketForces = new double[icbs];
    for (int i = 0; i < icbs; i++) {
      // The first region plays London: dearer staff and land.
      icbMarketForces[i] =
          icbRegion[i] == 0 ? 1.08 + 0.07 * random.nextDouble() : 0.93 + 0.09 * random.nextDouble();
    }
    return new SyntheticGeography(
        areas,
        icbRegion,
        subIcbIcb,
        laSubIcb,
        msoaLa,
        areaMsoa,
        pcnSubIcb,
        practicePcn,
        pairs,
        shares,
        laRurality,
        icbMarketForces);
  }

  /**
   * Returns (area, practice, share) triples: each area's residents are registered with 1 to 3
   * practices of its sub-ICB, mostly the nearest one in index order, shares summing to 1.
   */
  private static List<double[]> register(
      int[] areaMsoa,
      int[] msoaLa,
      int[] laSubIcb,
      int[] pcnSubIcb,
      int[] practicePcn,
      int subIcbs,
      SplittableRandom random) {
    List<List<Integer>> areasOf = new ArrayList<>();
    List<List<Integer>> practicesOf = new ArrayList<>();
    for (int s = 0; s < subIcbs; s++) {
      areasOf.add(new ArrayList<>());
      practicesOf.add(new ArrayList<>());
    }
    for (int a = 0; a < areaMsoa.length; a++) {
      areasOf.get(laSubIcb[msoaLa[areaMsoa[a]]]).add(a);
    }
    for (int p = 0; p < practicePcn.length; p++) {
      practicesOf.get(pcnSubIcb[practicePcn[p]]).add(p);
    }
    List<double[]> out = new ArrayList<>();
    for (int s = 0; s < subIcbs; s++) {
      List<Integer> subAreas = areasOf.get(s);
      List<Integer> subPractices = practicesOf.get(s);
      int n = subAreas.size();
      int m = subPractices.size();
      for (int j = 0; j < n; j++) {
        int home = (int) ((j + 0.5) * m / n);
        double u = random.nextDouble();
        int k = Math.min(m, u < 0.35 ? 1 : (u < 0.75 ? 2 : 3));
        double[] weights = new double[k];
        weights[0] = k == 1 ? 1.0 : 0.55 + 0.3 * random.nextDouble();
        double rest = 1.0 - weights[0];
        double[] raw = new double[k];
        double rawSum = 0.0;
        for (int i = 1; i < k; i++) {
          raw[i] = 0.3 + random.nextDouble();
          rawSum += raw[i];
        }
        for (int i = 1; i < k; i++) {
          weights[i] = rest * raw[i] / rawSum;
        }
        for (int i = 0; i < k; i++) {
          // Neighbours alternate after and before the home practice, wrapping within the sub-ICB.
          int offset = i == 0 ? 0 : (i % 2 == 1 ? (i + 1) / 2 : -(i / 2));
          int practice = subPractices.get(Math.floorMod(home + offset, m));
          out.add(new double[] {subAreas.get(j), practice, weights[i]});
        }
      }
    }
    return out;
  }

  private static int scaled(int englandCount, double scale) {
    return (int) Math.round(englandCount * scale);
  }

  private static int[] filled(int n, int value) {
    int[] out = new int[n];
    java.util.Arrays.fill(out, value);
    return out;
  }

  private static double[] even(int n) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, 1.0);
    return out;
  }

  private static double[] lognormal(int n, double sd, SplittableRandom random) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = Math.exp(sd * random.nextGaussian());
    }
    return out;
  }

  /**
   * Returns part sizes adding up to {@code total}: each part its minimum, the rest shared in
   * proportion to the weights (times a random jitter of +/- 30%) by largest remainder.
   */
  static int[] split(int total, int[] minimum, double[] weights, SplittableRandom random) {
    int parts = minimum.length;
    int[] out = minimum.clone();
    int rest = total;
    for (int m : minimum) {
      rest -= m;
    }
    if (rest < 0) {
      throw new IllegalArgumentException(
          "cannot split " + total + " into " + parts + " parts with the given minimums");
    }
    double[] w = new double[parts];
    double sum = 0.0;
    for (int i = 0; i < parts; i++) {
      w[i] = weights[i] * (0.7 + 0.6 * random.nextDouble());
      sum += w[i];
    }
    double[] remainder = new double[parts];
    int given = 0;
    for (int i = 0; i < parts; i++) {
      double exact = rest * w[i] / sum;
      int whole = (int) Math.floor(exact);
      out[i] += whole;
      given += whole;
      remainder[i] = exact - whole;
    }
    for (int left = rest - given; left > 0; left--) {
      int best = 0;
      for (int i = 1; i < parts; i++) {
        if (remainder[i] > remainder[best]) {
          best = i;
        }
      }
      out[best]++;
      remainder[best] = -1.0;
    }
    return out;
  }

  /** Returns the parent index of each child, given the number of children of each parent. */
  private static int[] parents(int[] childrenPerParent) {
    int total = 0;
    for (int c : childrenPerParent) {
      total += c;
    }
    int[] out = new int[total];
    int next = 0;
    for (int p = 0; p < childrenPerParent.length; p++) {
      for (int c = 0; c < childrenPerParent[p]; c++) {
        out[next++] = p;
      }
    }
    return out;
  }

  int regions() {
    return icbRegion.length == 0 ? 0 : icbRegion[icbRegion.length - 1] + 1;
  }

  int icbs() {
    return icbRegion.length;
  }

  int subIcbs() {
    return subIcbIcb.length;
  }

  int las() {
    return laSubIcb.length;
  }

  int msoas() {
    return msoaLa.length;
  }

  int pcns() {
    return pcnSubIcb.length;
  }

  int practices() {
    return practicePcn.length;
  }

  int areaLa(int area) {
    return msoaLa[areaMsoa[area]];
  }

  int areaSubIcb(int area) {
    return laSubIcb[areaLa(area)];
  }

  int areaIcb(int area) {
    return subIcbIcb[areaSubIcb(area)];
  }

  int laIcb(int la) {
    return subIcbIcb[laSubIcb[la]];
  }

  int practiceSubIcb(int practice) {
    return pcnSubIcb[practicePcn[practice]];
  }

  static String areaCode(int i) {
    return String.format("XA21%06d", i + 1);
  }

  static String msoaCode(int i) {
    return String.format("XM21%06d", i + 1);
  }

  static String laCode(int i) {
    return String.format("XL%06d", i + 1);
  }

  static String subIcbCode(int i) {
    return String.format("XS%05d", i + 1);
  }

  static String icbCode(int i) {
    return String.format("XQ%04d", i + 1);
  }

  static String regionCode(int i) {
    return String.format("XR%02d", i + 1);
  }

  static String practiceCode(int i) {
    return String.format("XP%05d", i + 1);
  }

  static String pcnCode(int i) {
    return String.format("XN%05d", i + 1);
  }

  static String laName(int i) {
    return String.format("Synthetic Place %03d", i + 1);
  }

  static String subIcbName(int i) {
    return String.format("Synthetic Sub-ICB %03d", i + 1);
  }

  static String icbName(int i) {
    return String.format("Synthetic ICB %02d", i + 1);
  }

  static String regionName(int i) {
    return String.format("Synthetic Region %d", i + 1);
  }

  static String practiceName(int i) {
    return String.format("Synthetic Practice %05d", i + 1);
  }

  static String pcnName(int i) {
    return String.format("Synthetic PCN %05d", i + 1);
  }
}
