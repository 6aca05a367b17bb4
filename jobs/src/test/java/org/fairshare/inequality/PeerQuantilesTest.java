package org.fairshare.inequality;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** PHEindicatormethods peer cases: quantile assignment (1,134 areas in 4 sets), exact match. */
class PeerQuantilesTest extends SparkTestBase {

  private static final StructType CASES =
      new StructType()
          .add("test_set", DataTypes.StringType)
          .add("group_key", DataTypes.StringType)
          .add("indicator_id", DataTypes.StringType)
          .add("area_code", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("invert", DataTypes.BooleanType)
          .add("nquantiles", DataTypes.IntegerType)
          .add("expected_quantile", DataTypes.IntegerType);

  @TestFactory
  Stream<DynamicTest> quantilesMatchPeerAssignments() {
    if (PeerData.absent()) {
      return PeerData.skipped();
    }
    Dataset<Row> cases = PeerData.read(spark, "quantile_cases.csv", CASES);
    List<Row> assigned =
        QuantileAssignment.withQuantile(
                cases,
                List.of("test_set", "group_key"),
                "value",
                col("nquantiles"),
                col("invert"),
                "quantile")
            .select("test_set", "group_key", "area_code", "expected_quantile", "quantile")
            .collectAsList();
    assertThat(assigned).hasSize(1134);
    return assigned.stream()
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r.getString(0) + " " + r.getString(1) + " " + r.getString(2),
                    () -> assertThat(r.get(4)).isEqualTo(r.get(3))));
  }
}
