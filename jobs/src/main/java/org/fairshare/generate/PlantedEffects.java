package org.fairshare.generate;

import java.util.List;
import java.util.Map;

/**
 * The true values the synthetic England generator plants in its data, so that tests of later stages
 * can compare their estimates with the truth. {@code datasets/SYNTHETIC.md} explains each one; the
 * generator also writes them to {@code _truth/} next to the data.
 */
public final class PlantedEffects {
  private PlantedEffects() {}

  public static final String EMERGENCY_ADMISSIONS = "emergency_admissions";
  public static final String ELECTIVE_ADMISSIONS = "elective_admissions";
  public static final String OUTPATIENT_ATTENDANCES = "outpatient_attendances";
  public static final String AE_ATTENDANCES = "ae_attendances";
  public static final String COMMUNITY_CONTACTS = "community_contacts";
  public static final String MENTAL_HEALTH_CONTACTS = "mental_health_contacts";
  public static final String MATERNITY_EPISODES = "maternity_episodes";
  public static final String PRESCRIBING_ITEMS = "prescribing_items";
  public static final String GP_APPOINTMENTS = "gp_appointments";

  /** The nine services of the activity and spend data, in this order everywhere. */
  public static final List<String> SERVICES =
      List.of(
          EMERGENCY_ADMISSIONS,
          ELECTIVE_ADMISSIONS,
          OUTPATIENT_ATTENDANCES,
          AE_ATTENDANCES,
          COMMUNITY_CONTACTS,
          MENTAL_HEALTH_CONTACTS,
          MATERNITY_EPISODES,
          PRESCRIBING_ITEMS,
          GP_APPOINTMENTS);

  /** Name of the deprivation variable in {@code _truth/need_coefficients}. */
  public static final String DEPRIVATION_Z = "deprivation_z";

  /** Name of the supply variable in {@code _truth/need_coefficients}. */
  public static final String SUPPLY_Z = "supply_z";

  /** Name of the travel-time variable in {@code _truth/need_coefficients} (no planted effect). */
  public static final String TRAVEL_Z = "travel_z";

  /**
   * Beta: change in the log event rate per standard deviation of the IMD score (deprivation_z =
   * (imd_score - mean) / sd over areas, population sd), by service.
   */
  public static final Map<String, Double> DEPRIVATION_BETA =
      Map.of(
          EMERGENCY_ADMISSIONS, 0.30,
          ELECTIVE_ADMISSIONS, 0.05,
          OUTPATIENT_ATTENDANCES, 0.10,
          AE_ATTENDANCES, 0.25,
          COMMUNITY_CONTACTS, 0.15,
          MENTAL_HEALTH_CONTACTS, 0.35,
          MATERNITY_EPISODES, 0.08,
          PRESCRIBING_ITEMS, 0.20,
          GP_APPOINTMENTS, 0.12);

  /**
   * Gamma: change in the log event rate per standard deviation of GP supply (supply_z = (gp FTE per
   * 10k - mean) / sd over areas, population sd, identical in every year), by service.
   */
  public static final Map<String, Double> SUPPLY_GAMMA =
      Map.of(
          EMERGENCY_ADMISSIONS, -0.05,
          ELECTIVE_ADMISSIONS, 0.08,
          OUTPATIENT_ATTENDANCES, 0.10,
          AE_ATTENDANCES, -0.04,
          COMMUNITY_CONTACTS, 0.03,
          MENTAL_HEALTH_CONTACTS, 0.05,
          MATERNITY_EPISODES, 0.0,
          PRESCRIBING_ITEMS, 0.06,
          GP_APPOINTMENTS, 0.15);

  /** Services whose use falls short of need in the planted places' most deprived quintile. */
  public static final List<String> UNDERUSE_SERVICES =
      List.of(ELECTIVE_ADMISSIONS, OUTPATIENT_ATTENDANCES);

  /** Use as a share of need for the under-using residents (20% less than need). */
  public static final double UNDERUSE_FACTOR = 0.8;

  /** The national IMD quintile that under-uses: 1 = deciles 1 and 2, the most deprived. */
  public static final int UNDERUSE_QUINTILE = 1;

  /** Planted places are every n-th eligible place in code order (fewer when few are eligible). */
  public static final int UNDERUSE_PLACE_STEP = 7;

  /** National average cost per event in the last year (GBP), by service. */
  public static final Map<String, Double> UNIT_COST_GBP =
      Map.of(
          EMERGENCY_ADMISSIONS, 2_100.0,
          ELECTIVE_ADMISSIONS, 1_300.0,
          OUTPATIENT_ATTENDANCES, 165.0,
          AE_ATTENDANCES, 200.0,
          COMMUNITY_CONTACTS, 95.0,
          MENTAL_HEALTH_CONTACTS, 210.0,
          MATERNITY_EPISODES, 3_200.0,
          PRESCRIBING_ITEMS, 8.5,
          GP_APPOINTMENTS, 42.0);

  /** Yearly growth of unit costs (earlier years are cheaper by this factor per year). */
  public static final double UNIT_COST_INFLATION = 0.03;

  /** Standard deviation of the log noise on each ICB's unit cost per service and year. */
  public static final double UNIT_COST_NOISE_SD = 0.02;

  /** Avoidable mortality rate ratio, most (decile 1) vs least (decile 10) deprived. */
  public static final double AVOIDABLE_MORTALITY_RATIO = 3.0;

  /** Other (not avoidable) mortality rate ratio, most vs least deprived decile. */
  public static final double OTHER_MORTALITY_RATIO = 1.5;

  /** Avoidable deaths are counted below this age, as in the ONS definition (under 75). */
  public static final int AVOIDABLE_AGE_LIMIT = 75;

  /** Core envelope per registered patient, before the ICB's need and cost factor (GBP). */
  public static final double CORE_GBP_PER_PATIENT = 1_750.0;

  /** Primary medical care envelope per registered patient, before the ICB factor (GBP). */
  public static final double PRIMARY_MEDICAL_CARE_GBP_PER_PATIENT = 180.0;

  /** Lowest baseline offset from the population-based share, before re-centring per ICB. */
  public static final double BASELINE_OFFSET_MIN = -0.06;

  /** Highest baseline offset from the population-based share, before re-centring per ICB. */
  public static final double BASELINE_OFFSET_MAX = 0.08;

  /** Lowest growth from the ICB's summed baselines to its envelope. */
  public static final double ENVELOPE_GROWTH_MIN = 0.03;

  /** Highest growth from the ICB's summed baselines to its envelope. */
  public static final double ENVELOPE_GROWTH_MAX = 0.05;

  /** Highest list inflation per area (registered / resident - 1); drawn uniformly from 0. */
  public static final double LIST_INFLATION_MAX = 0.06;

  /** Yearly growth of the population (earlier years are smaller by this factor per year). */
  public static final double POPULATION_GROWTH = 0.006;

  /** Mean expected residents per area before the age tilt and noise. */
  public static final double MEAN_AREA_POPULATION = 1_690.0;
}
