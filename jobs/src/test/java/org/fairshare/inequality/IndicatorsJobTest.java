package org.fairshare.inequality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.Test;

class IndicatorsJobTest extends SparkTestBase {

  private static final StructType TIDY =
      new StructType()
          .add("area_code", DataTypes.StringType)
          .add(IndicatorsJob.NUMERATOR, DataTypes.DoubleType)
          .add(IndicatorsJob.DENOMINATOR, DataTypes.DoubleType);

  private static Dataset<Row> tidy() {
    return rows(
        TIDY,
        new Object[] {"E1", 20.0, 1000.0},
        new Object[] {"E1", 30.0, 1000.0},
        new Object[] {"E2", 5.0, 500.0});
  }

  @Test
  void crudeRateDefaultsToPerHundredThousand() {
    List<Row> out =
        IndicatorsJob.run(
                spark,
                tidy(),
                "crude_rate",
                List.of("area_code"),
                IndicatorsJob.Parameters.defaults())
            .orderBy("area_code")
            .collectAsList();
    assertThat(out.get(0).<Double>getAs("value")).isCloseTo(50 / 2000.0 * 100_000, within(1e-9));
    assertThat(out.get(1).<String>getAs("method")).isEqualTo("Exact");
  }

  @Test
  void unknownMeasureIsRejectedByName() {
    assertThatThrownBy(
            () ->
                IndicatorsJob.run(
                    spark,
                    tidy(),
                    "gini",
                    List.of("area_code"),
                    IndicatorsJob.Parameters.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown measure 'gini'");
  }

  @Test
  void missingColumnIsNamed() {
    assertThatThrownBy(
            () ->
                IndicatorsJob.run(
                    spark,
                    tidy(),
                    "dsr",
                    List.of("area_code"),
                    IndicatorsJob.Parameters.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'age_band'");
  }
}
