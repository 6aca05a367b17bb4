package org.fairshare.schema;

import java.util.List;
import java.util.Optional;

/** Every input contract, in the order they are ingested (referenced datasets first). */
public final class Datasets {
  private Datasets() {}

  public static final List<DatasetContract> ALL =
      List.of(
          GeographyLookup.CONTRACT,
          Practices.CONTRACT,
          Population.CONTRACT,
          Deprivation.CONTRACT,
          RegisteredLists.CONTRACT,
          PracticeAttribution.CONTRACT,
          Activity.CONTRACT,
          Spend.CONTRACT,
          Mortality.CONTRACT,
          Supply.CONTRACT,
          Baselines.CONTRACT,
          Envelopes.CONTRACT,
          CostIndices.CONTRACT);

  /** Returns the contract of the named dataset. */
  public static Optional<DatasetContract> byName(String name) {
    return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
