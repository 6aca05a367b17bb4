package org.fairshare.need;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.schema.Columns;
import org.fairshare.schema.GeographyLookup;
import org.fairshare.schema.PlaceMappingFile;

/** What a "place" is for a run: which place and ICB each small area belongs to. */
public final class Places {
  private Places() {}

  public static final String LOOKUP = "lookup";
  public static final String LA = "la";
  public static final String SUB_ICB = "sub_icb";
  public static final String CUSTOM = "custom";

  /**
   * Returns area_code, place_code, icb_code, msoa_code, la_code for every area of the lookup. The
   * place is the lookup's place_code, the local authority, the sub-ICB location, or (custom) the
   * mapping's place, falling back to the lookup's place for areas the mapping omits.
   *
   * @param customMapping area_code, place_code; used only when level is {@link #CUSTOM}
   */
  public static Dataset<Row> areaPlaces(
      Dataset<Row> geography, String level, Dataset<Row> customMapping) {
    Column place =
        switch (level) {
          case LOOKUP, CUSTOM -> col(GeographyLookup.PLACE_CODE);
          case LA -> col(GeographyLookup.LA_CODE);
          case SUB_ICB -> col(GeographyLookup.SUB_ICB_CODE);
          default -> throw new IllegalArgumentException("unknown place level '" + level + "'");
        };
    Dataset<Row> areas =
        geography.select(
            col(GeographyLookup.AREA_CODE),
            place.as(Columns.PLACE_CODE),
            col(GeographyLookup.ICB_CODE),
            col(GeographyLookup.MSOA_CODE),
            col(GeographyLookup.LA_CODE));
    if (!CUSTOM.equals(level)) {
      return areas;
    }
    Dataset<Row> mapping =
        customMapping.select(
            col(PlaceMappingFile.AREA_CODE), col(PlaceMappingFile.PLACE_CODE).as("mapped_place"));
    return areas
        .join(mapping, new String[] {Columns.AREA_CODE}, "left")
        .withColumn(Columns.PLACE_CODE, coalesce(col("mapped_place"), col(Columns.PLACE_CODE)))
        .drop("mapped_place");
  }
}
