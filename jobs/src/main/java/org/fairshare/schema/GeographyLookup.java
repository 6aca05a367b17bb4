package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the geography input: small area to MSOA, local authority, place, sub-ICB, ICB and
 * region, with codes and names.
 */
public final class GeographyLookup {
  private GeographyLookup() {}

  public static final String DATASET = "geography";

  public static final String AREA_CODE = Columns.AREA_CODE;
  public static final String AREA_NAME = Columns.AREA_NAME;
  public static final String LSOA_VINTAGE = "lsoa_vintage";
  public static final String MSOA_CODE = Columns.MSOA_CODE;
  public static final String MSOA_NAME = "msoa_name";
  public static final String LA_CODE = Columns.LA_CODE;
  public static final String LA_NAME = "la_name";
  public static final String PLACE_CODE = Columns.PLACE_CODE;
  public static final String PLACE_NAME = "place_name";
  public static final String SUB_ICB_CODE = Columns.SUB_ICB_CODE;
  public static final String SUB_ICB_NAME = "sub_icb_name";
  public static final String ICB_CODE = Columns.ICB_CODE;
  public static final String ICB_NAME = "icb_name";
  public static final String REGION_CODE = Columns.REGION_CODE;
  public static final String REGION_NAME = "region_name";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(AREA_CODE, DataTypes.StringType, "Small-area (LSOA) code"),
            Fields.optional(AREA_NAME, DataTypes.StringType, "Small-area name"),
            Fields.required(
                LSOA_VINTAGE, DataTypes.IntegerType, "LSOA boundary vintage: 2011 or 2021"),
            Fields.required(MSOA_CODE, DataTypes.StringType, "Middle-layer super output area code"),
            Fields.optional(MSOA_NAME, DataTypes.StringType, "MSOA name"),
            Fields.required(LA_CODE, DataTypes.StringType, "Local authority (lower tier) code"),
            Fields.optional(LA_NAME, DataTypes.StringType, "Local authority name"),
            Fields.required(
                PLACE_CODE,
                DataTypes.StringType,
                "Place (place-based partnership) code; by default the local authority"),
            Fields.optional(PLACE_NAME, DataTypes.StringType, "Place name"),
            Fields.required(SUB_ICB_CODE, DataTypes.StringType, "Sub-ICB location code"),
            Fields.optional(SUB_ICB_NAME, DataTypes.StringType, "Sub-ICB location name"),
            Fields.required(ICB_CODE, DataTypes.StringType, "Integrated care board code"),
            Fields.optional(ICB_NAME, DataTypes.StringType, "ICB name"),
            Fields.required(REGION_CODE, DataTypes.StringType, "NHS England region code"),
            Fields.optional(REGION_NAME, DataTypes.StringType, "Region name")
          });

  public static final List<String> KEY = List.of(AREA_CODE);

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "small area to MSOA, local authority, place, sub-ICB, ICB and region, with codes and names.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(AREA_CODE),
              new Check.MatchesConfiguredPattern(AREA_CODE, "geography.area_code_pattern"),
              new Check.OneOf(LSOA_VINTAGE, List.of("2011", "2021")),
              new Check.NotNull(MSOA_CODE),
              new Check.NotNull(LA_CODE),
              new Check.NotNull(PLACE_CODE),
              new Check.NotNull(SUB_ICB_CODE),
              new Check.NotNull(ICB_CODE),
              new Check.NotNull(REGION_CODE)));
}
