package org.fairshare.schema;

import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output table health_inequalities_area: stabilised premature or avoidable mortality ratio and the
 * health-inequalities weighted population per small area.
 */
public final class HealthInequalitiesTable {
  private HealthInequalitiesTable() {}

  public static final String AREA_CODE = Columns.AREA_CODE;
  public static final String PARENT_CODE = "parent_code";
  public static final String POPULATION = AllocationColumns.POPULATION;
  public static final String OBSERVED_DEATHS = "observed_deaths";
  public static final String EXPECTED_DEATHS = "expected_deaths";
  public static final String MORTALITY_RATIO_RAW = "mortality_ratio_raw";
  public static final String PARENT_RATIO = "parent_ratio";
  public static final String MORTALITY_RATIO = "mortality_ratio";
  public static final String WEIGHTED_POPULATION = AllocationColumns.WEIGHTED_POPULATION;

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(AREA_CODE, DataTypes.StringType, "Small-area (LSOA) code"),
            Fields.required(
                PARENT_CODE,
                DataTypes.StringType,
                "MSOA or local authority the ratio is shrunk towards"),
            Fields.required(POPULATION, DataTypes.DoubleType, "Residents (persons)"),
            Fields.required(
                OBSERVED_DEATHS,
                DataTypes.LongType,
                "Deaths counted over the pooled years (count)"),
            Fields.required(
                EXPECTED_DEATHS,
                DataTypes.DoubleType,
                "Deaths expected at national age-sex rates over the same years (count)"),
            Fields.optional(
                MORTALITY_RATIO_RAW,
                DataTypes.DoubleType,
                "Observed / expected (1.0 = England); null when none expected"),
            Fields.required(
                PARENT_RATIO,
                DataTypes.DoubleType,
                "Parent area's ratio, itself shrunk towards England (1.0)"),
            Fields.required(
                MORTALITY_RATIO,
                DataTypes.DoubleType,
                "Gamma-Poisson posterior mean ratio, shrunk towards the parent (1.0 = England)"),
            Fields.required(
                WEIGHTED_POPULATION,
                DataTypes.DoubleType,
                "Population x ratio, rescaled so England's total is its population (persons)")
          });

  public static final OutputTable TABLE =
      OutputTable.sliced(
          "health_inequalities_area",
          "Health-inequalities (unmet need) adjustment per small area",
          SCHEMA,
          Map.of("ratio_not_negative", MORTALITY_RATIO + " >= 0"));
}
