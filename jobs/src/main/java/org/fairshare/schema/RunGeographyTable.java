package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Output table run_geography: the geography vintages a run used, one row per run slice. */
public final class RunGeographyTable {
  private RunGeographyTable() {}

  public static final String RUN_ID = "run_id";
  public static final String LSOA_VINTAGE = "lsoa_vintage";
  public static final String LSOA_VINTAGES_IN_DATA = "lsoa_vintages_in_data";
  public static final String NHS_VINTAGE = "nhs_vintage";
  public static final String AREAS = "areas";
  public static final String PLACES = "places";
  public static final String SUB_ICBS = "sub_icbs";
  public static final String ICBS = "icbs";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(
                LSOA_VINTAGE,
                DataTypes.StringType,
                "Small-area (LSOA) vintage configured (geography.lsoa_vintage): 2011 or 2021"),
            Fields.required(
                LSOA_VINTAGES_IN_DATA,
                DataTypes.StringType,
                "Distinct lsoa_vintage values of the geography input, comma-separated"),
            Fields.required(
                NHS_VINTAGE,
                DataTypes.StringType,
                "Vintage of the ICB / sub-ICB / place codes (geography.nhs_vintage, else the"
                    + " financial year)"),
            Fields.required(AREAS, DataTypes.LongType, "Small areas in the geography (count)"),
            Fields.required(PLACES, DataTypes.LongType, "Places (count)"),
            Fields.required(SUB_ICBS, DataTypes.LongType, "Sub-ICB locations (count)"),
            Fields.required(ICBS, DataTypes.LongType, "ICBs (count)")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "run_geography",
          "The small-area and NHS boundary vintages of each run slice, with the counts of areas"
              + " and organisations",
          SCHEMA,
          Map.of());
}
