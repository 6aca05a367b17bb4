package org.fairshare.geography;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.Test;

class LsoaBridgeTest extends SparkTestBase {
  private static final StructType PAIRS =
      new StructType()
          .add(LsoaBridge.FROM_CODE, DataTypes.StringType)
          .add(LsoaBridge.TO_CODE, DataTypes.StringType);
  private static final StructType POP =
      new StructType()
          .add(LsoaBridge.TO_CODE, DataTypes.StringType)
          .add(LsoaBridge.POPULATION, DataTypes.LongType);
  private static final StructType DATA =
      new StructType()
          .add("lsoa", DataTypes.StringType)
          .add("people", DataTypes.DoubleType)
          .add("deprived", DataTypes.DoubleType)
          .add("score", DataTypes.DoubleType);

  /** A11 splits into a21 (300 people) and b21 (100); B11 and C11 merge into D21; E11 unchanged. */
  private static Dataset<Row> bridge() {
    return LsoaBridge.weights(
        rows(
            PAIRS,
            new Object[] {"A11", "a21"},
            new Object[] {"A11", "b21"},
            new Object[] {"B11", "D21"},
            new Object[] {"C11", "D21"},
            new Object[] {"E11", "E11"}),
        rows(
            POP,
            new Object[] {"a21", 300L},
            new Object[] {"b21", 100L},
            new Object[] {"D21", 400L},
            new Object[] {"E11", 50L}));
  }

  private static Dataset<Row> data() {
    return rows(
        DATA,
        new Object[] {"A11", 400.0, 100.0, 10.0},
        new Object[] {"B11", 100.0, 10.0, 1.0},
        new Object[] {"C11", 300.0, 20.0, 3.0},
        new Object[] {"E11", 50.0, 5.0, 7.0});
  }

  private static Map<String, Double> byCode(Dataset<Row> rows, String value) {
    return rows.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs("lsoa"), r -> r.<Double>getAs(value)));
  }

  @Test
  void splitsShareCountsByPopulationAndMergesAddThem() {
    Map<String, Double> deprived =
        byCode(
            LsoaBridge.restateCounts(data(), bridge(), "lsoa", List.of(), List.of("deprived")),
            "deprived");
    assertThat(deprived.get("a21")).isCloseTo(75.0, within(1e-9));
    assertThat(deprived.get("b21")).isCloseTo(25.0, within(1e-9));
    assertThat(deprived.get("D21")).isCloseTo(30.0, within(1e-9));
    assertThat(deprived.get("E11")).isCloseTo(5.0, within(1e-9));
  }

  @Test
  void countsAreConservedInTotal() {
    double before = data().agg(sum("deprived")).first().getDouble(0);
    double after =
        LsoaBridge.restateCounts(data(), bridge(), "lsoa", List.of(), List.of("deprived"))
            .agg(sum("deprived"))
            .first()
            .getDouble(0);
    assertThat(after).isCloseTo(before, within(1e-9));
  }

  @Test
  void meansArePopulationWeightedAcrossMergedAreas() {
    Map<String, Double> score =
        byCode(
            LsoaBridge.restateMeans(
                data(), bridge(), "lsoa", List.of(), "people", List.of("score")),
            "score");
    assertThat(score.get("D21")).isCloseTo((100 * 1.0 + 300 * 3.0) / 400, within(1e-9));
    assertThat(score.get("a21")).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void aSourceWhoseTargetsHaveNoPopulationIsSharedEqually() {
    Dataset<Row> w =
        LsoaBridge.weights(
            rows(PAIRS, new Object[] {"X", "x1"}, new Object[] {"X", "x2"}),
            rows(POP, new Object[] {"other", 10L}));
    assertThat(w.where(col(LsoaBridge.TO_CODE).equalTo("x1")).first().<Double>getAs("weight"))
        .isEqualTo(0.5);
  }

  @Test
  void unbridgedNamesCodesTheBridgeDoesNotKnow() {
    Dataset<Row> withUnknown = data().unionByName(rows(DATA, new Object[] {"Z11", 1.0, 1.0, 1.0}));
    assertThat(LsoaBridge.unbridged(withUnknown, bridge(), "lsoa").collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("Z11");
  }
}
