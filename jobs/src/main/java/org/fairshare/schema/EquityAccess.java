package org.fairshare.schema;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table {@code equity_access}: observed against need-expected use per geography, breakdown,
 * group and service, with Poisson confidence limits of the ratio.
 */
public final class EquityAccess {
  private EquityAccess() {}

  public static final String NAME = "equity_access";

  public static final String GEOGRAPHY_LEVEL = "geography_level";
  public static final String GEOGRAPHY_CODE = "geography_code";
  public static final String BREAKDOWN = "breakdown";
  public static final String GROUP_VALUE = "group_value";
  public static final String SERVICE = Columns.SERVICE;
  public static final String PERSONS = "persons";
  public static final String OBSERVED = "observed";
  public static final String EXPECTED = "expected";
  public static final String RATIO = "ratio";
  public static final String LOWER_CI = "lower_ci";
  public static final String UPPER_CI = "upper_ci";
  public static final String CONFIDENCE = "confidence";
  public static final String CI_METHOD = "ci_method";
  public static final String NEED_BASIS = "need_basis";

  /** Geography levels. */
  public static final String ENGLAND = "england";

  public static final String ICB = "icb";
  public static final String PLACE = "place";

  /** Breakdowns. */
  public static final String ALL = "all";

  public static final String IMD_QUINTILE = "imd_quintile";
  public static final String IMD_DECILE = "imd_decile";
  public static final String LOCAL_QUINTILE = "local_quintile";
  public static final String CORE20 = "core20";
  public static final String PLUS = "plus";

  public static final StructType COLUMNS =
      new StructType(
          new StructField[] {
            Fields.required(GEOGRAPHY_LEVEL, DataTypes.StringType, "england, icb or place"),
            Fields.required(
                GEOGRAPHY_CODE, DataTypes.StringType, "Code of the geography (E92000001 for all)"),
            Fields.required(
                BREAKDOWN,
                DataTypes.StringType,
                "all; imd_quintile or imd_decile (national, 1 = most deprived); local_quintile"
                    + " (population quintile of national IMD rank within the place, 1 = most"
                    + " deprived); core20 or plus (group_value true/false)"),
            Fields.required(
                GROUP_VALUE, DataTypes.StringType, "The group within the breakdown, e.g. 1, true"),
            Fields.required(SERVICE, DataTypes.StringType, "Service, as in activity"),
            Fields.required(PERSONS, DataTypes.DoubleType, "Resident persons in the data year"),
            Fields.required(OBSERVED, DataTypes.LongType, "Observed events in the data year"),
            Fields.required(
                EXPECTED,
                DataTypes.DoubleType,
                "Need-expected events: persons x national rate by age and sex (x need multiplier"
                    + " where given)"),
            Fields.optional(
                RATIO,
                DataTypes.DoubleType,
                "Observed / expected (1 = use in line with need; below 1 = less use than need)"),
            Fields.optional(LOWER_CI, DataTypes.DoubleType, "Lower confidence limit of the ratio"),
            Fields.optional(UPPER_CI, DataTypes.DoubleType, "Upper confidence limit of the ratio"),
            Fields.required(
                CONFIDENCE, DataTypes.DoubleType, "Confidence level of the limits, 1 - alpha"),
            Fields.optional(
                CI_METHOD,
                DataTypes.StringType,
                "Exact (Poisson, fewer than 10 events) or Byars (10 or more)"),
            Fields.required(NEED_BASIS, DataTypes.StringType, "How need-expected use was computed")
          });

  public static final List<String> KEY =
      List.of(GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, BREAKDOWN, GROUP_VALUE, SERVICE);

  public static final OutputTable TABLE =
      OutputTable.sliced(
          NAME,
          "Observed against need-expected use (indirect standardisation) per geography, breakdown,"
              + " group and service, with Poisson confidence limits",
          COLUMNS,
          Map.of("non_negative_expected", EXPECTED + " >= 0"));
}
