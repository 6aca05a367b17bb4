package org.fairshare.inequality;

/**
 * Names of the columns the indicator methods add, spelled once. Every method returns its grouping
 * columns first, then these.
 */
public final class IndicatorColumns {
  private IndicatorColumns() {}

  /** Summed numerator (events, successes, total count). */
  public static final String NUMERATOR = "numerator";

  /** Summed denominator (population, person-years, trials). */
  public static final String DENOMINATOR = "denominator";

  /** The indicator value on the scale given by the method's multiplier. */
  public static final String VALUE = "value";

  public static final String LOWER_CI = "lower_ci";
  public static final String UPPER_CI = "upper_ci";

  /** Standard error of the value, where the method gives one. */
  public static final String STANDARD_ERROR = "standard_error";

  /** Confidence level of the limits as a proportion, e.g. 0.95. */
  public static final String CONFIDENCE = "confidence";

  /** What the value is, e.g. "rate per 100000", "dsr NA for total count < 10". */
  public static final String STATISTIC = "statistic";

  /** How the limits were computed, e.g. Byars, Exact, Wilson, Dobson. */
  public static final String METHOD = "method";

  public static final String OBSERVED = "observed";
  public static final String EXPECTED = "expected";
  public static final String REFERENCE_RATE = "ref_rate";
  public static final String VALUE_SUM = "value_sum";
  public static final String VALUE_COUNT = "value_count";
  public static final String STANDARD_DEVIATION = "stdev";

  /** Summary-measure name in long outputs (sii, rii, d, r, aci, ...). */
  public static final String MEASURE = "measure";
}
