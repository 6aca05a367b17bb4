package org.fairshare.need;

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
import org.fairshare.schema.AllocationColumns;
import org.fairshare.schema.Columns;
import org.fairshare.schema.CostIndices;
import org.fairshare.schema.StreamWeightedPopulationTable;
import org.junit.jupiter.api.Test;

class WeightedPopulationTest extends SparkTestBase {

  static final StructType AREA_NEED =
      new StructType()
          .add(Columns.AREA_CODE, DataTypes.StringType)
          .add(Columns.SERVICE, DataTypes.StringType)
          .add(AllocationColumns.WEIGHTED_POPULATION_AGE_SEX, DataTypes.DoubleType)
          .add(AllocationColumns.WEIGHTED_POPULATION, DataTypes.DoubleType);
  static final StructType HI =
      new StructType()
          .add(Columns.AREA_CODE, DataTypes.StringType)
          .add(AllocationColumns.POPULATION, DataTypes.DoubleType)
          .add(AllocationColumns.WEIGHTED_POPULATION, DataTypes.DoubleType);
  static final StructType PLACES =
      new StructType()
          .add(Columns.ICB_CODE, DataTypes.StringType)
          .add(Columns.PLACE_CODE, DataTypes.StringType);
  static final StructType PLACE_ROWS =
      PLACES
          .add(AllocationColumns.STREAM, DataTypes.StringType)
          .add(AllocationColumns.POPULATION, DataTypes.DoubleType)
          .add(AllocationColumns.WEIGHTED_POPULATION, DataTypes.DoubleType);

  @Test
  void streamsBlendServicesBySpendShareAndHealthInequalitiesByH() {
    Dataset<Row> need =
        rows(
            AREA_NEED,
            new Object[] {"A", "acute", 90.0, 100.0},
            new Object[] {"A", "community", 90.0, 300.0},
            new Object[] {"A", "primary_care", 80.0, 50.0});
    Dataset<Row> hi = rows(HI, new Object[] {"A", 120.0, 200.0});
    Dataset<Row> shares =
        ServiceShares.fromMap(spark, Map.of("acute", 0.6, "community", 0.2, "primary_care", 0.2));
    Map<String, Row> out =
        WeightedPopulation.streamAreaWeightedPopulation(
                need, hi, shares, List.of("primary_care"), 0.10, 0.15)
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.<String>getAs(AllocationColumns.STREAM), r -> r));
    // core: shares 0.75 / 0.25 within the stream -> need 150; 0.9 x 150 + 0.1 x 200 = 155.
    assertThat(
            out.get("core").<Double>getAs(StreamWeightedPopulationTable.WEIGHTED_POPULATION_NEED))
        .isCloseTo(150.0, within(1e-9));
    assertThat(out.get("core").<Double>getAs(StreamWeightedPopulationTable.WEIGHTED_POPULATION_HI))
        .isCloseTo(155.0, within(1e-9));
    assertThat(
            out.get("primary_medical_care")
                .<Double>getAs(StreamWeightedPopulationTable.WEIGHTED_POPULATION_HI))
        .isCloseTo(0.85 * 50 + 0.15 * 200, within(1e-9));
  }

  @Test
  void costIndexTakesThePlaceValueOverTheIcbsAndOneWhenAbsent() {
    Dataset<Row> places =
        rows(
            PLACES,
            new Object[] {"I1", "P1"},
            new Object[] {"I1", "P2"},
            new Object[] {"I2", "P3"});
    Dataset<Row> indices =
        rows(
            CostIndices.SCHEMA,
            new Object[] {"I1", "market_forces", 1.10},
            new Object[] {"P1", "market_forces", 1.20},
            new Object[] {"P1", "rurality", 1.05});
    Map<String, Double> cf =
        WeightedPopulation.costIndexByPlace(places, indices, null).collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.<String>getAs(Columns.PLACE_CODE),
                    r -> r.<Double>getAs(StreamWeightedPopulationTable.COST_INDEX)));
    assertThat(cf.get("P1")).isCloseTo(1.20 * 1.05, within(1e-12));
    assertThat(cf.get("P2")).isCloseTo(1.10, within(1e-12));
    assertThat(cf.get("P3")).isCloseTo(1.0, within(1e-12));
    Map<String, Double> onlyRurality =
        WeightedPopulation.costIndexByPlace(places, indices, List.of("rurality"))
            .collectAsList()
            .stream()
            .collect(
                Collectors.toMap(
                    r -> r.<String>getAs(Columns.PLACE_CODE),
                    r -> r.<Double>getAs(StreamWeightedPopulationTable.COST_INDEX)));
    assertThat(onlyRurality.get("P1")).isCloseTo(1.05, within(1e-12));
    assertThat(onlyRurality.get("P2")).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void needIndexIsThePlacesWeightPerHeadOverItsIcbsAndEnglands() {
    Dataset<Row> places =
        rows(
            PLACE_ROWS,
            new Object[] {"I1", "P1", "core", 100.0, 120.0},
            new Object[] {"I1", "P2", "core", 100.0, 80.0},
            new Object[] {"I2", "P3", "core", 200.0, 200.0});
    Map<String, Row> out =
        WeightedPopulation.withNeedIndices(places, AllocationColumns.STREAM)
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.<String>getAs(Columns.PLACE_CODE), r -> r));
    assertThat(out.get("P1").<Double>getAs(AllocationColumns.NEED_INDEX_ICB))
        .isCloseTo(1.2, within(1e-12));
    assertThat(out.get("P1").<Double>getAs(AllocationColumns.NEED_INDEX_ENGLAND))
        .isCloseTo(1.2, within(1e-12));
    assertThat(out.get("P3").<Double>getAs(AllocationColumns.NEED_INDEX_ICB))
        .isCloseTo(1.0, within(1e-12));
  }
}
