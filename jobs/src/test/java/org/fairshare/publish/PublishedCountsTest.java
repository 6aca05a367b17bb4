package org.fairshare.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.publish.HierarchyRelations.Coordinates;
import org.fairshare.schema.EquityAccess;
import org.fairshare.schema.EquityChecks;
import org.fairshare.schema.InequalityIndicators;
import org.junit.jupiter.api.Test;

class PublishedCountsTest extends SparkTestBase {

  /** A place's indicator overall and by the five quintiles, primary suppression already done. */
  private static Dataset<Row> indicators(long... quintiles) {
    List<Object[]> rows = new ArrayList<>();
    long total = 0;
    for (int q = 1; q <= quintiles.length; q++) {
      rows.add(indicatorRow("imd_quintile", "" + q, quintiles[q - 1]));
      total += quintiles[q - 1];
    }
    rows.add(indicatorRow("all", "all", total));
    return rows(InequalityIndicators.COLUMNS, rows.toArray(Object[][]::new));
  }

  private static Object[] indicatorRow(String breakdown, String group, long count) {
    boolean small = count >= 1 && count <= 7;
    return new Object[] {
      "place",
      "P1",
      "deaths_dsr",
      breakdown,
      group,
      small ? null : (double) count,
      1000.0,
      small ? null : count / 10.0,
      small ? null : count / 12.0,
      small ? null : count / 8.0,
      "Dobson",
      0.95,
      small
    };
  }

  private static Map<String, Double> numerators(Dataset<Row> published) {
    Map<String, Double> out = new HashMap<>();
    for (Row r : published.collectAsList()) {
      String key =
          new Coordinates(
                  r.getAs(InequalityIndicators.GEOGRAPHY_LEVEL),
                  r.getAs(InequalityIndicators.GEOGRAPHY_CODE),
                  r.getAs(InequalityIndicators.INDICATOR),
                  r.getAs(InequalityIndicators.BREAKDOWN),
                  r.getAs(InequalityIndicators.GROUP_VALUE))
              .key();
      out.put(key, r.getAs(InequalityIndicators.NUMERATOR));
    }
    return out;
  }

  private static List<SubtractionAttack.Relation> relationsOf(Map<String, Double> cells) {
    String total = new Coordinates("place", "P1", "deaths_dsr", "all", "all").key();
    List<String> parts = cells.keySet().stream().filter(k -> !k.equals(total)).toList();
    return List.of(new SubtractionAttack.Relation(total, parts));
  }

  @Test
  void aWithheldQuintileCannotBeFoundFromThePublishedOverallCount() {
    Dataset<Row> published = PublishedCounts.indicators(indicators(3, 40, 55, 61, 90), Map.of());

    Map<String, Double> numerators = numerators(published);

    assertThat(SubtractionAttack.run(numerators, Map.of(), relationsOf(numerators))).isEmpty();
    assertThat(numerators.values().stream().filter(v -> v == null)).hasSize(2);
  }

  @Test
  void theComplementLosesItsValueAndLimitsAndIsFlagged() {
    Dataset<Row> published = PublishedCounts.indicators(indicators(3, 40, 55, 61, 90), Map.of());

    Row complement =
        published
            .where(
                published
                    .col(InequalityIndicators.GROUP_VALUE)
                    .equalTo("2")
                    .and(published.col(InequalityIndicators.BREAKDOWN).equalTo("imd_quintile")))
            .first();

    assertThat(complement.<Boolean>getAs(InequalityIndicators.IS_SUPPRESSED)).isTrue();
    assertThat((Object) complement.getAs(InequalityIndicators.VALUE)).isNull();
    assertThat((Object) complement.getAs(InequalityIndicators.LOWER_CI)).isNull();
    assertThat((Object) complement.getAs(InequalityIndicators.UPPER_CI)).isNull();
    assertThat(complement.<Double>getAs(InequalityIndicators.DENOMINATOR)).isEqualTo(1000.0);
  }

  @Test
  void aTableWithNoSmallCountsIsPublishedUnchanged() {
    Dataset<Row> in = indicators(30, 40, 55, 61, 90);

    Dataset<Row> published = PublishedCounts.indicators(in, Map.of());

    assertThat(published.where(published.col(InequalityIndicators.IS_SUPPRESSED)).count()).isZero();
    assertThat(published.except(in).count()).isZero();
  }

  @Test
  void anEquityFindingIsWithheldWithItsPlacesMostDeprivedFifth() {
    StructType accessSchema = EquityAccess.COLUMNS;
    Dataset<Row> access =
        rows(
            accessSchema,
            accessRow("imd_quintile", "1", 5L),
            accessRow("imd_quintile", "2", 50L),
            accessRow("all", "all", 55L));
    Dataset<Row> publishedAccess =
        PublishedCounts.access(access, Map.of(), Disclosure.Policy.defaults());
    Dataset<Row> checks =
        rows(
            EquityChecks.COLUMNS,
            new Object[] {
              "P1",
              "Place one",
              "I1",
              "elective",
              "equitable",
              "rule",
              "... (5 events against" + " 6.0 expected)",
              100.0,
              5L,
              6.0,
              0.83,
              0.27,
              1.94,
              0.6,
              0.9,
              false,
              0.05,
              0.8,
              1.2,
              5.0,
              "bh",
              81L,
              "age_sex"
            });

    Row finding = PublishedCounts.checks(checks, publishedAccess).first();

    assertThat(finding.<Boolean>getAs(Disclosure.IS_SUPPRESSED)).isTrue();
    assertThat((Object) finding.getAs(EquityChecks.OBSERVED)).isNull();
    assertThat((Object) finding.getAs(EquityChecks.RATIO)).isNull();
    assertThat((Object) finding.getAs(EquityChecks.P_VALUE)).isNull();
    assertThat((Object) finding.getAs(EquityChecks.Q_VALUE)).isNull();
    assertThat(finding.<String>getAs(EquityChecks.SENTENCE))
        .isEqualTo(PublishedCounts.WITHHELD_SENTENCE);
  }

  private static Object[] accessRow(String breakdown, String group, long observed) {
    return new Object[] {
      "place",
      "P1",
      breakdown,
      group,
      "elective",
      100.0,
      observed,
      6.0,
      observed / 6.0,
      observed / 7.0,
      observed / 5.0,
      0.95,
      "Byars",
      "age_sex"
    };
  }
}
