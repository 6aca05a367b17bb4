package org.fairshare.schema;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table {@code place_need_indices}: NHS England's place-based allocation tool reproduced
 * from the published practice weighted populations: per place and component, the need index
 * (WP_place / Pop_place) / (WP_ICB / Pop_ICB).
 */
public final class PlaceNeedIndicesTable {
  private PlaceNeedIndicesTable() {}

  public static final String NAME = "place_need_indices";

  /** Indices as NHS England publishes them: three decimals. */
  public static final DecimalType INDEX_TYPE = DataTypes.createDecimalType(9, 3);

  public static final String ALLOCATION_YEAR = PublishedWeightedPopulations.ALLOCATION_YEAR;
  public static final String PLACE_LEVEL = "place_level";
  public static final String ICB_CODE = Columns.ICB_CODE;
  public static final String PLACE_CODE = Columns.PLACE_CODE;
  public static final String COMPONENT = PublishedWeightedPopulations.COMPONENT;
  public static final String PRACTICES = "practices";
  public static final String POPULATION = "population";
  public static final String WEIGHTED_POPULATION = "weighted_population";
  public static final String NEED_INDEX = "need_index";
  public static final String ICB_NEED_INDEX = "icb_need_index";

  public static final StructType COLUMNS =
      new StructType(
          new StructField[] {
            Fields.required(
                ALLOCATION_YEAR,
                DataTypes.StringType,
                "Allocation year of the weighted populations"),
            Fields.required(
                PLACE_LEVEL,
                DataTypes.StringType,
                "What a place is: icb, sub_icb, pcn, la, custom"),
            Fields.required(ICB_CODE, DataTypes.StringType, "ICB (ODS code)"),
            Fields.required(PLACE_CODE, DataTypes.StringType, "Place code at that level"),
            Fields.required(COMPONENT, DataTypes.StringType, "Formula component"),
            Fields.required(PRACTICES, DataTypes.LongType, "GP practices in the place (count)"),
            Fields.required(
                POPULATION, DataTypes.LongType, "Unweighted population, whole persons (half-up)"),
            Fields.required(
                WEIGHTED_POPULATION,
                DataTypes.LongType,
                "Weighted population, whole persons (half-up)"),
            Fields.required(
                NEED_INDEX,
                INDEX_TYPE,
                "(WP_place / Pop_place) / (WP_ICB / Pop_ICB) from unrounded sums, 0.001 half-up"),
            Fields.required(
                ICB_NEED_INDEX,
                INDEX_TYPE,
                "(WP_ICB / Pop_ICB) / (WP_England / Pop_England), 0.001 half-up")
          });

  public static final List<String> KEY =
      List.of(ALLOCATION_YEAR, PLACE_LEVEL, ICB_CODE, PLACE_CODE, COMPONENT);

  public static final OutputTable TABLE =
      OutputTable.sliced(
          NAME,
          "NHS England place tool: need index per place and component against its ICB",
          COLUMNS,
          Map.of());
}
