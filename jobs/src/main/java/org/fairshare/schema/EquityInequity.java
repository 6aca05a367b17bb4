package org.fairshare.schema;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table {@code equity_inequity}: concentration indices of use and of need-expected use over
 * the national deprivation rank, and the horizontal inequity index, per geography and service.
 */
public final class EquityInequity {
  private EquityInequity() {}

  public static final String NAME = "equity_inequity";

  public static final String GEOGRAPHY_LEVEL = EquityAccess.GEOGRAPHY_LEVEL;
  public static final String GEOGRAPHY_CODE = EquityAccess.GEOGRAPHY_CODE;
  public static final String SERVICE = Columns.SERVICE;
  public static final String AREAS = "areas";
  public static final String USE_PER_HEAD = "use_per_head";
  public static final String CI_USE = "ci_use";
  public static final String CI_USE_SE = "ci_use_se";
  public static final String CI_NEED = "ci_need";
  public static final String CI_NEED_SE = "ci_need_se";
  public static final String HI = "hi";
  public static final String HI_SE = "hi_se";
  public static final String HI_LOWER_CI = "hi_lower_ci";
  public static final String HI_UPPER_CI = "hi_upper_ci";
  public static final String CONFIDENCE = EquityAccess.CONFIDENCE;
  public static final String METHOD = "method";

  public static final StructType COLUMNS =
      new StructType(
          new StructField[] {
            Fields.required(GEOGRAPHY_LEVEL, DataTypes.StringType, "england, icb or place"),
            Fields.required(GEOGRAPHY_CODE, DataTypes.StringType, "Code of the geography"),
            Fields.required(SERVICE, DataTypes.StringType, "Service, as in activity"),
            Fields.required(
                AREAS, DataTypes.LongType, "Small areas (the groups of the grouped-data index)"),
            Fields.optional(
                USE_PER_HEAD, DataTypes.DoubleType, "Observed events per resident (per person)"),
            Fields.optional(
                CI_USE,
                DataTypes.DoubleType,
                "Concentration index of use per head over national IMD rank (-1..1; < 0 ="
                    + " concentrated among the more deprived)"),
            Fields.optional(CI_USE_SE, DataTypes.DoubleType, "Delta-method standard error"),
            Fields.optional(
                CI_NEED,
                DataTypes.DoubleType,
                "Concentration index of need-expected use per head (-1..1)"),
            Fields.optional(CI_NEED_SE, DataTypes.DoubleType, "Delta-method standard error"),
            Fields.optional(
                HI,
                DataTypes.DoubleType,
                "Horizontal inequity index ci_use - ci_need (> 0 = use favours the less deprived"
                    + " beyond need; < 0 = favours the more deprived)"),
            Fields.optional(
                HI_SE,
                DataTypes.DoubleType,
                "Standard error of hi: sqrt(se_use^2 + se_need^2), the two indices treated as"
                    + " independent (conservative when they covary positively)"),
            Fields.optional(HI_LOWER_CI, DataTypes.DoubleType, "Lower normal limit of hi"),
            Fields.optional(HI_UPPER_CI, DataTypes.DoubleType, "Upper normal limit of hi"),
            Fields.required(CONFIDENCE, DataTypes.DoubleType, "Confidence level, 1 - alpha"),
            Fields.required(METHOD, DataTypes.StringType, "How the indices were computed")
          });

  public static final List<String> KEY = List.of(GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, SERVICE);

  public static final OutputTable TABLE =
      OutputTable.sliced(
          NAME,
          "Concentration indices of use and need-expected use over national deprivation rank and"
              + " the horizontal inequity index (HI = CI use - CI need), per geography and service",
          COLUMNS,
          Map.of());
}
