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

  /**
   * Inputs only real published data provides (read through an adapter); not generated, and not
   * configured by default: a run without them skips the stages that need them.
   */
  public static final List<DatasetContract> PUBLISHED =
      List.of(
          PublishedWeightedPopulations.CONTRACT, GpPayments.CONTRACT, PracticeDeprivation.CONTRACT);

  /** Every contract the ingest knows: {@link #ALL}, then {@link #PUBLISHED}. */
  public static final List<DatasetContract> INGESTED =
      java.util.stream.Stream.concat(ALL.stream(), PUBLISHED.stream()).toList();

  /** Returns the contract of the named dataset. */
  public static Optional<DatasetContract> byName(String name) {
    return INGESTED.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
