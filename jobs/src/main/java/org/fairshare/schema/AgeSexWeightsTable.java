package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Output table age_sex_weights: national spend per head by age band and sex, per service. */
public final class AgeSexWeightsTable {
  private AgeSexWeightsTable() {}

  public static final String SERVICE = Columns.SERVICE;
  public static final String AGE_BAND_START = AllocationColumns.AGE_BAND_START;
  public static final String AGE_BAND_END = "age_band_end";
  public static final String SEX = Columns.SEX;
  public static final String POPULATION = AllocationColumns.POPULATION;
  public static final String EVENTS = "events";
  public static final String COST_PER_EVENT_GBP = "cost_per_event_gbp";
  public static final String SPEND_PER_HEAD_GBP = "spend_per_head_gbp";
  public static final String WEIGHT = "weight";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(SERVICE, DataTypes.StringType, "Service, as in activity"),
            Fields.required(AGE_BAND_START, DataTypes.IntegerType, "First age of the band (years)"),
            Fields.optional(
                AGE_BAND_END, DataTypes.IntegerType, "Last age of the band; null for 90 and over"),
            Fields.required(SEX, DataTypes.StringType, "F or M"),
            Fields.required(
                POPULATION, DataTypes.DoubleType, "National residents in the band (persons)"),
            Fields.required(EVENTS, DataTypes.LongType, "National events in the band (count)"),
            Fields.required(
                COST_PER_EVENT_GBP,
                DataTypes.DoubleType,
                "National cost per event of the service (GBP)"),
            Fields.optional(
                SPEND_PER_HEAD_GBP,
                DataTypes.DoubleType,
                "National spend per resident in the band (GBP per person); null if no residents"),
            Fields.optional(
                WEIGHT,
                DataTypes.DoubleType,
                "Spend per head relative to the national average of the service (1.0 = average)")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "age_sex_weights",
          "Age-sex cost weights: national spend per head by band and sex relative to the average",
          SCHEMA,
          Map.of("weight_not_negative", WEIGHT + " IS NULL OR " + WEIGHT + " >= 0"));
}
