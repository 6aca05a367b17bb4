package org.fairshare.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * An output Delta table: name, documented schema, partitioning and constraints. Every table but the
 * run log is sliced by financial year and scenario: a run replaces exactly its own slice.
 *
 * @param schema the columns after the two slice columns, which {@link #sliced} puts first
 * @param checks CHECK constraints by name, as SQL boolean expressions over the columns
 */
public record OutputTable(
    String name,
    String description,
    StructType schema,
    List<String> partitionColumns,
    Map<String, String> checks) {

  public static final StructField FINANCIAL_YEAR_FIELD =
      Fields.required(
          Columns.FINANCIAL_YEAR, DataTypes.StringType, "Financial year of the run, e.g. 2025-26");
  public static final StructField SCENARIO_FIELD =
      Fields.required(Columns.SCENARIO, DataTypes.StringType, "Scenario name of the run");

  /**
   * Returns a table keyed by financial year and scenario (partitioned by both), with these columns
   * after them.
   */
  public static OutputTable sliced(
      String name, String description, StructType columns, Map<String, String> checks) {
    List<StructField> fields = new ArrayList<>();
    fields.add(FINANCIAL_YEAR_FIELD);
    fields.add(SCENARIO_FIELD);
    fields.addAll(List.of(columns.fields()));
    return new OutputTable(
        name,
        description,
        new StructType(fields.toArray(StructField[]::new)),
        List.of(Columns.FINANCIAL_YEAR, Columns.SCENARIO),
        checks);
  }

  public boolean isSliced() {
    return partitionColumns.contains(Columns.FINANCIAL_YEAR)
        && partitionColumns.contains(Columns.SCENARIO);
  }
}
