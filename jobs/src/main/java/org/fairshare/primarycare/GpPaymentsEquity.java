package org.fairshare.primarycare;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.fairshare.inequality.SlopeIndex;
import org.fairshare.schema.GpPayments;
import org.fairshare.schema.GpPaymentsByDeprivationTable;
import org.fairshare.schema.GpPaymentsInequalityTable;
import org.fairshare.schema.PracticeDeprivation;
import org.fairshare.schema.Practices;

/**
 * GP payments per need-weighted patient by practice deprivation: practices are put in national
 * fifths by their IMD score each payment year (1 = most deprived, equal numbers of practices), and
 * each fifth's total payments are divided by its Carr-Hill weighted patients (a ratio estimator,
 * with its linearised standard error over practices); the slope index of inequality across the
 * fifths is PHE's, weighted by weighted patients.
 */
public final class GpPaymentsEquity {
  private GpPaymentsEquity() {}

  public static final String ENGLAND = "england";
  public static final String ICB = "icb";
  public static final String ENGLAND_CODE = "E92000001";

  private static final double Z95 = 1.959963984540054;
  private static final String X = "_x";
  private static final String Y = "_y";

  /**
   * Returns one row per practice and payment year with payment_year, practice_code, icb_code (null
   * when the practice is not in the practices input), imd_quintile, registered_patients,
   * weighted_patients and total_payments_gbp; practices without a score, without payments or with
   * fewer weighted patients than the minimum are left out.
   */
  public static Dataset<Row> practiceQuintiles(
      Dataset<Row> payments,
      Dataset<Row> deprivation,
      Dataset<Row> practices,
      int imdVintage,
      double minWeightedPatients) {
    Dataset<Row> scores =
        deprivation
            .where(col(PracticeDeprivation.IMD_VINTAGE).equalTo(imdVintage))
            .select(col(PracticeDeprivation.PRACTICE_CODE), col(PracticeDeprivation.IMD_SCORE));
    Dataset<Row> icbs =
        practices == null
            ? null
            : practices.select(col(Practices.PRACTICE_CODE), col(Practices.ICB_CODE));
    Dataset<Row> rows =
        payments
            .where(col(GpPayments.WEIGHTED_PATIENTS).geq(minWeightedPatients))
            .where(col(GpPayments.TOTAL_PAYMENTS_GBP).gt(0))
            .join(scores, GpPayments.PRACTICE_CODE);
    rows =
        icbs == null
            ? rows.withColumn(Practices.ICB_CODE, lit(null).cast(DataTypes.StringType))
            : rows.join(icbs, GpPayments.PRACTICE_CODE, "left");
    Column quintile =
        functions
            .ntile(5)
            .over(
                Window.partitionBy(col(GpPayments.PAYMENT_YEAR))
                    .orderBy(
                        col(PracticeDeprivation.IMD_SCORE).desc(), col(GpPayments.PRACTICE_CODE)));
    return rows.withColumn(GpPaymentsByDeprivationTable.IMD_QUINTILE, quintile)
        .select(
            col(GpPayments.PAYMENT_YEAR),
            col(GpPayments.PRACTICE_CODE),
            col(Practices.ICB_CODE),
            col(GpPaymentsByDeprivationTable.IMD_QUINTILE),
            functions
                .coalesce(col(GpPayments.REGISTERED_PATIENTS), lit(0.0))
                .as(GpPayments.REGISTERED_PATIENTS),
            col(GpPayments.WEIGHTED_PATIENTS),
            col(GpPayments.TOTAL_PAYMENTS_GBP));
  }

  /** Returns gp_payments_by_deprivation's columns for England and every ICB. */
  public static Dataset<Row> byQuintile(Dataset<Row> practiceQuintiles) {
    Dataset<Row> england =
        practiceQuintiles
            .withColumn(GpPaymentsByDeprivationTable.GEOGRAPHY_LEVEL, lit(ENGLAND))
            .withColumn(GpPaymentsByDeprivationTable.GEOGRAPHY_CODE, lit(ENGLAND_CODE));
    Dataset<Row> icb =
        practiceQuintiles
            .where(col(Practices.ICB_CODE).isNotNull())
            .withColumn(GpPaymentsByDeprivationTable.GEOGRAPHY_LEVEL, lit(ICB))
            .withColumn(GpPaymentsByDeprivationTable.GEOGRAPHY_CODE, col(Practices.ICB_CODE));
    Dataset<Row> rows =
        england
            .unionByName(icb)
            .withColumn(X, col(GpPayments.WEIGHTED_PATIENTS))
            .withColumn(Y, col(GpPayments.TOTAL_PAYMENTS_GBP));
    Column[] group = {
      col(GpPaymentsByDeprivationTable.PAYMENT_YEAR),
      col(GpPaymentsByDeprivationTable.GEOGRAPHY_LEVEL),
      col(GpPaymentsByDeprivationTable.GEOGRAPHY_CODE),
      col(GpPaymentsByDeprivationTable.IMD_QUINTILE)
    };
    var w = Window.partitionBy(group);
    Column ratio = sum(col(Y)).over(w).divide(sum(col(X)).over(w));
    Column residual = col(Y).minus(col("_r").multiply(col(X)));
    Dataset<Row> sums =
        rows.withColumn("_r", ratio)
            .withColumn("_res2", residual.multiply(residual))
            .groupBy(group)
            .agg(
                functions.count(lit(1)).as(GpPaymentsByDeprivationTable.PRACTICES),
                sum(col(GpPayments.REGISTERED_PATIENTS))
                    .as(GpPaymentsByDeprivationTable.REGISTERED_PATIENTS),
                sum(col(X)).as(GpPaymentsByDeprivationTable.WEIGHTED_PATIENTS),
                sum(col(Y)).as(GpPaymentsByDeprivationTable.TOTAL_PAYMENTS_GBP),
                sum(col("_res2")).as("_ss"));
    Column n = col(GpPaymentsByDeprivationTable.PRACTICES);
    Column rate =
        col(GpPaymentsByDeprivationTable.TOTAL_PAYMENTS_GBP)
            .divide(col(GpPaymentsByDeprivationTable.WEIGHTED_PATIENTS));
    Column se =
        when(
            n.gt(1),
            functions
                .sqrt(col("_ss").multiply(n).divide(n.minus(1)))
                .divide(col(GpPaymentsByDeprivationTable.WEIGHTED_PATIENTS)));
    return sums.withColumn(GpPaymentsByDeprivationTable.PER_WEIGHTED_PATIENT_GBP, rate)
        .withColumn(GpPaymentsByDeprivationTable.STANDARD_ERROR_GBP, se)
        .withColumn(GpPaymentsByDeprivationTable.LOWER_CI_GBP, rate.minus(se.multiply(Z95)))
        .withColumn(GpPaymentsByDeprivationTable.UPPER_CI_GBP, rate.plus(se.multiply(Z95)))
        .withColumn(
            GpPaymentsByDeprivationTable.PER_REGISTERED_PATIENT_GBP,
            functions.try_divide(
                col(GpPaymentsByDeprivationTable.TOTAL_PAYMENTS_GBP),
                col(GpPaymentsByDeprivationTable.REGISTERED_PATIENTS)))
        .drop("_ss");
  }

