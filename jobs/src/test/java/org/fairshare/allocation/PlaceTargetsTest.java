package org.fairshare.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.AllocationColumns;
import org.fairshare.schema.Columns;
import org.fairshare.schema.Envelopes;
import org.fairshare.schema.HoldbacksTable;
import org.fairshare.schema.Money;
import org.fairshare.schema.PlaceTargetsTable;
import org.junit.jupiter.api.Test;

class PlaceTargetsTest extends SparkTestBase {

  static final StructType ENVELOPES =
      new StructType()
          .add(Envelopes.ICB_CODE, DataTypes.StringType)
          .add(Envelopes.STREAM, DataTypes.StringType)
          .add(Envelopes.ENVELOPE_GBP, Money.TYPE);
  static final StructType STREAM_PLACE =
      new StructType()
          .add(Columns.ICB_CODE, DataTypes.StringType)
          .add(Columns.PLACE_CODE, DataTypes.StringType)
          .add(AllocationColumns.STREAM, DataTypes.StringType)
          .add(AllocationColumns.POPULATION, DataTypes.DoubleType)
          .add(AllocationColumns.WEIGHTED_POPULATION, DataTypes.DoubleType);
  static final StructType BASELINES =
      new StructType()
          .add(Columns.ICB_CODE, DataTypes.StringType)
          .add(Columns.PLACE_CODE, DataTypes.StringType)
          .add(AllocationColumns.STREAM, DataTypes.StringType)
          .add(AllocationColumns.BASELINE_GBP, Money.TYPE);

  @Test
  void holdbacksRoundHalfEvenToThePenny() {
    Dataset<Row> env = rows(ENVELOPES, new Object[] {"I1", "core", new BigDecimal("100.10")});
    List<Row> out =
        PlaceTargets.holdbacks(env, PlaceTargets.parseHoldbacks("core:ambulance=0.05"))
            .collectAsList();
    // 100.10 x 0.05 = 5.005: half-even gives 5.00.
    assertThat(out).singleElement();
    assertThat(out.get(0).<BigDecimal>getAs(HoldbacksTable.AMOUNT_GBP))
        .isEqualByComparingTo("5.00");
  }

  @Test
  void malformedHoldbacksAreRefusedWithTheEntry() {
    assertThatThrownBy(() -> PlaceTargets.parseHoldbacks("core=0.1"))
        .hasMessageContaining("'core=0.1'");
    assertThatThrownBy(() -> PlaceTargets.parseHoldbacks("core:x=1.5"))
        .hasMessageContaining("[0, 1]");
  }

  @Test
  void placeTargetsShareTheEnvelopeLessHoldbacksAndIncludeBaselineOnlyPlaces() {
    Dataset<Row> env = rows(ENVELOPES, new Object[] {"I1", "core", new BigDecimal("1000.00")});
    Dataset<Row> held =
        PlaceTargets.holdbacks(env, PlaceTargets.parseHoldbacks("core:ambulance=0.1"));
    Dataset<Row> wp =
        rows(
            STREAM_PLACE,
            new Object[] {"I1", "P1", "core", 10.0, 1.0},
            new Object[] {"I1", "P2", "core", 10.0, 2.0});
    Dataset<Row> baselines =
        rows(
            BASELINES,
            new Object[] {"I1", "P1", "core", new BigDecimal("300.00")},
            new Object[] {"I1", "P3", "core", new BigDecimal("50.00")});
    List<Row> out =
        PlaceTargets.placeTargets(wp, env, held, baselines)
            .orderBy(Columns.PLACE_CODE)
            .collectAsList();
    assertThat(out)
        .extracting(r -> r.<BigDecimal>getAs(PlaceTargetsTable.TARGET_GBP).toPlainString())
        .containsExactly("300.00", "600.00", "0.00");
    assertThat(out.get(2).<BigDecimal>getAs(PlaceTargetsTable.BASELINE_GBP))
        .isEqualByComparingTo("50.00");
    assertThat(out.get(0).<BigDecimal>getAs(PlaceTargetsTable.DISTRIBUTABLE_GBP))
        .isEqualByComparingTo("900.00");
    // Growth 900 / 350 - 1; P1: (300 x 900/350 - 300) / 300.
    assertThat(out.get(0).<Double>getAs(PlaceTargetsTable.DISTANCE_FROM_TARGET))
        .isCloseTo(900.0 / 350 - 1, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void financialYearsCountOnAcrossTheCentury() {
    assertThat(PlaceAllocations.financialYearPlus("2025-26", 2)).isEqualTo("2027-28");
    assertThat(PlaceAllocations.financialYearPlus("2099-00", 1)).isEqualTo("2100-01");
  }
}
