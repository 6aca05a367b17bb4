package org.fairshare.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.fairshare.schema.Columns;

/**
 * Per-area attributes drawn on the driver: deprivation (a spatially clustered latent factor, seven
 * correlated domain scores, the weighted IMD score, ranks and deciles), GP supply and travel time,
 * expected population scale and list inflation, and the places planted with under-use.
 */
final class AreaProfiles {

  /** Weights of the seven domains in the IMD score, in {@code Deprivation.DOMAINS} order. */
  static final double[] DOMAIN_WEIGHTS = {0.225, 0.225, 0.135, 0.135, 0.093, 0.093, 0.093};

  /** Correlation of each domain with the latent deprivation. */
  static final double[] DOMAIN_LOADINGS = {0.95, 0.92, 0.80, 0.85, 0.70, 0.40, 0.50};

  private static final double LA_SD = 0.55;
  private static final double MSOA_SD = 0.45;
  private static final double AREA_SD = 0.50;
  private static final double DOMAIN_MEDIAN = 19.0;
  private static final double DOMAIN_LOG_SD = 0.6;
  private static final double GP_FTE_MEDIAN = 6.2;
  private static final double GP_FTE_DEPRIVATION = -0.12;

  final int n;
  final double[][] domainScores;
  final int[][] domainRanks;
  final double[] imdScore;
  final int[] imdRank;
  final int[] imdDecile;
  final double[] deprivationZ;
  final double[] gpFtePer10k;
  final double[] travelMinutes;
  final double[] supplyZ;
  final double[] travelZ;
  final double[] populationScale;

  /** Expected residents in the last year before Poisson noise (persons). */
  final double[] expectedResidents;

  final double[] listInflation;

  /** Places (local authority indices, ascending) whose most deprived quintile under-uses. */
  final int[] underusePlaces;

  final boolean[] isUnderuseArea;

  private AreaProfiles(SyntheticGeography geo, SplittableRandom random) {
    n = geo.areas;
    double[] laEffect = new double[geo.las()];
    for (int l = 0; l < laEffect.length; l++) {
      // Rural places are a little less deprived, as in England.
      laEffect[l] = LA_SD * random.nextGaussian() - 0.4 * (geo.laRurality[l] - 0.3);
    }
    double[] msoaEffect = new double[geo.msoas()];
    for (int m = 0; m < msoaEffect.length; m++) {
      msoaEffect[m] = MSOA_SD * random.nextGaussian();
    }
    double[] latent = new double[n];
    for (int a = 0; a < n; a++) {
      latent[a] =
          laEffect[geo.areaLa(a)] + msoaEffect[geo.areaMsoa[a]] + AREA_SD * random.nextGaussian();
    }
    double[] latentZ = standardised(latent);

    domainScores = new double[DOMAIN_WEIGHTS.length][n];
    domainRanks = new int[DOMAIN_WEIGHTS.length][];
    imdScore = new double[n];
    for (int k = 0; k < DOMAIN_WEIGHTS.length; k++) {
      double rho = DOMAIN_LOADINGS[k];
      double noise = Math.sqrt(1 - rho * rho);
      for (int a = 0; a < n; a++) {
        double z = rho * latentZ[a] + noise * random.nextGaussian();
        domainScores[k][a] = round3(DOMAIN_MEDIAN * Math.exp(DOMAIN_LOG_SD * z));
      }
      domainRanks[k] = ranksDescending(domainScores[k]);
    }
    for (int a = 0; a < n; a++) {
      double score = 0.0;
      for (int k = 0; k < DOMAIN_WEIGHTS.length; k++) {
        score += DOMAIN_WEIGHTS[k] * domainScores[k][a];
      }
      imdScore[a] = round3(score);
    }
    imdRank = ranksDescending(imdScore);
    imdDecile = new int[n];
    for (int a = 0; a < n; a++) {
      imdDecile[a] = (int) ((long) (imdRank[a] - 1) * 10 / n) + 1;
    }
    deprivationZ = standardised(imdScore);

    double[] laSupply = new double[geo.las()];
    for (int l = 0; l < laSupply.length; l++) {
      laSupply[l] = 0.10 * random.nextGaussian();
    }
    gpFtePer10k = new double[n];
    travelMinutes = new double[n];
    for (int a = 0; a < n; a++) {
      double logFte =
          GP_FTE_DEPRIVATION * deprivationZ[a]
              + laSupply[geo.areaLa(a)]
              + 0.08 * random.nextGaussian();
      gpFtePer10k[a] = round3(GP_FTE_MEDIAN * Math.exp(logFte));
      double rural = geo.laRurality[geo.areaLa(a)];
      travelMinutes[a] = round3((6.0 + 40.0 * rural) * Math.exp(0.25 * random.nextGaussian()));
    }
    supplyZ = standardised(gpFtePer10k);
    travelZ = standardised(travelMinutes);

    populationScale = new double[n];
    expectedResidents = new double[n];
    listInflation = new double[n];
    for (int a = 0; a < n; a++) {
      double size = PlantedEffects.MEAN_AREA_POPULATION * Math.exp(0.10 * random.nextGaussian());
      double norm = 0.0;
      for (int age = 0; age <= Columns.MAX_AGE; age++) {
        double tilt = Demography.ageTilt(deprivationZ[a], age);
        norm += (Demography.ageWeight("F", age) + Demography.ageWeight("M", age)) * tilt;
      }
      populationScale[a] = size / norm;
      expectedResidents[a] = size;
      listInflation[a] = PlantedEffects.LIST_INFLATION_MAX * random.nextDouble();
    }

    underusePlaces = chooseUnderusePlaces(geo);
    isUnderuseArea = new boolean[n];
    for (int a = 0; a < n; a++) {
      isUnderuseArea[a] =
          Arrays.binarySearch(underusePlaces, geo.areaLa(a)) >= 0
              && imdQuintile(a) == PlantedEffects.UNDERUSE_QUINTILE;
    }
  }

