package org.fairshare.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fairshare.publish.ComplementarySuppression.Relation;

/**
 * The additive relations of a table of counts by geography, measure (indicator or service),
 * breakdown and group: a geography's overall count is the sum of its groups in each breakdown, a
 * national IMD quintile is the sum of its two deciles, and a parent geography's count is the sum of
 * its children's for the same measure, breakdown and group.
 */
public final class HierarchyRelations {
  private HierarchyRelations() {}

  /** Breakdown of the overall row, whose group is also "all". */
  public static final String ALL = "all";

  public static final String IMD_DECILE = "imd_decile";
  public static final String IMD_QUINTILE = "imd_quintile";

  /** Breakdowns whose groups are defined within each geography, so they do not add up across. */
  public static final Set<String> LOCAL_BREAKDOWNS = Set.of("local_quintile");

  /**
   * A cell's coordinates.
   *
   * @param level geography level (england, icb, place)
   * @param code geography code
   * @param measure indicator or service
   */
  public record Coordinates(
      String level, String code, String measure, String breakdown, String group) {
    /** Returns the key that names this cell in relations. */
    public String key() {
      return String.join("\u0001", level, code, measure, breakdown, group);
    }
  }

  /**
   * Returns the relations among the given cells.
   *
   * @param parents parent geography of each child geography, by "level\u0001code" of the child, as
   *     "level\u0001code" of the parent (e.g. a place's ICB, an ICB's England)
   */
  public static List<Relation> of(List<Coordinates> cells, Map<String, String> parents) {
    List<Relation> relations = new ArrayList<>();
    Map<String, List<Coordinates>> byGeoMeasure = new LinkedHashMap<>();
    for (Coordinates c : cells) {
      byGeoMeasure
          .computeIfAbsent(
              String.join("\u0001", c.level(), c.code(), c.measure()), k -> new ArrayList<>())
          .add(c);
    }
    for (List<Coordinates> group : byGeoMeasure.values()) {
      Coordinates any = group.get(0);
      String total = new Coordinates(any.level(), any.code(), any.measure(), ALL, ALL).key();
      Map<String, List<String>> partsByBreakdown = new LinkedHashMap<>();
      for (Coordinates c : group) {
        if (!c.breakdown().equals(ALL)) {
          partsByBreakdown.computeIfAbsent(c.breakdown(), k -> new ArrayList<>()).add(c.key());
        }
      }
      partsByBreakdown.values().forEach(parts -> relations.add(new Relation(total, parts)));
      for (int q = 1; q <= 5; q++) {
        relations.add(
            new Relation(
                new Coordinates(any.level(), any.code(), any.measure(), IMD_QUINTILE, "" + q).key(),
                List.of(
                    new Coordinates(
                            any.level(), any.code(), any.measure(), IMD_DECILE, "" + (2 * q - 1))
                        .key(),
                    new Coordinates(
                            any.level(), any.code(), any.measure(), IMD_DECILE, "" + (2 * q))
                        .key())));
      }
    }
    Map<String, List<String>> childrenByParentCell = new LinkedHashMap<>();
    for (Coordinates c : cells) {
      String parent = parents.get(c.level() + "\u0001" + c.code());
      if (parent == null || LOCAL_BREAKDOWNS.contains(c.breakdown())) {
        continue;
      }
      String[] p = parent.split("\u0001", 2);
      String parentCell = new Coordinates(p[0], p[1], c.measure(), c.breakdown(), c.group()).key();
      childrenByParentCell.computeIfAbsent(parentCell, k -> new ArrayList<>()).add(c.key());
    }
    childrenByParentCell.forEach((total, parts) -> relations.add(new Relation(total, parts)));
    return relations;
  }

  /** Returns "level\u0001code", the form of the keys and values of the parents map. */
  public static String geography(String level, String code) {
    return level + "\u0001" + code;
  }
}
