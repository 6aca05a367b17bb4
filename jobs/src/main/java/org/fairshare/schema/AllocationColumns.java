package org.fairshare.schema;

/**
 * Column names shared by the need and allocation output tables, spelled once. Table classes
 * re-export the ones they use.
 */
public final class AllocationColumns {
  private AllocationColumns() {}

  public static final String STREAM = "stream";
  public static final String COMPONENT = "component";
  public static final String POPULATION = "population";
  public static final String WEIGHTED_POPULATION = "weighted_population";
  public static final String WEIGHTED_POPULATION_AGE_SEX = "weighted_population_age_sex";
  public static final String NEED_INDEX_ICB = "need_index_icb";
  public static final String NEED_INDEX_ENGLAND = "need_index_england";
  public static final String BASELINE_GBP = "baseline_gbp";
  public static final String TARGET_GBP = "target_gbp";
  public static final String TARGET_SHARE = "target_share";
  public static final String ENVELOPE_GBP = "envelope_gbp";
  public static final String ALLOCATION_GBP = "allocation_gbp";
  public static final String DISTANCE_FROM_TARGET = "distance_from_target";
  public static final String DISTRIBUTABLE_GBP = "distributable_gbp";
  public static final String OBSERVED_EVENTS = "observed_events";
  public static final String EXPECTED_EVENTS = "expected_events";
  public static final String AGE_BAND_START = "age_band_start";

  /** The funding streams, as in the baselines and envelopes inputs. */
  public static final String CORE = "core";

  public static final String PRIMARY_MEDICAL_CARE = "primary_medical_care";

  /** The component name of the health-inequalities weighted population. */
  public static final String HEALTH_INEQUALITIES = "health_inequalities";
}
