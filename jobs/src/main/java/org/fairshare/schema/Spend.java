package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the spend input: spend by service and organisation (commissioner or provider) and
 * year, with unit costs.
 */
public final class Spend {
  private Spend() {}

  public static final String DATASET = "spend";

  public static final String ORGANISATION_CODE = Columns.ORGANISATION_CODE;
  public static final String SERVICE = Columns.SERVICE;
  public static final String YEAR = Columns.YEAR;
  public static final String SPEND_GBP = "spend_gbp";
  public static final String UNIT_COST_GBP = "unit_cost_gbp";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(
                ORGANISATION_CODE, DataTypes.StringType, "Organisation code (ICB or provider)"),
            Fields.required(SERVICE, DataTypes.StringType, "Service, as in activity"),
            Fields.required(YEAR, DataTypes.IntegerType, "Calendar year the spend relates to"),
            Fields.required(SPEND_GBP, Money.TYPE, "Spend (GBP)"),
            Fields.optional(UNIT_COST_GBP, Money.TYPE, "Average cost per event (GBP)")
          });

  public static final List<String> KEY = List.of(ORGANISATION_CODE, SERVICE, YEAR);

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "spend by service and organisation (commissioner or provider) and year, with unit costs.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(ORGANISATION_CODE),
              new Check.NotNull(SERVICE),
              new Check.Range(YEAR, 1990.0, 2100.0),
              new Check.Range(SPEND_GBP, 0.0, null),
              new Check.Range(UNIT_COST_GBP, 0.0, null)));
}
