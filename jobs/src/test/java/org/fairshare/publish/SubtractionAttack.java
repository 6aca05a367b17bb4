package org.fairshare.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An intruder with a published table: for every total and its parts where exactly one figure is
 * withheld and the others are published, works out the withheld figure by subtraction (or, for a
 * withheld total, addition). Returns what it recovered so that tests can assert it is nothing.
 */
final class SubtractionAttack {
  private SubtractionAttack() {}

  /**
   * A figure recovered: which cell, the value worked out, and the true value.
   *
   * @param key the withheld cell
   */
  record Recovered(String key, double worked, Double truth) {}

  /**
   * Returns every withheld figure an intruder recovers from the published figures (null =
   * withheld), over the relations given; truths are the unsuppressed counts, for the report.
   */
  static List<Recovered> run(
      Map<String, Double> published, Map<String, Double> truth, List<Relation> relations) {
    List<Recovered> found = new ArrayList<>();
    for (Relation r : relations) {
      if (!published.containsKey(r.total())) {
        continue;
      }
      List<String> present = r.parts().stream().filter(published::containsKey).toList();
      List<String> hidden = new ArrayList<>();
      if (published.get(r.total()) == null) {
        hidden.add(r.total());
      }
      present.stream().filter(p -> published.get(p) == null).forEach(hidden::add);
      if (hidden.size() != 1) {
        continue;
      }
      String h = hidden.get(0);
      double sumParts =
          present.stream().filter(p -> !p.equals(h)).mapToDouble(published::get).sum();
      double worked = h.equals(r.total()) ? sumParts : published.get(r.total()) - sumParts;
      found.add(new Recovered(h, worked, truth.get(h)));
    }
    return found;
  }

  /** A total and its parts, by cell key. */
  record Relation(String total, List<String> parts) {}
}
