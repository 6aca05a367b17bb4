package org.fairshare.geography;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.Money;
import org.junit.jupiter.api.Test;

class BoundaryMappingTest extends SparkTestBase {
  private static final StructType LOOKUP =
      new StructType().add("area_code", DataTypes.StringType).add("icb_code", DataTypes.StringType);
  private static final StructType POP =
      new StructType()
          .add("area_code", DataTypes.StringType)
          .add("population", DataTypes.DoubleType);
  private static final StructType MONEY =
      new StructType()
          .add("icb_code", DataTypes.StringType)
          .add("stream", DataTypes.StringType)
          .add("baseline_gbp", Money.TYPE);

  /** Old ICBs X (a1, a2) and W (a3, a4) become Y (a1), Z (a2) and, merged, V (a3, a4). */
  private static Dataset<Row> mapping() {
    return BoundaryMapping.fromAreaLookups(
        rows(
            LOOKUP,
            new Object[] {"a1", "X"},
            new Object[] {"a2", "X"},
            new Object[] {"a3", "W"},
            new Object[] {"a4", "W"}),
        rows(
            LOOKUP,
            new Object[] {"a1", "Y"},
            new Object[] {"a2", "Z"},
            new Object[] {"a3", "V"},
            new Object[] {"a4", "V"}),
        rows(
            POP,
            new Object[] {"a1", 100.0},
            new Object[] {"a2", 200.0},
            new Object[] {"a3", 50.0},
            new Object[] {"a4", 50.0}),
        "area_code");
  }

  @Test
  void sharesOfASplitFollowPopulationAndAMergerTakesAll() {
    Map<String, Double> shares =
        mapping().collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.<String>getAs("from_code") + ">" + r.<String>getAs("to_code"),
                    r -> r.<Double>getAs("share")));
    assertThat(shares.get("X>Y")).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(shares.get("X>Z")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(shares.get("W>V")).isEqualTo(1.0);
    assertThat(BoundaryMapping.shareErrors(mapping()).count()).isZero();
  }

  @Test
  void moneyRestatedToThePennyConservesEveryOldAmount() {
    Dataset<Row> restated =
        BoundaryMapping.restateMoney(
            rows(
                MONEY,
                new Object[] {"X", "core", new BigDecimal("100.00")},
                new Object[] {"W", "core", new BigDecimal("10.01")}),
            mapping(),
            "icb_code",
            List.of("stream"),
            "baseline_gbp");
    Map<String, BigDecimal> byIcb =
        restated.collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.<String>getAs("icb_code"), r -> r.<BigDecimal>getAs("baseline_gbp")));
    assertThat(byIcb.get("Y").add(byIcb.get("Z"))).isEqualByComparingTo("100.00");
    assertThat(byIcb.get("Y")).isEqualByComparingTo("33.33");
    assertThat(byIcb.get("V")).isEqualByComparingTo("10.01");
  }

  @Test
  void sharesThatDoNotAddUpToOneAreReported() {
    StructType schema = BoundaryMapping.SCHEMA;
    Dataset<Row> bad = rows(schema, new Object[] {"X", "Y", 0.5}, new Object[] {"X", "Z", 0.4});
    assertThat(BoundaryMapping.shareErrors(bad).select(col("from_code")).first().getString(0))
        .isEqualTo("X");
  }
}
