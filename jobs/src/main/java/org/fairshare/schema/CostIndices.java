package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the cost_indices input: unavoidable-cost indices (market forces, rurality, ...) per
 * place or ICB; 1.0 is average.
 */
public final class CostIndices {
  private CostIndices() {}

  public static final String DATASET = "cost_indices";

  public static final String ORGANISATION_CODE = Columns.ORGANISATION_CODE;
  public static final String INDEX_NAME = "index_name";
  public static final String VALUE = "value";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(ORGANISATION_CODE, DataTypes.StringType, "Place or ICB code"),
            Fields.required(
                INDEX_NAME, DataTypes.StringType, "Index name, e.g. market_forces or rurality"),
            Fields.required(VALUE, DataTypes.DoubleType, "Index value, 1.0 = national average cost")
          });

  public static final List<String> KEY = List.of(ORGANISATION_CODE, INDEX_NAME);

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "unavoidable-cost indices (market forces, rurality, ...) per place or ICB; 1.0 is average.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(ORGANISATION_CODE),
              new Check.NotNull(INDEX_NAME),
              new Check.Range(VALUE, 0.01, 100.0)));
}
