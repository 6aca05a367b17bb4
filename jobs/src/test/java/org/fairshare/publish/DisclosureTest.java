package org.fairshare.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.Test;

class DisclosureTest extends SparkTestBase {

  private static final StructType SCHEMA =
      new StructType()
          .add("group", DataTypes.StringType)
          .add("numerator", DataTypes.LongType)
          .add("denominator", DataTypes.LongType)
          .add("value", DataTypes.DoubleType);

  private static Row row(Dataset<Row> out, String group) {
    return out.filter(out.col("group").equalTo(group)).collectAsList().get(0);
  }

  private static Dataset<Row> suppressed(Disclosure.Policy policy) {
    Dataset<Row> in =
        rows(
            SCHEMA,
            new Object[] {"small", 7L, 1000L, 0.7},
            new Object[] {"zero", 0L, 1000L, 0.0},
            new Object[] {"eight", 8L, 1000L, 0.8},
            new Object[] {"missing", null, 1000L, null});
    return Disclosure.withSmallNumberSuppression(
        in, List.of("numerator", "denominator"), List.of("value"), policy);
  }

  @Test
  void countsOneToSevenAreSuppressedWithTheirDerivedValues() {
    Row r = row(suppressed(Disclosure.Policy.defaults()), "small");
    assertThat(r.<Boolean>getAs(Disclosure.IS_SUPPRESSED)).isTrue();
    assertThat(r.isNullAt(r.fieldIndex("numerator"))).isTrue();
    assertThat(r.isNullAt(r.fieldIndex("denominator"))).isTrue();
    assertThat(r.isNullAt(r.fieldIndex("value"))).isTrue();
  }

  @Test
  void zeroAndEightArePublished() {
    Dataset<Row> out = suppressed(Disclosure.Policy.defaults());
    assertThat(row(out, "zero").<Boolean>getAs(Disclosure.IS_SUPPRESSED)).isFalse();
    assertThat(row(out, "eight").<Long>getAs("numerator")).isEqualTo(8L);
    assertThat(row(out, "eight").<Double>getAs("value")).isEqualTo(0.8);
  }

  @Test
  void aMissingCountIsNotTreatedAsSmall() {
    assertThat(
            row(suppressed(Disclosure.Policy.defaults()), "missing")
                .<Boolean>getAs("is_suppressed"))
        .isFalse();
  }

  @Test
  void publishedCountsAreRoundedToTheMultipleHalfUp() {
    Row r = row(suppressed(new Disclosure.Policy(1, 7, 5)), "eight");
    assertThat(r.<Long>getAs("numerator")).isEqualTo(10L);
    assertThat(r.<Long>getAs("denominator")).isEqualTo(1000L);
  }

  @Test
  void policyRejectsAnInvertedRangeNamingIt() {
    assertThatThrownBy(() -> new Disclosure.Policy(8, 7, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8..7");
  }
}
