package org.fairshare.placetool;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.PlaceNeedIndicesTable;
import org.fairshare.schema.Practices;
import org.fairshare.schema.PublishedWeightedPopulations;
import org.junit.jupiter.api.Test;

class PlaceNeedIndicesTest extends SparkTestBase {

  private static final StructType PRACTICE_ROWS =
      new StructType()
          .add(PublishedWeightedPopulations.PRACTICE_CODE, DataTypes.StringType)
          .add(PublishedWeightedPopulations.ALLOCATION_YEAR, DataTypes.StringType)
          .add(PublishedWeightedPopulations.COMPONENT, DataTypes.StringType)
          .add(PublishedWeightedPopulations.ICB_CODE, DataTypes.StringType)
          .add(PlaceNeedIndicesTable.PLACE_CODE, DataTypes.StringType)
          .add(PublishedWeightedPopulations.POPULATION, DataTypes.DoubleType)
          .add(PublishedWeightedPopulations.WEIGHTED_POPULATION, DataTypes.DoubleType);

  private static Row place(List<Row> out, String placeCode) {
    return out.stream()
        .filter(r -> r.getAs(PlaceNeedIndicesTable.PLACE_CODE).equals(placeCode))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void indexIsPlaceWeightPerHeadOverIcbWeightPerHead() {
    // ICB Q1: place A = 100 persons weighing 120, place B = 300 weighing 280 (two practices).
    // ICB rate 400/400 = 1; A = 1.2, B = 0.9333 -> 0.933. England: ICB Q2 doubles need.
    List<Row> out =
        PlaceNeedIndices.needIndices(
                rows(
                    PRACTICE_ROWS,
                    new Object[] {"P1", "2022-23", "core_final", "Q1", "A", 100.0, 120.0},
                    new Object[] {"P2", "2022-23", "core_final", "Q1", "B", 100.0, 80.0},
                    new Object[] {"P3", "2022-23", "core_final", "Q1", "B", 200.0, 200.0},
                    new Object[] {"P4", "2022-23", "core_final", "Q2", "C", 400.0, 800.0}),
                "sub_icb")
            .collectAsList();
    Row a = place(out, "A");
    Row b = place(out, "B");
    assertThat((BigDecimal) a.getAs(PlaceNeedIndicesTable.NEED_INDEX))
        .isEqualByComparingTo("1.200");
    assertThat((BigDecimal) b.getAs(PlaceNeedIndicesTable.NEED_INDEX))
        .isEqualByComparingTo("0.933");
    assertThat((long) b.getAs(PlaceNeedIndicesTable.PRACTICES)).isEqualTo(2L);
    assertThat((long) b.getAs(PlaceNeedIndicesTable.WEIGHTED_POPULATION)).isEqualTo(280L);
    // England: 1,200 weighted over 800 persons = 1.5; ICB Q1 = 1 / 1.5 = 0.667.
    assertThat((BigDecimal) a.getAs(PlaceNeedIndicesTable.ICB_NEED_INDEX))
        .isEqualByComparingTo("0.667");
    assertThat((BigDecimal) place(out, "C").getAs(PlaceNeedIndicesTable.NEED_INDEX))
        .isEqualByComparingTo("1.000");
  }

  @Test
  void indicesAndPopulationsRoundHalfUp() {
    // Place A: 1.0005 per head against an ICB of exactly 1: 1.001 (half-up; half-even would give
    // 1.000); place B: 0.9995 -> 1.000.
    // Weighted population 2000.5 rounds to 2001.
    List<Row> out =
        PlaceNeedIndices.needIndices(
                rows(
                    PRACTICE_ROWS,
                    new Object[] {"P1", "2022-23", "mh", "Q1", "A", 2000.0, 2001.0},
                    new Object[] {"P2", "2022-23", "mh", "Q1", "B", 2000.0, 1999.0},
                    new Object[] {"P3", "2022-23", "mh", "Q2", "C", 10.0, 10.5}),
                "pcn")
            .collectAsList();
    assertThat((BigDecimal) place(out, "A").getAs(PlaceNeedIndicesTable.NEED_INDEX))
        .isEqualByComparingTo("1.001");
    assertThat((BigDecimal) place(out, "B").getAs(PlaceNeedIndicesTable.NEED_INDEX))
        .isEqualByComparingTo("1.000");
    assertThat((long) place(out, "C").getAs(PlaceNeedIndicesTable.WEIGHTED_POPULATION))
        .isEqualTo(11L);
  }

  @Test
  void aPracticeWithoutAPlaceCountsInItsIcbButInNoPlace() {
    List<Row> out =
        PlaceNeedIndices.needIndices(
                rows(
                    PRACTICE_ROWS,
                    new Object[] {"P1", "2022-23", "mh", "Q1", "A", 100.0, 100.0},
                    new Object[] {"P2", "2022-23", "mh", "Q1", null, 100.0, 300.0}),
                "custom")
            .collectAsList();
    // ICB Q1 weighs 400 over 200 persons, 2 per head; place A 1 per head.
    assertThat(out).hasSize(1);
    assertThat((BigDecimal) out.get(0).getAs(PlaceNeedIndicesTable.NEED_INDEX))
        .isEqualByComparingTo("0.500");
  }

  private static final StructType PUBLISHED =
      new StructType()
          .add(PublishedWeightedPopulations.PRACTICE_CODE, DataTypes.StringType)
          .add(PublishedWeightedPopulations.ALLOCATION_YEAR, DataTypes.StringType)
          .add(PublishedWeightedPopulations.SUB_ICB_CODE, DataTypes.StringType)
          .add(PublishedWeightedPopulations.PCN_CODE, DataTypes.StringType)
          .add(PublishedWeightedPopulations.ICB_CODE, DataTypes.StringType)
          .add(PublishedWeightedPopulations.LA_CODE, DataTypes.StringType);

  private static final StructType HIERARCHY =
      new StructType()
          .add(Practices.PRACTICE_CODE, DataTypes.StringType)
          .add(Practices.PCN_CODE, DataTypes.StringType)
          .add(Practices.SUB_ICB_CODE, DataTypes.StringType)
          .add(Practices.ICB_CODE, DataTypes.StringType);

  @Test
  void anEmptySubIcbIsTheHierarchysOnlyWithinTheRowsIcb() {
    // 2023/24 publishes no sub-ICB: P1 takes 15E from the hierarchy; P2 has moved from QHL to QUA
    // since, so 15E (a QHL place) is not its place in QUA, nor is its PCN.
    List<Row> out =
        PlaceNeedIndicesStage.withPlace(
                rows(
                    PUBLISHED,
                    new Object[] {"P1", "2023-24", null, null, "QHL", "E08000025"},
                    new Object[] {"P2", "2023-24", null, null, "QUA", "E08000028"}),
                "sub_icb",
                rows(
                    HIERARCHY,
                    new Object[] {"P1", "U1", "15E", "QHL"},
                    new Object[] {"P2", "U2", "15E", "QHL"}),
                null)
            .orderBy(PublishedWeightedPopulations.PRACTICE_CODE)
            .collectAsList();
    assertThat((String) out.get(0).getAs(PlaceNeedIndicesTable.PLACE_CODE)).isEqualTo("15E");
    assertThat((String) out.get(1).getAs(PlaceNeedIndicesTable.PLACE_CODE)).isNull();
  }

  @Test
  void practicesInNoPlaceAreCountedAndNamedPerYear() {
    List<Row> out =
        PlaceNeedIndicesStage.placeless(
            rows(
                PRACTICE_ROWS,
                new Object[] {"P9", "2023-24", "mh", "Q1", null, 10.0, 10.0},
                new Object[] {"P9", "2023-24", "maternity", "Q1", null, 10.0, 10.0},
                new Object[] {"P1", "2023-24", "mh", "Q1", null, 10.0, 10.0},
                new Object[] {"P2", "2023-24", "mh", "Q1", "A", 10.0, 10.0},
                new Object[] {"P2", "2022-23", "mh", "Q1", "A", 10.0, 10.0}));
    assertThat(out).hasSize(1);
    assertThat(out.get(0).getString(0)).isEqualTo("2023-24");
    assertThat(out.get(0).getLong(1)).isEqualTo(2L);
    assertThat(out.get(0).<String>getList(2)).containsExactly("P1", "P9");
  }
}
