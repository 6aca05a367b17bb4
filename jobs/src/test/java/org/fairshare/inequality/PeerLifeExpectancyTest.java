package org.fairshare.inequality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fairshare.inequality.PeerData.LIFE_EXPECTANCY_ABS;
import static org.fairshare.inequality.PeerData.assertAbs;
import static org.fairshare.inequality.PeerData.d;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** PHEindicatormethods peer cases: life expectancy (8 cases), absolute tolerance 5e-5. */
class PeerLifeExpectancyTest extends SparkTestBase {

  private static final StructType INPUTS =
      new StructType()
          .add("case", DataTypes.StringType)
          .add("startage", DataTypes.IntegerType)
          .add("population", DataTypes.DoubleType)
          .add("deaths", DataTypes.DoubleType)
          .add("expected_outcome", DataTypes.StringType);

  private static final StructType EXPECTED =
      new StructType()
          .add("case", DataTypes.StringType)
          .add("startage", DataTypes.IntegerType)
          .add("confidence", DataTypes.DoubleType)
          .add("value", DataTypes.DoubleType)
          .add("lowercl", DataTypes.DoubleType)
          .add("uppercl", DataTypes.DoubleType)
          .add("pops_used", DataTypes.DoubleType)
          .add("dths_used", DataTypes.DoubleType);

  @TestFactory
  Stream<DynamicTest> lifeExpectancyMatchesPeerCases() {
    if (PeerData.absent()) {
      return PeerData.skipped();
    }
    Dataset<Row> inputs = PeerData.read(spark, "life_expectancy_inputs.csv", INPUTS);
    Map<String, Row> actual =
        PeerData.byKey(
            LifeExpectancy.lifeExpectancy(
                inputs, List.of("case"), "startage", "population", "deaths", 0.95),
            r -> r.getString(0) + "|" + r.getInt(1));
    Map<String, Row> expected =
        PeerData.byKey(
            PeerData.read(spark, "life_expectancy_expected.csv", EXPECTED),
            r -> r.getString(0) + "|" + r.getInt(1));
    List<DynamicTest> tests = new ArrayList<>();
    for (String key : actual.keySet().stream().sorted().toList()) {
      Row a = actual.get(key);
      Row e = expected.get(key);
      tests.add(
          DynamicTest.dynamicTest(
              key,
              () -> {
                if (e == null) {
                  assertThat(d(a, "value")).isNull();
                  assertThat(d(a, "lower_ci")).isNull();
                  assertThat(d(a, "upper_ci")).isNull();
                  return;
                }
                assertAbs(d(a, "value"), d(e, "value"), LIFE_EXPECTANCY_ABS, "value");
                assertAbs(d(a, "lower_ci"), d(e, "lowercl"), LIFE_EXPECTANCY_ABS, "lower");
                assertAbs(d(a, "upper_ci"), d(e, "uppercl"), LIFE_EXPECTANCY_ABS, "upper");
                if (d(e, "pops_used") != null) {
                  assertAbs(d(a, "pops_used"), d(e, "pops_used"), 0, "pops_used");
                  assertAbs(d(a, "dths_used"), d(e, "dths_used"), 0, "dths_used");
                }
              }));
    }
    assertThat(expected.keySet()).allMatch(actual::containsKey);
    assertThat(actual.keySet().stream().map(k -> k.split("\\|")[0]).distinct()).hasSize(8);
    return tests.stream();
  }
}
