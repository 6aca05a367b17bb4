package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the practices input: GP practices with their primary care network, sub-ICB and ICB.
 */
public final class Practices {
  private Practices() {}

  public static final String DATASET = "practices";

  public static final String PRACTICE_CODE = Columns.PRACTICE_CODE;
  public static final String PRACTICE_NAME = "practice_name";
  public static final String PCN_CODE = Columns.PCN_CODE;
  public static final String PCN_NAME = "pcn_name";
  public static final String SUB_ICB_CODE = Columns.SUB_ICB_CODE;
  public static final String ICB_CODE = Columns.ICB_CODE;

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(PRACTICE_CODE, DataTypes.StringType, "GP practice code"),
            Fields.optional(PRACTICE_NAME, DataTypes.StringType, "Practice name"),
            Fields.required(PCN_CODE, DataTypes.StringType, "Primary care network code"),
            Fields.optional(PCN_NAME, DataTypes.StringType, "PCN name"),
            Fields.required(SUB_ICB_CODE, DataTypes.StringType, "Sub-ICB location code"),
            Fields.required(ICB_CODE, DataTypes.StringType, "ICB code")
          });

  public static final List<String> KEY = List.of(PRACTICE_CODE);

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "GP practices with their primary care network, sub-ICB and ICB.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(PRACTICE_CODE),
              new Check.NotNull(PCN_CODE),
              new Check.NotNull(SUB_ICB_CODE),
              new Check.NotNull(ICB_CODE)));
}
