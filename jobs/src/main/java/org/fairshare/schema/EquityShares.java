package org.fairshare.schema;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table {@code equity_shares}: the share of use, need and (estimated) spend reaching the
 * Core20 (nationally most deprived 20% of areas) and PLUS groups, per geography and service.
 */
public final class EquityShares {
  private EquityShares() {}

  public static final String NAME = "equity_shares";

  public static final String GEOGRAPHY_LEVEL = EquityAccess.GEOGRAPHY_LEVEL;
  public static final String GEOGRAPHY_CODE = EquityAccess.GEOGRAPHY_CODE;
  public static final String POPULATION_GROUP = "population_group";
  public static final String SERVICE = Columns.SERVICE;
  public static final String POPULATION_SHARE = "population_share";
  public static final String USE_SHARE = "use_share";
  public static final String NEED_SHARE = "need_share";
  public static final String USE_TO_NEED_RATIO = "use_to_need_ratio";
  public static final String SPEND_GBP = "spend_gbp";
  public static final String SPEND_SHARE = "spend_share";
  public static final String SPEND_TO_NEED_RATIO = "spend_to_need_ratio";

  public static final String CORE20 = EquityAccess.CORE20;
  public static final String PLUS = EquityAccess.PLUS;

  public static final StructType COLUMNS =
      new StructType(
          new StructField[] {
            Fields.required(GEOGRAPHY_LEVEL, DataTypes.StringType, "england or icb"),
            Fields.required(GEOGRAPHY_CODE, DataTypes.StringType, "Code of the geography"),
            Fields.required(
                POPULATION_GROUP,
                DataTypes.StringType,
                "core20 (areas in national IMD deciles 1-2) or plus (the configured areas)"),
            Fields.required(SERVICE, DataTypes.StringType, "Service, as in activity"),
            Fields.optional(
                POPULATION_SHARE, DataTypes.DoubleType, "Group's share of residents (0..1)"),
            Fields.optional(USE_SHARE, DataTypes.DoubleType, "Group's share of events (0..1)"),
            Fields.optional(
                NEED_SHARE, DataTypes.DoubleType, "Group's share of need-expected events (0..1)"),
            Fields.optional(
                USE_TO_NEED_RATIO,
                DataTypes.DoubleType,
                "use_share / need_share (1 = the group gets its need share)"),
            Fields.optional(
                SPEND_GBP,
                Money.TYPE,
                "Estimated spend on the group (GBP): ICB spend apportioned by the group's share of"
                    + " the ICB's events, i.e. at the ICB's average unit cost"),
            Fields.optional(
                SPEND_SHARE, DataTypes.DoubleType, "Group's estimated share of spend (0..1)"),
            Fields.optional(SPEND_TO_NEED_RATIO, DataTypes.DoubleType, "spend_share / need_share")
          });

  public static final List<String> KEY =
      List.of(GEOGRAPHY_LEVEL, GEOGRAPHY_CODE, POPULATION_GROUP, SERVICE);

  public static final OutputTable TABLE =
      OutputTable.sliced(
          NAME,
          "Core20PLUS check: shares of use, need and estimated spend reaching the nationally most"
              + " deprived 20% of areas and the configured PLUS areas",
          COLUMNS,
          Map.of());
}
