package org.fairshare.schema;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table {@code inequality_indicators}: each indicator by geography and breakdown group (e.g.
 * IMD quintile), with counts, value, confidence limits and the disclosure flag.
 */
public final class InequalityIndicators {
  private InequalityIndicators() {}

  public static final String NAME = "inequality_indicators";

  public static final String GEOGRAPHY_LEVEL = "geography_level";
  public static final String GEOGRAPHY_CODE = "geography_code";
  public static final String INDICATOR = "indicator";
  public static final String BREAKDOWN = "breakdown";
  public static final String GROUP_VALUE = "group_value";
  public static final String NUMERATOR = "numerator";
  public static final String DENOMINATOR = "denominator";
  public static final String VALUE = "value";
  public static final String LOWER_CI = "lower_ci";
  public static final String UPPER_CI = "upper_ci";
  public static final String METHOD = "method";
  public static final String CONFIDENCE = "confidence";
  public static final String IS_SUPPRESSED = "is_suppressed";

  public static final StructType COLUMNS =
      new StructType(
          new StructField[] {
            Fields.required(
                GEOGRAPHY_LEVEL, DataTypes.StringType, "Geography level, e.g. icb, sub_icb, place"),
            Fields.required(GEOGRAPHY_CODE, DataTypes.StringType, "Code of the geography"),
            Fields.required(
                INDICATOR, DataTypes.StringType, "Indicator name, e.g. emergency_admissions_dsr"),
            Fields.required(
                BREAKDOWN,
                DataTypes.StringType,
                "Breakdown dimension, e.g. imd_decile, imd_quintile, ethnicity, all"),
            Fields.required(
                GROUP_VALUE,
                DataTypes.StringType,
                "Group within the breakdown, e.g. 1 (most deprived), not_known, all"),
            Fields.optional(
                NUMERATOR,
                DataTypes.DoubleType,
                "Events or successes (count; null when suppressed)"),
            Fields.optional(
                DENOMINATOR,
                DataTypes.DoubleType,
                "Population, person-years or trials (count; null when suppressed)"),
            Fields.optional(
                VALUE,
                DataTypes.DoubleType,
                "Indicator value in the unit the method states (e.g. per 100,000)"),
            Fields.optional(LOWER_CI, DataTypes.DoubleType, "Lower confidence limit, value units"),
            Fields.optional(UPPER_CI, DataTypes.DoubleType, "Upper confidence limit, value units"),
            Fields.required(
                METHOD, DataTypes.StringType, "Method of the value and limits, e.g. Dobson, Byars"),
            Fields.required(
                CONFIDENCE, DataTypes.DoubleType, "Confidence level of the limits (0-1)"),
            Fields.required(
                IS_SUPPRESSED,
                DataTypes.BooleanType,
                "True when counts and derived values were withheld (small numbers)")
          });

  public static final List<String> KEY =
      List.of(GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, INDICATOR, BREAKDOWN, GROUP_VALUE);

  public static final OutputTable TABLE =
      OutputTable.sliced(
          NAME,
          "Inequality indicators by geography and breakdown group, with confidence limits and"
              + " small-number suppression",
          COLUMNS,
          Map.of(
              "confidence_in_range", CONFIDENCE + " > 0 AND " + CONFIDENCE + " <= 1",
              "limits_ordered",
                  LOWER_CI
                      + " IS NULL OR "
                      + UPPER_CI
                      + " IS NULL OR "
                      + LOWER_CI
                      + " <= "
                      + UPPER_CI));
}
