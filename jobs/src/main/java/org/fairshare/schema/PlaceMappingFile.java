package org.fairshare.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The optional custom area-to-place mapping (CSV with a header: area_code,place_code), named by
 * allocation.place_mapping_path, used when allocation.place_level=custom.
 */
public final class PlaceMappingFile {
  private PlaceMappingFile() {}

  public static final String AREA_CODE = Columns.AREA_CODE;
  public static final String PLACE_CODE = Columns.PLACE_CODE;

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(AREA_CODE, DataTypes.StringType, "Small-area (LSOA) code"),
            Fields.required(PLACE_CODE, DataTypes.StringType, "Place the area belongs to")
          });
}