  /** Returns the profiles of the areas of {@code geo}, drawn from {@code random}. */
  static AreaProfiles build(SyntheticGeography geo, SplittableRandom random) {
    return new AreaProfiles(geo, random);
  }

  /** Returns the national IMD quintile of an area, 1 = most deprived (deciles 1 and 2). */
  int imdQuintile(int area) {
    return (imdDecile[area] + 1) / 2;
  }

  /**
   * Returns every k-th eligible place in code order, starting with the first, where a place is
   * eligible when it has residents in the under-using quintile and k = min(7, max(1, eligible /
   * 2)), so that a small run still has at least two planted places.
   */
  private int[] chooseUnderusePlaces(SyntheticGeography geo) {
    boolean[] eligible = new boolean[geo.las()];
    for (int a = 0; a < n; a++) {
      if (imdQuintile(a) == PlantedEffects.UNDERUSE_QUINTILE) {
        eligible[geo.areaLa(a)] = true;
      }
    }
    List<Integer> places = new ArrayList<>();
    for (int l = 0; l < eligible.length; l++) {
      if (eligible[l]) {
        places.add(l);
      }
    }
    int step = Math.min(PlantedEffects.UNDERUSE_PLACE_STEP, Math.max(1, places.size() / 2));
    return IntStream.range(0, places.size()).filter(i -> i % step == 0).map(places::get).toArray();
  }

  /** Returns (x - mean) / sd with the population sd (divisor n). */
  static double[] standardised(double[] x) {
    double mean = Arrays.stream(x).average().orElse(0.0);
    double ss = 0.0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / x.length);
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = sd > 0 ? (x[i] - mean) / sd : 0.0;
    }
    return out;
  }

  /** Returns ranks, 1 = highest value, ties broken by index (that is, by area code). */
  private static int[] ranksDescending(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(Integer::intValue));
    int[] ranks = new int[values.length];
    for (int r = 0; r < order.length; r++) {
      ranks[order[r]] = r + 1;
    }
    return ranks;
  }

  private static double round3(double x) {
    return Math.round(x * 1000.0) / 1000.0;
  }
}
