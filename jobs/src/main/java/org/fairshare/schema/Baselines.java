package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the baselines input: last year's recurrent allocation per place and funding stream.
 */
public final class Baselines {
  private Baselines() {}

  public static final String DATASET = "baselines";

  public static final String PLACE_CODE = Columns.PLACE_CODE;

  /** Not financial_year: that name is the slice column of every output table. */
  public static final String BASELINE_YEAR = "baseline_year";

  public static final String STREAM = "stream";
  public static final String BASELINE_GBP = "baseline_gbp";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(
                PLACE_CODE, DataTypes.StringType, "Place code, as in the geography lookup"),
            Fields.required(
                BASELINE_YEAR,
                DataTypes.StringType,
                "Financial year of the baseline, e.g. 2024-25"),
            Fields.required(
                STREAM, DataTypes.StringType, "Funding stream: core or primary_medical_care"),
            Fields.required(BASELINE_GBP, Money.TYPE, "Recurrent baseline allocation (GBP)")
          });

  public static final List<String> KEY = List.of(PLACE_CODE, BASELINE_YEAR, STREAM);

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "last year's recurrent allocation per place and funding stream.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(PLACE_CODE),
              new Check.Matches(BASELINE_YEAR, "^[0-9]{4}-[0-9]{2}$"),
              new Check.OneOf(STREAM, List.of("core", "primary_medical_care")),
              new Check.Range(BASELINE_GBP, 0.0, null)));
}
