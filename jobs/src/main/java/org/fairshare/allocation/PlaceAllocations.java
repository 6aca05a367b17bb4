package org.fairshare.allocation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fairshare.schema.AllocationColumns;
import org.fairshare.schema.Columns;
import org.fairshare.schema.PlaceAllocationsTable;

/**
 * Place allocations after pace of change, per ICB and stream, over a multi-year path. Each ICB's
 * handful of places is one group: the groups run on the executors through the plain-Java {@link
 * PaceOfChange}, so nothing is collected to the driver.
 */
public final class PlaceAllocations {
  private PlaceAllocations() {}

  /**
   * Returns the place_allocations rows: for each place and path year 1..years, baseline, target,
   * floor and allocation (pennies exact, places adding up to the ICB's distributable envelope),
   * growth and distance from target after convergence.
   *
   * @param placeTargets rows of {@link PlaceTargets#placeTargets}
   * @param financialYear the run's financial year (path year 1), e.g. 2025-26
   * @param envelopeGrowth assumed growth of each later year's envelope (fraction)
   */
  public static Dataset<Row> allocations(
      Dataset<Row> placeTargets,
      PaceOfChange.Parameters parameters,
      int years,
      double envelopeGrowth,
      String financialYear) {
    return placeTargets
        .groupByKey(PlaceTargets.byIcbAndStream(), Encoders.STRING())
        .flatMapGroups(
            (FlatMapGroupsFunction<String, Row, Row>)
                (key, it) -> pathOfOneIcb(it, parameters, years, envelopeGrowth, financialYear),
            Encoders.row(PlaceAllocationsTable.SCHEMA));
  }

  private static Iterator<Row> pathOfOneIcb(
      Iterator<Row> it,
      PaceOfChange.Parameters p,
      int years,
      double envelopeGrowth,
      String financialYear) {
    List<Row> rows = PlaceTargets.sortedByPlace(it);
    int n = rows.size();
    String[] codes = new String[n];
    long[] baseline = new long[n];
    long[] target = new long[n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      codes[i] = r.getAs(Columns.PLACE_CODE);
      baseline[i] = Pennies.of(r.getAs(AllocationColumns.BASELINE_GBP));
      target[i] = Pennies.of(r.getAs(AllocationColumns.TARGET_GBP));
    }
    Row first = rows.get(0);
    long envelope = Pennies.of(first.getAs(AllocationColumns.DISTRIBUTABLE_GBP));
    List<PaceOfChange.Year> path =
        PaceOfChange.path(codes, baseline, target, envelope, p, years, envelopeGrowth);
    List<Row> out = new ArrayList<>();
    for (int y = 0; y < path.size(); y++) {
      PaceOfChange.Year year = path.get(y);
      long[] a = year.outcome().allocation();
      for (int i = 0; i < n; i++) {
        long b = year.baseline()[i];
        long t = year.target()[i];
        out.add(
            RowFactory.create(
                first.getAs(Columns.ICB_CODE),
                codes[i],
                first.getAs(AllocationColumns.STREAM),
                y + 1,
                financialYearPlus(financialYear, y),
                Pennies.gbp(year.envelope()),
                Pennies.gbp(b),
                Pennies.gbp(t),
                Pennies.gbp(year.outcome().floor()[i]),
                Pennies.gbp(a[i]),
                b == 0 ? null : (double) a[i] / b - 1,
                t == 0 ? null : (double) (a[i] - t) / t,
                year.outcome().bounds().name()));
      }
    }
    return out.iterator();
  }

  /** Returns the financial year {@code years} after the given one: 2025-26 plus 1 is 2026-27. */
  public static String financialYearPlus(String financialYear, int years) {
    int start = Integer.parseInt(financialYear.substring(0, 4)) + years;
    return String.format("%d-%02d", start, (start + 1) % 100);
  }
}
