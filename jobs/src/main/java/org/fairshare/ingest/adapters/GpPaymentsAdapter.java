package org.fairshare.ingest.adapters;

import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.ingest.InputFiles;
import org.fairshare.schema.Fields;
import org.fairshare.schema.GpPayments;

/**
 * NHS Digital's NHS Payments to General Practice, one CSV per financial year
 * (payments_to_general_practice_YYYY-YY.csv[.gz]). The files' columns change from year to year (51
 * to 75 columns, renamed and reordered payment lines); the few this adapter reads are found by
 * header through {@link #HEADERS}, with per-year overrides in {@link #YEAR_HEADERS}.
 */
public final class GpPaymentsAdapter {
  private GpPaymentsAdapter() {}

  public static final String NAME = "nhsd_payments_to_general_practice";

  static final String FILES = "payments_to_general_practice_*.csv*";

  /** Contract column to published header, for every year unless overridden. */
  static final Map<String, String> HEADERS =
      Map.of(
          GpPayments.PRACTICE_CODE, "Practice Code",
          GpPayments.SUB_ICB_CODE, "CCG Code",
          GpPayments.REGISTERED_PATIENTS, "Number of Registered Patients (Last Known Figure)",
          GpPayments.WEIGHTED_PATIENTS, "Number of Weighted Patients (Last Known Figure)",
          GpPayments.TOTAL_PAYMENTS_GBP, "Total NHS Payments to General Practice");

  /**
   * Per financial year, the headers that differ from {@link #HEADERS}. 2022-23 heads the sub-ICB
   * code "CCG Code" but its name "Sub ICB NAME", and the PCN code "Code": the code column keeps its
   * old header, so no override is needed for what this adapter reads; a year that renames one adds
   * an entry here.
   */
  static final Map<String, Map<String, String>> YEAR_HEADERS = Map.of();

  /** Returns the published columns this adapter reads, typed. */
  static StructType layout() {
    return new StructType()
        .add(Fields.required(GpPayments.PRACTICE_CODE, DataTypes.StringType, ""))
        .add(Fields.optional(GpPayments.SUB_ICB_CODE, DataTypes.StringType, ""))
        .add(Fields.optional(GpPayments.REGISTERED_PATIENTS, DataTypes.DoubleType, ""))
        .add(Fields.optional(GpPayments.WEIGHTED_PATIENTS, DataTypes.DoubleType, ""))
        .add(Fields.required(GpPayments.TOTAL_PAYMENTS_GBP, DataTypes.DoubleType, ""));
  }

  /** Returns the headers of a financial year's file. */
  static Map<String, String> headers(String paymentYear) {
    Map<String, String> h = new LinkedHashMap<>(HEADERS);
    h.putAll(YEAR_HEADERS.getOrDefault(paymentYear, Map.of()));
    return h;
  }

  /** Returns one row per practice and year of every file. */
  static Dataset<Row> read(SparkSession spark, InputFiles files) {
    Dataset<Row> all = null;
    for (Path f : Adapters.select(files, FILES)) {
      String year = Adapters.financialYearOf(f);
      Dataset<Row> one =
          Adapters.readPublished(spark, files.spec(), f, layout(), headers(year))
              .withColumn(GpPayments.PAYMENT_YEAR, lit(year));
      all = all == null ? one : all.unionByName(one);
    }
    return all;
  }
}
