package org.fairshare.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Secondary (complementary) suppression: after small counts are withheld, withholds further cells
 * so that no withheld count can be recovered by subtracting published figures from a published
 * total. A table's additive structure is given as relations (a total and the parts that sum to it,
 * e.g. a place's count and its ten deprivation deciles, or an ICB and its places); in every
 * relation either no cell or at least two cells end up withheld.
 *
 * <p>Works on the handful of cells of a published table (places x indicators x groups), in the
 * driver: the choice of a complement depends on every relation a cell sits in, which is an
 * iteration to a fixed point rather than a per-row transform.
 */
public final class ComplementarySuppression {
  private ComplementarySuppression() {}

  /**
   * One published cell.
   *
   * @param key identifies the cell (e.g. geography, indicator, breakdown and group joined)
   * @param count the cell's count (ranks candidates for complementary suppression: smallest first)
   * @param suppressed true when already withheld (primary suppression)
   */
  public record Cell(String key, double count, boolean suppressed) {}

  /** A total and the parts that add up to it (exactly or nearly: both leak by subtraction). */
  public record Relation(String total, List<String> parts) {
    public Relation {
      parts = List.copyOf(parts);
    }

    /** Returns the total and the parts. */
    public List<String> cells() {
      List<String> all = new ArrayList<>(parts.size() + 1);
      all.add(total);
      all.addAll(parts);
      return all;
    }
  }

  /**
   * Returns the keys of every cell to withhold: the primary ones and the complements chosen so that
   * no relation has exactly one withheld cell. A complement is the relation's smallest non-zero
   * published part (a zero part only when no other is left; the total only when no part is left),
   * ties broken by key so that the result does not depend on the order of the input.
   */
  public static Set<String> withheld(List<Cell> cells, List<Relation> relations) {
    Map<String, Cell> byKey = new LinkedHashMap<>();
    for (Cell c : cells) {
      byKey.put(c.key(), c);
    }
    Set<String> out = new HashSet<>();
    cells.stream().filter(Cell::suppressed).forEach(c -> out.add(c.key()));
    Comparator<Cell> choice =
        Comparator.comparing((Cell c) -> c.count() == 0 ? 1 : 0)
            .thenComparingDouble(Cell::count)
            .thenComparing(Cell::key);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Relation r : relations) {
        List<Cell> present = r.cells().stream().filter(byKey::containsKey).map(byKey::get).toList();
        long withheld = present.stream().filter(c -> out.contains(c.key())).count();
        if (withheld != 1) {
          continue;
        }
        Cell complement =
            present.stream()
                .filter(c -> !out.contains(c.key()) && !c.key().equals(r.total()))
                .min(choice)
                .orElseGet(
                    () ->
                        present.stream()
                            .filter(c -> !out.contains(c.key()))
                            .findFirst()
                            .orElse(null));
        if (complement != null) {
          out.add(complement.key());
          changed = true;
        }
      }
    }
    return out;
  }

  /**
   * Returns the withheld cells whose count can be recovered by subtraction: in some relation it is
   * the only withheld cell and every other cell is published. Empty when suppression is safe; used
   * to check a publication.
   */
  public static Set<String> recoverable(Set<String> withheld, List<Relation> relations) {
    Set<String> found = new HashSet<>();
    for (Relation r : relations) {
      List<String> hidden = r.cells().stream().filter(withheld::contains).toList();
      if (hidden.size() == 1) {
        found.add(hidden.get(0));
      }
    }
    return found;
  }
}