  /**
   * Returns gp_payments_inequality's columns: per year and geography with all five fifths (each of
   * at least two practices), the SII and RII with simulated 95% limits and the two end fifths.
   */
  public static Dataset<Row> inequality(Dataset<Row> byQuintile, int repetitions, long seed) {
    List<String> keys =
        List.of(
            GpPaymentsByDeprivationTable.PAYMENT_YEAR,
            GpPaymentsByDeprivationTable.GEOGRAPHY_LEVEL,
            GpPaymentsByDeprivationTable.GEOGRAPHY_CODE);
    Column[] keyCols = keys.stream().map(k -> col(k)).toArray(Column[]::new);
    var w = Window.partitionBy(keyCols);
    Dataset<Row> complete =
        byQuintile
            .withColumn("_quintiles", functions.count(lit(1)).over(w))
            .withColumn(
                "_min_practices",
                functions.min(col(GpPaymentsByDeprivationTable.PRACTICES)).over(w))
            .where(col("_quintiles").equalTo(5).and(col("_min_practices").geq(2)));
    Dataset<Row> sii =
        SlopeIndex.slopeIndex(
            complete,
            keys,
            new SlopeIndex.Inputs(
                GpPaymentsByDeprivationTable.IMD_QUINTILE,
                GpPaymentsByDeprivationTable.WEIGHTED_PATIENTS,
                GpPaymentsByDeprivationTable.PER_WEIGHTED_PATIENT_GBP,
                null,
                GpPaymentsByDeprivationTable.STANDARD_ERROR_GBP,
                null,
                null),
            new SlopeIndex.Options(
                SlopeIndex.ValueType.OTHER, false, 1.0, List.of(0.95), repetitions, seed));
    Dataset<Row> ends =
        complete
            .groupBy(keyCols)
            .agg(
                functions
                    .max(
                        when(
                            col(GpPaymentsByDeprivationTable.IMD_QUINTILE).equalTo(1),
                            col(GpPaymentsByDeprivationTable.PER_WEIGHTED_PATIENT_GBP)))
                    .as(GpPaymentsInequalityTable.MOST_DEPRIVED_GBP),
                functions
                    .max(
                        when(
                            col(GpPaymentsByDeprivationTable.IMD_QUINTILE).equalTo(5),
                            col(GpPaymentsByDeprivationTable.PER_WEIGHTED_PATIENT_GBP)))
                    .as(GpPaymentsInequalityTable.LEAST_DEPRIVED_GBP));
    return ends.join(sii, keys.toArray(String[]::new))
        .select(
            col(GpPaymentsInequalityTable.PAYMENT_YEAR),
            col(GpPaymentsInequalityTable.GEOGRAPHY_LEVEL),
            col(GpPaymentsInequalityTable.GEOGRAPHY_CODE),
            col(GpPaymentsInequalityTable.MOST_DEPRIVED_GBP),
            col(GpPaymentsInequalityTable.LEAST_DEPRIVED_GBP),
            col(GpPaymentsInequalityTable.MOST_DEPRIVED_GBP)
                .divide(col(GpPaymentsInequalityTable.LEAST_DEPRIVED_GBP))
                .as(GpPaymentsInequalityTable.MOST_TO_LEAST_RATIO),
            col(SlopeIndex.SII).as(GpPaymentsInequalityTable.SII_GBP),
            col(SlopeIndex.SII_LOWER).as(GpPaymentsInequalityTable.SII_LOWER_GBP),
            col(SlopeIndex.SII_UPPER).as(GpPaymentsInequalityTable.SII_UPPER_GBP),
            col(SlopeIndex.RII).as(GpPaymentsInequalityTable.RII),
            col(SlopeIndex.RII_LOWER).as(GpPaymentsInequalityTable.RII_LOWER),
            col(SlopeIndex.RII_UPPER).as(GpPaymentsInequalityTable.RII_UPPER));
  }
}
