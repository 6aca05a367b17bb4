package org.fairshare.schema;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table {@code equity_checks}: one finding per place and service on whether residents of the
 * nationally most deprived fifth use the service in line with their need.
 */
public final class EquityChecks {
  private EquityChecks() {}

  public static final String NAME = "equity_checks";

  public static final String PLACE_CODE = Columns.PLACE_CODE;
  public static final String PLACE_NAME = "place_name";
  public static final String ICB_CODE = Columns.ICB_CODE;
  public static final String SERVICE = Columns.SERVICE;
  public static final String STATUS = "status";
  public static final String RULE = "rule";
  public static final String SENTENCE = "sentence";
  public static final String PERSONS = EquityAccess.PERSONS;
  public static final String OBSERVED = EquityAccess.OBSERVED;
  public static final String EXPECTED = EquityAccess.EXPECTED;
  public static final String RATIO = EquityAccess.RATIO;
  public static final String LOWER_CI = EquityAccess.LOWER_CI;
  public static final String UPPER_CI = EquityAccess.UPPER_CI;
  public static final String P_VALUE = "p_value";
  public static final String Q_VALUE = "q_value";
  public static final String IS_FLAGGED_AFTER_CONTROL = "is_flagged_after_control";
  public static final String MULTIPLE_COMPARISONS = "multiple_comparisons";
  public static final String COMPARISONS = "comparisons";
  public static final String SIGNIFICANCE_LEVEL = "significance_level";
  public static final String UNDER_SERVED_RATIO = "under_served_ratio";
  public static final String OVER_SERVED_RATIO = "over_served_ratio";
  public static final String MIN_EXPECTED_EVENTS = "min_expected_events";
  public static final String NEED_BASIS = EquityAccess.NEED_BASIS;

  public static final String EQUITABLE = "equitable";
  public static final String DEPRIVED_UNDER_SERVED = "deprived_under_served";
  public static final String DEPRIVED_OVER_SERVED = "deprived_over_served";
  public static final String TOO_LITTLE_DATA = "too_little_data";

  public static final List<String> STATUSES =
      List.of(EQUITABLE, DEPRIVED_UNDER_SERVED, DEPRIVED_OVER_SERVED, TOO_LITTLE_DATA);

  public static final StructType COLUMNS =
      new StructType(
          new StructField[] {
            Fields.required(PLACE_CODE, DataTypes.StringType, "Place code"),
            Fields.optional(PLACE_NAME, DataTypes.StringType, "Place name"),
            Fields.required(ICB_CODE, DataTypes.StringType, "ICB of the place"),
            Fields.required(SERVICE, DataTypes.StringType, "Service, as in activity"),
            Fields.required(
                STATUS,
                DataTypes.StringType,
                "equitable, deprived_under_served, deprived_over_served or too_little_data"),
            Fields.required(RULE, DataTypes.StringType, "The rule that gave the status"),
            Fields.required(
                SENTENCE, DataTypes.StringType, "The finding in plain language, with the numbers"),
            Fields.required(
                PERSONS,
                DataTypes.DoubleType,
                "Residents of the place in the nationally most deprived IMD quintile"),
            Fields.required(OBSERVED, DataTypes.LongType, "Their observed events"),
            Fields.required(EXPECTED, DataTypes.DoubleType, "Their need-expected events"),
            Fields.optional(RATIO, DataTypes.DoubleType, "Observed / expected"),
            Fields.optional(LOWER_CI, DataTypes.DoubleType, "Lower confidence limit of the ratio"),
            Fields.optional(UPPER_CI, DataTypes.DoubleType, "Upper confidence limit of the ratio"),
            Fields.optional(
                P_VALUE,
                DataTypes.DoubleType,
                "Two-sided p-value of O/E = 1 by the test the limits invert (exact below 10"
                    + " events, Byar's otherwise), not adjusted; null when expected is 0"),
            Fields.optional(
                Q_VALUE,
                DataTypes.DoubleType,
                "p_value adjusted by multiple_comparisons over the pairs judged (BH q-value,"
                    + " Bonferroni's adjusted p, or p); null for too_little_data"),
            Fields.required(
                IS_FLAGGED_AFTER_CONTROL,
                DataTypes.BooleanType,
                "Under- or over-served and q_value below significance_level: the flag survives"
                    + " the multiple-comparison control"),
            Fields.required(
                SIGNIFICANCE_LEVEL,
                DataTypes.DoubleType,
                "alpha: the limits are two-sided 1 - alpha limits"),
            Fields.required(
                UNDER_SERVED_RATIO,
                DataTypes.DoubleType,
                "Ratio below which (with the upper limit below 1) the status is under-served"),
            Fields.required(
                OVER_SERVED_RATIO,
                DataTypes.DoubleType,
                "Ratio above which (with the lower limit above 1) the status is over-served"),
            Fields.required(
                MIN_EXPECTED_EVENTS,
                DataTypes.DoubleType,
                "Fewest expected events to judge; fewer gives too_little_data"),
            Fields.required(
                MULTIPLE_COMPARISONS,
                DataTypes.StringType,
                "How p-values were adjusted for the pairs judged together: bh, bonferroni or none"),
            Fields.required(
                COMPARISONS,
                DataTypes.LongType,
                "Place x service pairs judged in the run (not too_little_data): the family size"),
            Fields.required(NEED_BASIS, DataTypes.StringType, "How need-expected use was computed")
          });

  public static final List<String> KEY = List.of(PLACE_CODE, SERVICE);

  public static final OutputTable TABLE =
      OutputTable.sliced(
          NAME,
          "Equal access for equal need: one finding per place and service for residents of the"
              + " nationally most deprived fifth, with the rule and a plain-language sentence",
          COLUMNS,
          Map.of(
              "known_status",
              STATUS
                  + " IN ('equitable', 'deprived_under_served', 'deprived_over_served',"
                  + " 'too_little_data')"));
}
