package org.fairshare.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.fairshare.publish.ComplementarySuppression.Cell;
import org.fairshare.publish.ComplementarySuppression.Relation;
import org.fairshare.publish.HierarchyRelations.Coordinates;
import org.junit.jupiter.api.Test;

class ComplementarySuppressionTest {
  private static final Disclosure.Policy POLICY = Disclosure.Policy.defaults();

  /** One place's deciles: counts by decile 1..10; the overall count is their sum. */
  private static Map<String, Double> deciles(long... counts) {
    Map<String, Double> truth = new LinkedHashMap<>();
    double total = 0;
    for (int d = 1; d <= counts.length; d++) {
      truth.put(cell("place", "P1", "imd_decile", "" + d), (double) counts[d - 1]);
      total += counts[d - 1];
    }
    truth.put(cell("place", "P1", "all", "all"), total);
    return truth;
  }

  private static String cell(String level, String code, String breakdown, String group) {
    return new Coordinates(level, code, "deaths", breakdown, group).key();
  }

  private static List<Cell> cells(Map<String, Double> truth) {
    List<Cell> cells = new ArrayList<>();
    truth.forEach(
        (k, v) ->
            cells.add(new Cell(k, v, v >= POLICY.suppressFrom() && v <= POLICY.suppressTo())));
    return cells;
  }

  private static List<Coordinates> coordinates(Map<String, Double> truth) {
    List<Coordinates> out = new ArrayList<>();
    for (String k : truth.keySet()) {
      String[] p = k.split("\u0001");
      out.add(new Coordinates(p[0], p[1], p[2], p[3], p[4]));
    }
    return out;
  }

  private static Map<String, Double> publish(Map<String, Double> truth, Set<String> withheld) {
    Map<String, Double> published = new HashMap<>();
    truth.forEach((k, v) -> published.put(k, withheld.contains(k) ? null : v));
    return published;
  }

  private static List<SubtractionAttack.Relation> attackerRelations(List<Relation> relations) {
    return relations.stream()
        .map(r -> new SubtractionAttack.Relation(r.total(), r.parts()))
        .toList();
  }

  @Test
  void primarySuppressionAloneLetsOneSmallDecileBeRecoveredFromTheTotal() {
    Map<String, Double> truth = deciles(40, 31, 5, 28, 60, 44, 50, 39, 70, 90);
    List<Relation> relations = HierarchyRelations.of(coordinates(truth), Map.of());
    Set<String> primaryOnly = new java.util.HashSet<>();
    cells(truth).stream().filter(Cell::suppressed).forEach(c -> primaryOnly.add(c.key()));

    List<SubtractionAttack.Recovered> found =
        SubtractionAttack.run(publish(truth, primaryOnly), truth, attackerRelations(relations));

    assertThat(found).isNotEmpty();
    assertThat(found.get(0).worked()).isEqualTo(5.0);
  }

  @Test
  void complementarySuppressionStopsRecoveryBySubtraction() {
    Map<String, Double> truth = deciles(40, 31, 5, 28, 60, 44, 50, 39, 70, 90);
    List<Relation> relations = HierarchyRelations.of(coordinates(truth), Map.of());

    Set<String> withheld = ComplementarySuppression.withheld(cells(truth), relations);

    assertThat(SubtractionAttack.run(publish(truth, withheld), truth, attackerRelations(relations)))
        .isEmpty();
    assertThat(ComplementarySuppression.recoverable(withheld, relations)).isEmpty();
  }

  @Test
  void theComplementIsTheSmallestNonZeroPublishedPart() {
    Map<String, Double> truth = deciles(40, 0, 5, 28, 60, 44, 50, 39, 70, 90);
    List<Relation> relations =
        List.of(
            new Relation(
                cell("place", "P1", "all", "all"),
                truth.keySet().stream().filter(k -> k.contains("imd_decile")).toList()));

    Set<String> withheld = ComplementarySuppression.withheld(cells(truth), relations);

    assertThat(withheld)
        .containsExactlyInAnyOrder(
            cell("place", "P1", "imd_decile", "3"), cell("place", "P1", "imd_decile", "4"));
  }

  @Test
  void aSmallPlaceIsProtectedAgainstItsIcbTotalAndSiblingPlaces() {
    Map<String, Double> truth = new LinkedHashMap<>();
    truth.put(cell("place", "P1", "all", "all"), 6.0);
    truth.put(cell("place", "P2", "all", "all"), 120.0);
    truth.put(cell("place", "P3", "all", "all"), 80.0);
    truth.put(cell("icb", "I1", "all", "all"), 206.0);
    Map<String, String> parents =
        Map.of(
            HierarchyRelations.geography("place", "P1"), HierarchyRelations.geography("icb", "I1"),
            HierarchyRelations.geography("place", "P2"), HierarchyRelations.geography("icb", "I1"),
            HierarchyRelations.geography("place", "P3"), HierarchyRelations.geography("icb", "I1"));
    List<Relation> relations = HierarchyRelations.of(coordinates(truth), parents);

    Set<String> withheld = ComplementarySuppression.withheld(cells(truth), relations);

    assertThat(withheld)
        .containsExactlyInAnyOrder(
            cell("place", "P1", "all", "all"), cell("place", "P3", "all", "all"));
    assertThat(SubtractionAttack.run(publish(truth, withheld), truth, attackerRelations(relations)))
        .isEmpty();
  }

  @Property(tries = 200)
  void noWithheldCountIsRecoverableInAnyPlaceIcbHierarchy(
      @ForAll @Size(min = 2, max = 4)
          List<@Size(10) List<@IntRange(min = 0, max = 40) Integer>> placeDeciles) {
    // Deciles per place; quintiles, place totals, ICB deciles, quintiles and total are sums.
    Map<String, Double> truth = new LinkedHashMap<>();
    Map<String, String> parents = new HashMap<>();
    double[] icbDeciles = new double[10];
    for (int p = 0; p < placeDeciles.size(); p++) {
      String place = "P" + p;
      parents.put(
          HierarchyRelations.geography("place", place), HierarchyRelations.geography("icb", "I1"));
      addGeography(truth, "place", place, placeDeciles.get(p), icbDeciles);
    }
    List<Integer> icb = new ArrayList<>();
    for (double d : icbDeciles) {
      icb.add((int) d);
    }
    addGeography(truth, "icb", "I1", icb, new double[10]);
    List<Relation> relations = HierarchyRelations.of(coordinates(truth), parents);

    Set<String> withheld = ComplementarySuppression.withheld(cells(truth), relations);

    assertThat(SubtractionAttack.run(publish(truth, withheld), truth, attackerRelations(relations)))
        .isEmpty();
    cells(truth).stream()
        .filter(Cell::suppressed)
        .forEach(c -> assertThat(withheld).contains(c.key()));
  }

  private static void addGeography(
      Map<String, Double> truth, String level, String code, List<Integer> d, double[] sumInto) {
    double total = 0;
    for (int i = 0; i < 10; i++) {
      truth.put(cell(level, code, "imd_decile", "" + (i + 1)), (double) d.get(i));
      sumInto[i] += d.get(i);
      total += d.get(i);
    }
    for (int q = 1; q <= 5; q++) {
      truth.put(
          cell(level, code, "imd_quintile", "" + q),
          (double) (d.get(2 * q - 2) + d.get(2 * q - 1)));
    }
    truth.put(cell(level, code, "all", "all"), total);
  }
}
