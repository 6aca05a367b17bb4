package org.fairshare.trends;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.Columns;
import org.fairshare.schema.InequalityIndicators;
import org.fairshare.schema.InequalitySummary;
import org.fairshare.schema.TrendsTable;
import org.junit.jupiter.api.Test;

class TrendsTest extends SparkTestBase {
  private static final StructType INDICATORS =
      new StructType()
          .add(Columns.FINANCIAL_YEAR, DataTypes.StringType)
          .add(InequalityIndicators.GEOGRAPHY_LEVEL, DataTypes.StringType)
          .add(InequalityIndicators.GEOGRAPHY_CODE, DataTypes.StringType)
          .add(InequalityIndicators.INDICATOR, DataTypes.StringType)
          .add(InequalityIndicators.BREAKDOWN, DataTypes.StringType)
          .add(InequalityIndicators.GROUP_VALUE, DataTypes.StringType)
          .add(InequalityIndicators.VALUE, DataTypes.DoubleType)
          .add(InequalityIndicators.LOWER_CI, DataTypes.DoubleType)
          .add(InequalityIndicators.UPPER_CI, DataTypes.DoubleType)
          .add(InequalityIndicators.CONFIDENCE, DataTypes.DoubleType);

  private static final StructType SUMMARY =
      new StructType()
          .add(Columns.FINANCIAL_YEAR, DataTypes.StringType)
          .add(InequalitySummary.GEOGRAPHY_LEVEL, DataTypes.StringType)
          .add(InequalitySummary.GEOGRAPHY_CODE, DataTypes.StringType)
          .add(InequalitySummary.INDICATOR, DataTypes.StringType)
          .add(InequalitySummary.MEASURE, DataTypes.StringType)
          .add(InequalitySummary.VALUE, DataTypes.DoubleType)
          .add(InequalitySummary.LOWER_CI, DataTypes.DoubleType)
          .add(InequalitySummary.UPPER_CI, DataTypes.DoubleType);

  private static Row last(Dataset<Row> trends, String code) {
    return trends
        .where(
            col(TrendsTable.GEOGRAPHY_CODE)
                .equalTo(code)
                .and(col(TrendsTable.VALUE_YEAR).equalTo("2025-26")))
        .first();
  }

  @Test
  void changeSinceFirstYearHasLimitsFromBothYearsErrors() {
    // 95% limits of +-1 give a standard error of 1/1.96 each year; the change's 95% limits are
    // then change +- sqrt(2).
    Dataset<Row> trends =
        Trends.ofIndicators(
            rows(
                INDICATORS,
                new Object[] {
                  "2024-25", "place", "P1", "rate", "all", "all", 10.0, 9.0, 11.0, 0.95
                },
                new Object[] {
                  "2025-26", "place", "P1", "rate", "all", "all", 14.0, 13.0, 15.0, 0.95
                },
                new Object[] {
                  "2024-25", "place", "P2", "rate", "all", "all", 10.0, 9.0, 11.0, 0.95
                },
                new Object[] {
                  "2025-26", "place", "P2", "rate", "all", "all", 11.0, 10.0, 12.0, 0.95
                }),
            0.05);
    Row p1 = last(trends, "P1");
    assertThat(p1.<String>getAs(TrendsTable.FIRST_YEAR)).isEqualTo("2024-25");
    assertThat(p1.<Double>getAs(TrendsTable.CHANGE)).isCloseTo(4.0, within(1e-9));
    assertThat(p1.<Double>getAs(TrendsTable.CHANGE_LOWER))
        .isCloseTo(4.0 - Math.sqrt(2), within(1e-6));
    assertThat(p1.<Double>getAs(TrendsTable.CHANGE_UPPER))
        .isCloseTo(4.0 + Math.sqrt(2), within(1e-6));
    assertThat(p1.<Boolean>getAs(TrendsTable.IS_SIGNIFICANT)).isTrue();
    assertThat(last(trends, "P2").<Boolean>getAs(TrendsTable.IS_SIGNIFICANT)).isFalse();
    assertThat(trends.count()).isEqualTo(4);
  }

  @Test
  void aSignificantlySmallerSiiIsNarrowingAndAWiderOneIsNot() {
    Dataset<Row> trends =
        Trends.ofSummary(
            rows(
                SUMMARY,
                new Object[] {"2024-25", "icb", "I1", "rate", "sii", 5.0, 4.0, 6.0},
                new Object[] {"2025-26", "icb", "I1", "rate", "sii", 2.0, 1.0, 3.0},
                new Object[] {"2024-25", "icb", "I2", "rate", "sii", 2.0, 1.0, 3.0},
                new Object[] {"2025-26", "icb", "I2", "rate", "sii", 5.0, 4.0, 6.0},
                new Object[] {"2024-25", "icb", "I3", "rate", "rii", 2.0, 1.5, 2.5},
                new Object[] {"2025-26", "icb", "I3", "rate", "rii", 1.0, 0.9, 1.1}),
            0.95,
            0.05);
    assertThat(last(trends, "I1").<Boolean>getAs(TrendsTable.IS_NARROWING)).isTrue();
    assertThat(last(trends, "I2").<Boolean>getAs(TrendsTable.IS_NARROWING)).isFalse();
    assertThat(last(trends, "I3").<Boolean>getAs(TrendsTable.IS_NARROWING)).isNull();
    assertThat(last(trends, "I1").<String>getAs(TrendsTable.SOURCE))
        .isEqualTo(TrendsTable.FROM_SUMMARY);
  }

  @Test
  void theFirstYearHasNoChangeAndIsNotSignificant() {
    Row first =
        Trends.ofIndicators(
                rows(
                    INDICATORS,
                    new Object[] {
                      "2025-26", "place", "P1", "rate", "all", "all", 14.0, 13.0, 15.0, 0.95
                    },
                    new Object[] {
                      "2024-25", "place", "P1", "rate", "all", "all", 10.0, 9.0, 11.0, 0.95
                    }),
                0.05)
            .where(col(TrendsTable.VALUE_YEAR).equalTo("2024-25"))
            .first();
    assertThat(first.<Double>getAs(TrendsTable.CHANGE)).isEqualTo(0.0);
    assertThat(first.<Boolean>getAs(TrendsTable.IS_SIGNIFICANT)).isFalse();
    assertThat(List.of(first.schema().fieldNames()))
        .containsAll(List.of(TrendsTable.SCHEMA.fieldNames()));
  }
}
