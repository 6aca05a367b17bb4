package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the registered_lists input: patients registered with each GP practice by single year
 * of age and sex.
 */
public final class RegisteredLists {
  private RegisteredLists() {}

  public static final String DATASET = "registered_lists";

  public static final String PRACTICE_CODE = Columns.PRACTICE_CODE;
  public static final String YEAR = Columns.YEAR;
  public static final String SEX = Columns.SEX;
  public static final String AGE = Columns.AGE;
  public static final String PATIENTS = "patients";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(PRACTICE_CODE, DataTypes.StringType, "GP practice code"),
            Fields.required(YEAR, DataTypes.IntegerType, "Calendar year of the list snapshot"),
            Fields.required(SEX, DataTypes.StringType, "F or M"),
            Fields.required(
                AGE, DataTypes.IntegerType, "Single year of age, 0 to 90; 90 means 90 and over"),
            Fields.required(PATIENTS, DataTypes.LongType, "Registered patients (count)")
          });

  public static final List<String> KEY = List.of(PRACTICE_CODE, YEAR, SEX, AGE);

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "patients registered with each GP practice by single year of age and sex.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(PRACTICE_CODE),
              new Check.Range(YEAR, 1990.0, 2100.0),
              new Check.OneOf(SEX, List.of("F", "M")),
              new Check.Range(AGE, 0.0, (double) Columns.MAX_AGE),
              new Check.Range(PATIENTS, 0.0, null),
              new Check.References(
                  "unknown_practice",
                  Check.Severity.ERROR,
                  List.of(PRACTICE_CODE),
                  Practices.DATASET,
                  List.of(Practices.PRACTICE_CODE),
                  null)));
}
