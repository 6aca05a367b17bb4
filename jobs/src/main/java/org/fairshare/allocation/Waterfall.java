package org.fairshare.allocation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fairshare.schema.AllocationColumns;
import org.fairshare.schema.AllocationWaterfallTable;
import org.fairshare.schema.Columns;
import org.fairshare.schema.PlaceAllocationsTable;
import org.fairshare.schema.StreamWeightedPopulationTable;

/**
 * The allocation waterfall of each place: from baseline to final allocation through the
 * distributable envelope shared by ever fuller weighted populations. Each intermediate level is a
 * whole-penny share of the same envelope, so the steps add up exactly.
 *
 * <pre>
 * population_change   = share by population                       - baseline
 * age_sex             = share by age-sex weighted population      - share by population
 * additional_need     = share by need-weighted population         - share by age-sex
 * health_inequalities = share by population blended with HI       - share by need
 * cost_adjustment     = target (cost-adjusted share)              - share with HI
 * pace_of_change      = allocation                                - target
 * </pre>
 */
public final class Waterfall {
  private Waterfall() {}

  private static final String TARGET = AllocationColumns.TARGET_GBP;

  /**
   * Returns the allocation_waterfall rows: eight per place and stream.
   *
   * @param streamPlace rows of the stream_weighted_population table
   * @param allocations path year 1 of the place_allocations table
   */
  public static Dataset<Row> waterfall(Dataset<Row> streamPlace, Dataset<Row> allocations) {
    String[] key = {Columns.ICB_CODE, Columns.PLACE_CODE, AllocationColumns.STREAM};
    Dataset<Row> rows =
        allocations
            .select(
                col(PlaceAllocationsTable.ICB_CODE),
                col(PlaceAllocationsTable.PLACE_CODE),
                col(PlaceAllocationsTable.STREAM),
                col(PlaceAllocationsTable.ENVELOPE_GBP),
                col(PlaceAllocationsTable.BASELINE_GBP),
                col(PlaceAllocationsTable.TARGET_GBP),
                col(PlaceAllocationsTable.ALLOCATION_GBP))
            .join(streamPlace, key, "left")
            .select(
                col(Columns.ICB_CODE),
                col(Columns.PLACE_CODE),
                col(AllocationColumns.STREAM),
                col(PlaceAllocationsTable.ENVELOPE_GBP),
                col(PlaceAllocationsTable.BASELINE_GBP),
                col(TARGET),
                col(PlaceAllocationsTable.ALLOCATION_GBP),
                zero(StreamWeightedPopulationTable.POPULATION),
                zero(StreamWeightedPopulationTable.WEIGHTED_POPULATION_AGE_SEX),
                zero(StreamWeightedPopulationTable.WEIGHTED_POPULATION_NEED),
                zero(StreamWeightedPopulationTable.WEIGHTED_POPULATION_HI));
    return rows.groupByKey(PlaceTargets.byIcbAndStream(), Encoders.STRING())
        .flatMapGroups(
            (FlatMapGroupsFunction<String, Row, Row>) (k, it) -> stepsOfOneIcb(it),
            Encoders.row(AllocationWaterfallTable.SCHEMA));
  }

  private static Column zero(String column) {
    return coalesce(col(column), lit(0.0)).as(column);
  }

  private static Iterator<Row> stepsOfOneIcb(Iterator<Row> it) {
    List<Row> rows = PlaceTargets.sortedByPlace(it);
    int n = rows.size();
    String[] codes = new String[n];
    long[] baseline = new long[n];
    long[] target = new long[n];
    long[] allocation = new long[n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      codes[i] = r.getAs(Columns.PLACE_CODE);
      baseline[i] = Pennies.of(r.getAs(PlaceAllocationsTable.BASELINE_GBP));
      target[i] = Pennies.of(r.getAs(TARGET));
      allocation[i] = Pennies.of(r.getAs(PlaceAllocationsTable.ALLOCATION_GBP));
    }
    long envelope = Pennies.of(rows.get(0).getAs(PlaceAllocationsTable.ENVELOPE_GBP));
    long[] byPopulation = share(rows, StreamWeightedPopulationTable.POPULATION, envelope, codes);
    long[] byAgeSex =
        share(rows, StreamWeightedPopulationTable.WEIGHTED_POPULATION_AGE_SEX, envelope, codes);
    long[] byNeed =
        share(rows, StreamWeightedPopulationTable.WEIGHTED_POPULATION_NEED, envelope, codes);
    long[] withHi =
        share(rows, StreamWeightedPopulationTable.WEIGHTED_POPULATION_HI, envelope, codes);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long[] amounts = {
        baseline[i],
        byPopulation[i] - baseline[i],
        byAgeSex[i] - byPopulation[i],
        byNeed[i] - byAgeSex[i],
        withHi[i] - byNeed[i],
        target[i] - withHi[i],
        allocation[i] - target[i],
        allocation[i]
      };
      long running = 0;
      for (int s = 0; s < amounts.length; s++) {
        running = s == amounts.length - 1 ? amounts[s] : running + amounts[s];
        out.add(
            RowFactory.create(
                rows.get(i).getAs(Columns.ICB_CODE),
                codes[i],
                rows.get(i).getAs(AllocationColumns.STREAM),
                s + 1,
                AllocationWaterfallTable.STEPS.get(s),
                Pennies.gbp(amounts[s]),
                Pennies.gbp(running)));
      }
    }
    return out.iterator();
  }

  /** Returns the envelope shared by the column; by population when the column is all zero. */
  private static long[] share(List<Row> rows, String column, long envelope, String[] codes) {
    double[] w = new double[rows.size()];
    double total = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = rows.get(i).<Double>getAs(column);
      total += w[i];
    }
    if (total <= 0) {
      // Only places with no residents: the level is the target itself.
      for (int i = 0; i < w.length; i++) {
        w[i] = Pennies.of(rows.get(i).getAs(TARGET));
      }
    }
    return Targets.shares(envelope, w, codes);
  }
}
