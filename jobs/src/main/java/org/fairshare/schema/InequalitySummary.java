package org.fairshare.schema;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table {@code inequality_summary}: summary measures of inequality per geography and
 * indicator (SII, RII, concentration index, gaps).
 */
public final class InequalitySummary {
  private InequalitySummary() {}

  public static final String NAME = "inequality_summary";

  public static final String GEOGRAPHY_LEVEL = InequalityIndicators.GEOGRAPHY_LEVEL;
  public static final String GEOGRAPHY_CODE = InequalityIndicators.GEOGRAPHY_CODE;
  public static final String INDICATOR = InequalityIndicators.INDICATOR;
  public static final String MEASURE = "measure";
  public static final String VALUE = InequalityIndicators.VALUE;
  public static final String LOWER_CI = InequalityIndicators.LOWER_CI;
  public static final String UPPER_CI = InequalityIndicators.UPPER_CI;
  public static final String METHOD = InequalityIndicators.METHOD;

  /** Measures the table holds. */
  public static final List<String> MEASURES =
      List.of("sii", "rii", "concentration_index", "gap_absolute", "gap_relative");

  public static final StructType COLUMNS =
      new StructType(
          new StructField[] {
            Fields.required(
                GEOGRAPHY_LEVEL, DataTypes.StringType, "Geography level, e.g. icb, sub_icb, place"),
            Fields.required(GEOGRAPHY_CODE, DataTypes.StringType, "Code of the geography"),
            Fields.required(INDICATOR, DataTypes.StringType, "Indicator name"),
            Fields.required(
                MEASURE,
                DataTypes.StringType,
                "sii (indicator units, least minus most deprived end), rii (ratio), "
                    + "concentration_index (-1..1, >0 = concentrated in less deprived), "
                    + "gap_absolute, gap_relative (most vs least deprived group)"),
            Fields.optional(VALUE, DataTypes.DoubleType, "Value of the measure"),
            Fields.optional(LOWER_CI, DataTypes.DoubleType, "Lower confidence limit"),
            Fields.optional(UPPER_CI, DataTypes.DoubleType, "Upper confidence limit"),
            Fields.required(
                METHOD,
                DataTypes.StringType,
                "How the value and limits were computed, e.g. simulation 100000 reps")
          });

  public static final List<String> KEY =
      List.of(GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, INDICATOR, MEASURE);

  public static final OutputTable TABLE =
      OutputTable.sliced(
          NAME,
          "Summary measures of inequality (SII, RII, concentration index, gaps) per geography and"
              + " indicator",
          COLUMNS,
          Map.of(
              "known_measure",
              MEASURE
                  + " IN ('sii', 'rii', 'concentration_index', 'gap_absolute', 'gap_relative')"));
}
