package org.fairshare.schema;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table {@code equity_spend}: spend per head and per need-weighted head per ICB and service,
 * against the ICB's share of need.
 */
public final class EquitySpend {
  private EquitySpend() {}

  public static final String NAME = "equity_spend";

  public static final String ICB_CODE = Columns.ICB_CODE;
  public static final String SERVICE = Columns.SERVICE;
  public static final String SPEND_GBP = "spend_gbp";
  public static final String PERSONS = EquityAccess.PERSONS;
  public static final String NEED_WEIGHTED_PERSONS = "need_weighted_persons";
  public static final String SPEND_PER_HEAD_GBP = "spend_per_head_gbp";
  public static final String SPEND_PER_NEED_WEIGHTED_HEAD_GBP = "spend_per_need_weighted_head_gbp";
  public static final String SPEND_SHARE = "spend_share";
  public static final String NEED_SHARE = "need_share";
  public static final String SPEND_TO_NEED_RATIO = "spend_to_need_ratio";

  public static final StructType COLUMNS =
      new StructType(
          new StructField[] {
            Fields.required(ICB_CODE, DataTypes.StringType, "ICB (the spend's organisation_code)"),
            Fields.required(SERVICE, DataTypes.StringType, "Service, as in activity"),
            Fields.required(SPEND_GBP, Money.TYPE, "Spend in the data year (GBP)"),
            Fields.required(PERSONS, DataTypes.DoubleType, "Resident persons"),
            Fields.optional(
                NEED_WEIGHTED_PERSONS,
                DataTypes.DoubleType,
                "Persons x (ICB need-expected events per head / national events per head)"),
            Fields.optional(SPEND_PER_HEAD_GBP, Money.TYPE, "Spend per resident (GBP)"),
            Fields.optional(
                SPEND_PER_NEED_WEIGHTED_HEAD_GBP,
                Money.TYPE,
                "Spend per need-weighted resident (GBP)"),
            Fields.optional(
                SPEND_SHARE, DataTypes.DoubleType, "ICB's share of national spend (0..1)"),
            Fields.optional(
                NEED_SHARE,
                DataTypes.DoubleType,
                "ICB's share of national need-expected events (0..1)"),
            Fields.optional(
                SPEND_TO_NEED_RATIO,
                DataTypes.DoubleType,
                "spend_share / need_share (1 = spend in line with need)")
          });

  public static final List<String> KEY = List.of(ICB_CODE, SERVICE);

  public static final OutputTable TABLE =
      OutputTable.sliced(
          NAME,
          "Spend per head and per need-weighted head per ICB and service, against need share",
          COLUMNS,
          Map.of());
}
