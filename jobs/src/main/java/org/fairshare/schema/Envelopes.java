package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Contract of the envelopes input: each ICB's financial envelope per funding stream and financial
 * year.
 */
public final class Envelopes {
  private Envelopes() {}

  public static final String DATASET = "envelopes";

  public static final String ICB_CODE = Columns.ICB_CODE;

  /** Not financial_year: that name is the slice column of every output table. */
  public static final String ENVELOPE_YEAR = "envelope_year";

  public static final String STREAM = "stream";
  public static final String ENVELOPE_GBP = "envelope_gbp";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            Fields.required(ICB_CODE, DataTypes.StringType, "ICB code"),
            Fields.required(
                ENVELOPE_YEAR,
                DataTypes.StringType,
                "Financial year of the allocation, e.g. 2025-26"),
            Fields.required(
                STREAM, DataTypes.StringType, "Funding stream: core or primary_medical_care"),
            Fields.required(ENVELOPE_GBP, Money.TYPE, "Envelope to share among places (GBP)")
          });

  public static final List<String> KEY = List.of(ICB_CODE, ENVELOPE_YEAR, STREAM);

  public static final DatasetContract CONTRACT =
      new DatasetContract(
          DATASET,
          "each ICB's financial envelope per funding stream and financial year.",
          SCHEMA,
          KEY,
          List.of(
              new Check.NotNull(ICB_CODE),
              new Check.Matches(ENVELOPE_YEAR, "^[0-9]{4}-[0-9]{2}$"),
              new Check.OneOf(STREAM, List.of("core", "primary_medical_care")),
              new Check.Range(ENVELOPE_GBP, 0.0, null)));
}
