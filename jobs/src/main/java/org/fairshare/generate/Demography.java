package org.fairshare.generate;

/**
 * Age structure and mortality of the synthetic population: a Gompertz survival curve with cohort
 * bumps for the age profile, a tilt that makes deprived areas younger, a male share falling with
 * age, and Gompertz death rates.
 */
public final class Demography {
  private Demography() {}

  /**
   * Log-change of the age weight per deprivation sd per 50 years above age 40: deprived areas have
   * more children and young adults and fewer old people.
   */
  public static final double AGE_TILT = 0.25;

  private static final double SURVIVAL_A = 8.5e-6;
  private static final double SURVIVAL_B = 0.11;

  /** Returns the relative number of residents of one sex at an age (90 = 90 and over). */
  public static double ageWeight(String sex, int age) {
    double level = age < 90 ? survival(age) : openEndedSurvival();
    double cohorts =
        1.0
            + 0.12 * Math.exp(-Math.pow((age - 57) / 8.0, 2))
            + 0.08 * Math.exp(-Math.pow((age - 32) / 7.0, 2));
    return level * cohorts * ("M".equals(sex) ? maleShare(age) : 1.0 - maleShare(age));
  }

  /** Returns the multiplier of the age weight for an area {@code deprivationZ} sd from average. */
  public static double ageTilt(double deprivationZ, int age) {
    return Math.exp(-AGE_TILT * deprivationZ * (age - 40) / 50.0);
  }

  private static double survival(int age) {
    return Math.exp(-SURVIVAL_A / SURVIVAL_B * (Math.exp(SURVIVAL_B * age) - 1.0));
  }

  private static double openEndedSurvival() {
    double sum = 0.0;
    for (int a = 90; a < 115; a++) {
      sum += survival(a);
    }
    return sum;
  }

  private static double maleShare(int age) {
    double old = Math.max(0.0, (age - 50) / 40.0);
    return 0.512 - 0.16 * old * old;
  }

  /** Returns the all-cause death rate per person per year at average deprivation. */
  public static double deathRate(String sex, int age) {
    double base;
    if (age == 0) {
      base = 0.0035;
    } else if (age < 15) {
      base = 0.0001;
    } else {
      base = 3.0e-5 * Math.exp(0.094 * Math.min(age, 93));
    }
    double sexFactor = age < 15 ? 1.0 : ("M".equals(sex) ? 1.25 : 0.8);
    return base * sexFactor;
  }

  /** Returns the share of deaths at an age that are from avoidable causes (none from 75 on). */
  public static double avoidableShare(int age) {
    if (age >= PlantedEffects.AVOIDABLE_AGE_LIMIT) {
      return 0.0;
    }
    return age < 15 ? 0.3 : 0.4;
  }

  /**
   * Returns the mortality multiplier of an IMD decile: {@code ratio^((10 - decile) / 9)}, scaled so
   * that the average over the ten (equal-sized) deciles is 1; decile 1 over decile 10 is exactly
   * {@code ratio}.
   */
  public static double decileMultiplier(double ratio, int decile) {
    double mean = 0.0;
    for (int d = 1; d <= 10; d++) {
      mean += Math.pow(ratio, (10 - d) / 9.0) / 10.0;
    }
    return Math.pow(ratio, (10 - decile) / 9.0) / mean;
  }
}
