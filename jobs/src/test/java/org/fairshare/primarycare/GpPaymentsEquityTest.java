package org.fairshare.primarycare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.GpPayments;
import org.fairshare.schema.GpPaymentsByDeprivationTable;
import org.fairshare.schema.GpPaymentsInequalityTable;
import org.fairshare.schema.PracticeDeprivation;
import org.fairshare.schema.Practices;
import org.junit.jupiter.api.Test;

class GpPaymentsEquityTest extends SparkTestBase {

  private static final StructType PAYMENTS =
      new StructType()
          .add(GpPayments.PRACTICE_CODE, DataTypes.StringType)
          .add(GpPayments.PAYMENT_YEAR, DataTypes.StringType)
          .add(GpPayments.REGISTERED_PATIENTS, DataTypes.DoubleType)
          .add(GpPayments.WEIGHTED_PATIENTS, DataTypes.DoubleType)
          .add(GpPayments.TOTAL_PAYMENTS_GBP, DataTypes.DoubleType);
  private static final StructType SCORES =
      new StructType()
          .add(PracticeDeprivation.PRACTICE_CODE, DataTypes.StringType)
          .add(PracticeDeprivation.IMD_VINTAGE, DataTypes.IntegerType)
          .add(PracticeDeprivation.IMD_SCORE, DataTypes.DoubleType);
  private static final StructType PRACTICES =
      new StructType()
          .add(Practices.PRACTICE_CODE, DataTypes.StringType)
          .add(Practices.ICB_CODE, DataTypes.StringType);

  /** Ten practices, two per fifth; practice i has score 100 - 10i and is paid (100 + i) a head. */
  private static Dataset<Row> quintiles() {
    List<Object[]> pay = new ArrayList<>();
    List<Object[]> score = new ArrayList<>();
    List<Object[]> icb = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      double weighted = 2000 + 100 * i;
      pay.add(new Object[] {"P" + i, "2022-23", weighted, weighted, (100 + i) * weighted});
      score.add(new Object[] {"P" + i, 2019, 100.0 - 10 * i});
      score.add(new Object[] {"P" + i, 2015, 10.0 * i});
      icb.add(new Object[] {"P" + i, "Q1"});
    }
    pay.add(new Object[] {"SMALL", "2022-23", 10.0, 10.0, 1e6});
    score.add(new Object[] {"SMALL", 2019, 99.0});
    return GpPaymentsEquity.practiceQuintiles(
        rows(PAYMENTS, pay.toArray(Object[][]::new)),
        rows(SCORES, score.toArray(Object[][]::new)),
        rows(PRACTICES, icb.toArray(Object[][]::new)),
        2019,
        1000);
  }

  @Test
  void practicesAreInFifthsByScoreMostDeprivedFirstAndSmallListsLeftOut() {
    List<Row> q = quintiles().orderBy(GpPayments.PRACTICE_CODE).collectAsList();
    assertThat(q).hasSize(10);
    assertThat((int) q.get(0).getAs(GpPaymentsByDeprivationTable.IMD_QUINTILE)).isEqualTo(1);
    assertThat((int) q.get(1).getAs(GpPaymentsByDeprivationTable.IMD_QUINTILE)).isEqualTo(1);
    assertThat((int) q.get(9).getAs(GpPaymentsByDeprivationTable.IMD_QUINTILE)).isEqualTo(5);
  }

  @Test
  void fifthRateIsTotalPaymentsOverWeightedPatientsWithLinearisedError() {
    Row q1 =
        GpPaymentsEquity.byQuintile(quintiles())
            .where(functions.col(GpPaymentsByDeprivationTable.GEOGRAPHY_LEVEL).equalTo("england"))
            .where(functions.col(GpPaymentsByDeprivationTable.IMD_QUINTILE).equalTo(1))
            .first();
    // P0: 2000 x 100, P1: 2100 x 101 -> R = 412100 / 4100.
    double r = (2000 * 100.0 + 2100 * 101.0) / 4100;
    double ss = Math.pow(2000 * 100.0 - r * 2000, 2) + Math.pow(2100 * 101.0 - r * 2100, 2);
    double se = Math.sqrt(ss * 2 / 1) / 4100;
    assertThat((double) q1.getAs(GpPaymentsByDeprivationTable.PER_WEIGHTED_PATIENT_GBP))
        .isCloseTo(r, within(1e-9));
    assertThat((double) q1.getAs(GpPaymentsByDeprivationTable.STANDARD_ERROR_GBP))
        .isCloseTo(se, within(1e-9));
    assertThat((long) q1.getAs(GpPaymentsByDeprivationTable.PRACTICES)).isEqualTo(2L);
  }

  @Test
  void siiIsPositiveWhenLessDeprivedPracticesArePaidMore() {
    Dataset<Row> sii =
        GpPaymentsEquity.inequality(GpPaymentsEquity.byQuintile(quintiles()), 1000, 1);
    Row england =
        sii.where(functions.col(GpPaymentsInequalityTable.GEOGRAPHY_LEVEL).equalTo("england"))
            .first();
    assertThat((double) england.getAs(GpPaymentsInequalityTable.SII_GBP)).isBetween(7.0, 11.0);
    assertThat((double) england.getAs(GpPaymentsInequalityTable.MOST_TO_LEAST_RATIO))
        .isLessThan(1.0);
    assertThat(sii.count()).isEqualTo(2L);
  }
}
