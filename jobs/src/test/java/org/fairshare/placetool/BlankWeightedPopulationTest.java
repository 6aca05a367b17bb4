package org.fairshare.placetool;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.ingest.InputRows;
import org.fairshare.ingest.Validator;
import org.fairshare.schema.PlaceNeedIndicesTable;
import org.fairshare.schema.PublishedWeightedPopulations;
import org.junit.jupiter.api.Test;

/**
 * A blank published weighted population (17 practices' maternity in 2022/23) is zero weighted
 * population for that component only, as NHS England's tool sums it: the practice stays in the
 * component's population and in every other component, and a warning names it.
 */
class BlankWeightedPopulationTest extends SparkTestBase {

  /** Returns the contract's rows, validated as ingest does. */
  private static Dataset<Row> validated(Object[]... values) {
    Dataset<Row> in =
        rows(nullable(PublishedWeightedPopulations.SCHEMA), values)
            .withColumn(InputRows.SOURCE_FILE, functions.lit("wp_2022_2023.csv"))
            .withColumn(InputRows.LINE_NUMBER, functions.lit(2L))
            .withColumn(InputRows.FAILURES, functions.array().cast(InputRows.FAILURES_TYPE));
    return Validator.withQuarantineFlag(
        Validator.withRowCheckFailures(
            in, PublishedWeightedPopulations.CONTRACT, Map.of(), "", "2011"));
  }

  /** Returns the schema with every column nullable, as a file's rows are before validation. */
  private static StructType nullable(StructType schema) {
    StructType out = new StructType();
    for (StructField f : schema.fields()) {
      out = out.add(new StructField(f.name(), f.dataType(), true, f.metadata()));
    }
    return out;
  }

  private static Object[] row(String practice, String component, double pop, Double wp) {
    return new Object[] {practice, "2022-23", component, null, null, "QKK", "A", null, pop, wp};
  }

  @Test
  void aBlankWeightIsZeroForItsComponentWithAWarningNamingThePractice() {
    Dataset<Row> v =
        validated(
            row("P1", "maternity", 100.0, 150.0),
            row("P2", "maternity", 100.0, null),
            row("P2", "general_acute", 100.0, 90.0),
            row("P3", "maternity", 200.0, 250.0));
    assertThat(v.where(col(Validator.IS_QUARANTINED)).count()).isZero();
    Row p2 =
        v.where(col(PublishedWeightedPopulations.PRACTICE_CODE).equalTo("P2"))
            .where(col(PublishedWeightedPopulations.COMPONENT).equalTo("maternity"))
            .first();
    List<Row> failures = p2.getList(p2.fieldIndex(InputRows.FAILURES));
    assertThat(failures).hasSize(1);
    assertThat((String) failures.get(0).getAs(InputRows.SEVERITY)).isEqualTo("WARNING");
    assertThat((String) failures.get(0).getAs(InputRows.MESSAGE))
        .contains("P2")
        .contains("maternity")
        .contains("counted as 0");

    // Place A of ICB QKK takes P1 and P2, place B P3: A's maternity weight per head is 150 / 200
    // (P2's population counts, its weight is zero) against the ICB's 400 / 400, so 0.750.
    Dataset<Row> placed =
        v.where(functions.not(col(Validator.IS_QUARANTINED)))
            .withColumn(
                PlaceNeedIndicesTable.PLACE_CODE,
                functions
                    .when(col(PublishedWeightedPopulations.PRACTICE_CODE).equalTo("P3"), "B")
                    .otherwise("A"));
    List<Row> out =
        PlaceNeedIndices.needIndices(placed, "custom")
            .where(col(PlaceNeedIndicesTable.COMPONENT).equalTo("maternity"))
            .where(col(PlaceNeedIndicesTable.PLACE_CODE).equalTo("A"))
            .collectAsList();
    assertThat((BigDecimal) out.get(0).getAs(PlaceNeedIndicesTable.NEED_INDEX))
        .isEqualByComparingTo("0.750");
    assertThat((long) out.get(0).getAs(PlaceNeedIndicesTable.POPULATION)).isEqualTo(200L);
    assertThat((long) out.get(0).getAs(PlaceNeedIndicesTable.WEIGHTED_POPULATION)).isEqualTo(150L);
  }

  @Test
  void aPlaceWhoseEveryWeightIsBlankHasAZeroIndexNotNone() {
    Dataset<Row> placed =
        validated(row("P1", "maternity", 100.0, 200.0), row("P2", "maternity", 100.0, null))
            .withColumn(
                PlaceNeedIndicesTable.PLACE_CODE,
                functions
                    .when(col(PublishedWeightedPopulations.PRACTICE_CODE).equalTo("P2"), "B")
                    .otherwise("A"));
    Row b =
        PlaceNeedIndices.needIndices(placed, "custom")
            .where(col(PlaceNeedIndicesTable.PLACE_CODE).equalTo("B"))
            .first();
    assertThat((BigDecimal) b.getAs(PlaceNeedIndicesTable.NEED_INDEX))
        .isEqualByComparingTo("0.000");
    assertThat((long) b.getAs(PlaceNeedIndicesTable.WEIGHTED_POPULATION)).isZero();
  }
}
