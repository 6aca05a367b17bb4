package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table trends: each indicator value (inequality_indicators) and each inequality summary
 * measure (inequality_summary: SII, RII, concentration index, most-least deprived gap) for every
 * financial year of the scenario up to the run's, with the change since the first year and whether
 * it is significant. The run's slice holds the whole series up to its year.
 */
public final class TrendsTable {
  private TrendsTable() {}

  public static final String SOURCE = "source";
  public static final String GEOGRAPHY_LEVEL = InequalityIndicators.GEOGRAPHY_LEVEL;
  public static final String GEOGRAPHY_CODE = InequalityIndicators.GEOGRAPHY_CODE;
  public static final String INDICATOR = InequalityIndicators.INDICATOR;
  public static final String BREAKDOWN = InequalityIndicators.BREAKDOWN;
  public static final String GROUP_VALUE = InequalityIndicators.GROUP_VALUE;
  public static final String MEASURE = InequalitySummary.MEASURE;
  public static final String VALUE_YEAR = "value_year";
  public static final String VALUE = InequalityIndicators.VALUE;
  public static final String LOWER_CI = InequalityIndicators.LOWER_CI;
  public static final String UPPER_CI = InequalityIndicators.UPPER_CI;
  public static final String FIRST_YEAR = "first_year";
  public static final String FIRST_VALUE = "first_value";
  public static final String CHANGE = "change_since_first";
  public static final String CHANGE_LOWER = "change_lower_ci";
  public static final String CHANGE_UPPER = "change_upper_ci";
  public static final String IS_SIGNIFICANT = "is_significant";
  public static final String IS_NARROWING = "is_narrowing";

  /** source of rows from inequality_indicators. */
  public static final String FROM_INDICATORS = "indicator";

  /** source of rows from inequality_summary. */
  public static final String FROM_SUMMARY = "inequality_gap";

  /** measure of the rows from inequality_indicators. */
  public static final String MEASURE_VALUE = "value";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(
                SOURCE,
                DataTypes.StringType,
                "indicator (inequality_indicators) or inequality_gap (inequality_summary)"),
            Fields.required(GEOGRAPHY_LEVEL, DataTypes.StringType, "Geography level"),
            Fields.required(GEOGRAPHY_CODE, DataTypes.StringType, "Code of the geography"),
            Fields.required(INDICATOR, DataTypes.StringType, "Indicator name"),
            Fields.required(
                BREAKDOWN, DataTypes.StringType, "Breakdown of the indicator; 'all' for gaps"),
            Fields.required(GROUP_VALUE, DataTypes.StringType, "Group within the breakdown"),
            Fields.required(
                MEASURE,
                DataTypes.StringType,
                "value for indicators; sii, rii, concentration_index, gap_absolute, gap_relative"),
            Fields.required(
                VALUE_YEAR, DataTypes.StringType, "Financial year of the value, e.g. 2024-25"),
            Fields.optional(VALUE, DataTypes.DoubleType, "Value in that year (indicator units)"),
            Fields.optional(LOWER_CI, DataTypes.DoubleType, "Lower confidence limit"),
            Fields.optional(UPPER_CI, DataTypes.DoubleType, "Upper confidence limit"),
            Fields.required(FIRST_YEAR, DataTypes.StringType, "First financial year of the series"),
            Fields.optional(FIRST_VALUE, DataTypes.DoubleType, "Value in the first year"),
            Fields.optional(CHANGE, DataTypes.DoubleType, "value - first_value (indicator units)"),
            Fields.optional(
                CHANGE_LOWER,
                DataTypes.DoubleType,
                "Lower limit of the change: years independent, standard errors from the limits"),
            Fields.optional(CHANGE_UPPER, DataTypes.DoubleType, "Upper limit of the change"),
            Fields.optional(
                IS_SIGNIFICANT,
                DataTypes.BooleanType,
                "The change limits at 1 - trends.significance_level exclude 0; null without limits"),
            Fields.optional(
                IS_NARROWING,
                DataTypes.BooleanType,
                "For sii, gap_absolute and concentration_index: the gap is significantly smaller"
                    + " in absolute value than in the first year; null for other measures")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "trends",
          "Indicators and inequality gaps over the financial years of the scenario, with the"
              + " change since the first year and its significance",
          SCHEMA,
          Map.of());
}
