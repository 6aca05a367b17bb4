package org.fairshare.generate;

import java.util.Map;
import org.fairshare.schema.Columns;

/**
 * National event rates per person per year by service, single year of age and sex, at average
 * deprivation and supply (deprivation_z = supply_z = 0) and activity multiplier 1. The curves are
 * log-linear between knots and shaped like England's (U-shaped emergency admissions, rising
 * prescribing, fertility-shaped maternity).
 */
public final class BaseRates {
  private BaseRates() {}

  private static final int[] KNOT_AGES = {0, 1, 5, 15, 25, 35, 45, 55, 65, 75, 85, 90};

  private static final Map<String, double[]> KNOT_RATES =
      Map.of(
          PlantedEffects.EMERGENCY_ADMISSIONS,
              new double[] {0.25, 0.10, 0.05, 0.05, 0.06, 0.06, 0.07, 0.09, 0.13, 0.22, 0.40, 0.60},
          PlantedEffects.ELECTIVE_ADMISSIONS,
              new double[] {0.03, 0.03, 0.03, 0.04, 0.06, 0.08, 0.12, 0.18, 0.28, 0.35, 0.30, 0.20},
          PlantedEffects.OUTPATIENT_ATTENDANCES,
              new double[] {1.2, 0.9, 0.7, 0.8, 1.0, 1.3, 1.7, 2.2, 3.0, 3.8, 3.6, 3.0},
          PlantedEffects.AE_ATTENDANCES,
              new double[] {0.9, 0.5, 0.3, 0.35, 0.45, 0.35, 0.30, 0.30, 0.33, 0.45, 0.70, 0.90},
          PlantedEffects.COMMUNITY_CONTACTS,
              new double[] {2.5, 0.8, 0.4, 0.3, 0.3, 0.4, 0.5, 0.8, 1.5, 4.0, 12.0, 20.0},
          PlantedEffects.MENTAL_HEALTH_CONTACTS,
              new double[] {0.02, 0.05, 0.2, 0.9, 1.0, 0.9, 0.8, 0.6, 0.4, 0.4, 0.6, 0.7},
          PlantedEffects.PRESCRIBING_ITEMS,
              new double[] {4, 6, 5, 5, 7, 10, 14, 22, 35, 50, 60, 62},
          PlantedEffects.GP_APPOINTMENTS,
              new double[] {8, 6, 3.5, 3.2, 3.8, 4.2, 4.8, 5.8, 7.0, 9.0, 11.0, 12.0});

  /** Births per woman per year by age; zero outside 15 to 49. */
  private static final int[] MATERNITY_AGES = {15, 20, 25, 30, 35, 40, 45, 49};

  private static final double[] MATERNITY_RATES = {
    0.005, 0.05, 0.09, 0.12, 0.085, 0.025, 0.004, 0.001
  };

  /** Female rate as a multiple of the male rate at ages 15 to 64, by service. */
  private static final Map<String, Double> FEMALE_ADULT_FACTOR =
      Map.of(
          PlantedEffects.EMERGENCY_ADMISSIONS, 0.9,
          PlantedEffects.ELECTIVE_ADMISSIONS, 1.1,
          PlantedEffects.OUTPATIENT_ATTENDANCES, 1.2,
          PlantedEffects.AE_ATTENDANCES, 0.95,
          PlantedEffects.COMMUNITY_CONTACTS, 1.1,
          PlantedEffects.MENTAL_HEALTH_CONTACTS, 1.1,
          PlantedEffects.PRESCRIBING_ITEMS, 1.3,
          PlantedEffects.GP_APPOINTMENTS, 1.35);

  /** Returns the base rate (events per person per year) of a service at an age and sex. */
  public static double rate(String service, String sex, int age) {
    if (age < 0 || age > Columns.MAX_AGE) {
      throw new IllegalArgumentException("age must be within 0.." + Columns.MAX_AGE + ": " + age);
    }
    if (PlantedEffects.MATERNITY_EPISODES.equals(service)) {
      return "F".equals(sex) && age >= 15 && age <= 49
          ? logLinear(MATERNITY_AGES, MATERNITY_RATES, age)
          : 0.0;
    }
    double[] rates = KNOT_RATES.get(service);
    if (rates == null) {
      throw new IllegalArgumentException("unknown service " + service);
    }
    double base = logLinear(KNOT_AGES, rates, age);
    boolean femaleAdult = "F".equals(sex) && age >= 15 && age <= 64;
    return femaleAdult ? base * FEMALE_ADULT_FACTOR.get(service) : base;
  }

  /** Returns the rate at {@code age}, interpolating the logs of the knot rates linearly. */
  static double logLinear(int[] ages, double[] rates, int age) {
    if (age <= ages[0]) {
      return rates[0];
    }
    for (int i = 1; i < ages.length; i++) {
      if (age <= ages[i]) {
        double t = (double) (age - ages[i - 1]) / (ages[i] - ages[i - 1]);
        return Math.exp((1 - t) * Math.log(rates[i - 1]) + t * Math.log(rates[i]));
      }
    }
    return rates[rates.length - 1];
  }
}
