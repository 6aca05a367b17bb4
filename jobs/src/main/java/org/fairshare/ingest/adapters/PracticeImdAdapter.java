package org.fairshare.ingest.adapters;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.ingest.InputFiles;
import org.fairshare.schema.Fields;
import org.fairshare.schema.PracticeDeprivation;

/**
 * OHID Fingertips indicator 93553 "Deprivation score (IMD)" for GP practices, as downloaded from
 * Fingertips (IndicatorID, Year, AreaCode, AreaName, IsAreaCurrent, Value; Year is the IMD
 * release).
 */
public final class PracticeImdAdapter {
  private PracticeImdAdapter() {}

  public static final String NAME = "fingertips_practice_imd";

  static final Map<String, String> HEADERS =
      Map.of(
          PracticeDeprivation.PRACTICE_CODE, "AreaCode",
          PracticeDeprivation.IMD_VINTAGE, "Year",
          PracticeDeprivation.IMD_SCORE, "Value");

  static Dataset<Row> read(SparkSession spark, InputFiles files) {
    StructType layout =
        new StructType()
            .add(Fields.required(PracticeDeprivation.PRACTICE_CODE, DataTypes.StringType, ""))
            .add(Fields.required(PracticeDeprivation.IMD_VINTAGE, DataTypes.IntegerType, ""))
            .add(Fields.required(PracticeDeprivation.IMD_SCORE, DataTypes.DoubleType, ""));
    Dataset<Row> all = null;
    for (var f : files.files()) {
      if (f.getFileName().toString().endsWith(".md")) {
        continue;
      }
      Dataset<Row> one = Adapters.readPublished(spark, files.spec(), f, layout, HEADERS);
      all = all == null ? one : all.unionByName(one);
    }
    List<Column> cols = new ArrayList<>(Adapters.rowColumns());
    cols.add(0, col(PracticeDeprivation.IMD_SCORE));
    cols.add(0, col(PracticeDeprivation.IMD_VINTAGE));
    cols.add(0, col(PracticeDeprivation.PRACTICE_CODE));
    return all.select(cols.toArray(Column[]::new));
  }
}
