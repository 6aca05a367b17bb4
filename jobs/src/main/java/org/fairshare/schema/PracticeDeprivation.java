package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the practice_deprivation input: each GP practice's deprivation score, the IMD score
 * averaged over its registered patients' small areas (OHID Fingertips indicator 93553).
 */
public final class PracticeDeprivation {
  private PracticeDeprivation() {}

  public static final String DATASET = "practice_deprivation";

  public static final String PRACTICE_CODE = Columns.PRACTICE_CODE;
  public static final String IMD_VINTAGE = "imd_vintage";
  public static final String IMD_SCORE = "imd_score";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(PRACTICE_CODE, DataTypes.StringType, "GP practice code"),
            Fields.required(IMD_VINTAGE, DataTypes.IntegerType, "IMD release year, e.g. 2019"),
            Fields.required(
                IMD_SCORE,
                DataTypes.DoubleType,
                "Registered-population-weighted IMD score (higher is more deprived)")
          });

  public static final List<String> KEY = List.of(PRACTICE_CODE, IMD_VINTAGE);

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "GP practice deprivation (IMD) score by IMD release.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(PRACTICE_CODE),
              new Check.NotNull(IMD_VINTAGE),
              new Check.NotNull(IMD_SCORE),
              new Check.Range(IMD_VINTAGE, 2000.0, 2100.0),
              new Check.Range(IMD_SCORE, 0.0, 100.0)));
}
