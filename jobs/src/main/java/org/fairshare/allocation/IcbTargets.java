package org.fairshare.allocation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fairshare.schema.AllocationColumns;
import org.fairshare.schema.Columns;
import org.fairshare.schema.Envelopes;
import org.fairshare.schema.IcbTargetsTable;

/** ICB targets: each ICB's share of England's weighted population times the national quantum. */
public final class IcbTargets {
  private IcbTargets() {}

  /**
   * Returns the icb_targets rows: per ICB and stream, population, weighted population, target
   * share, quantum, target (to the penny, ICBs adding up to the quantum exactly), envelope and
   * distance from target (envelope - target) / target.
   *
   * @param streamPlace icb_code, place_code, stream, population, weighted_population
   * @param envelopes icb_code, stream, envelope_gbp
   * @param quanta configured national quantum per stream (GBP); a stream without one shares the sum
   *     of its envelopes
   */
  public static Dataset<Row> icbTargets(
      Dataset<Row> streamPlace, Dataset<Row> envelopes, Map<String, BigDecimal> quanta) {
    Dataset<Row> icbs =
        streamPlace
            .groupBy(Columns.ICB_CODE, AllocationColumns.STREAM)
            .agg(
                sum(AllocationColumns.POPULATION).as(AllocationColumns.POPULATION),
                sum(AllocationColumns.WEIGHTED_POPULATION)
                    .as(AllocationColumns.WEIGHTED_POPULATION))
            .join(
                envelopes.select(Envelopes.ICB_CODE, Envelopes.STREAM, Envelopes.ENVELOPE_GBP),
                new String[] {Columns.ICB_CODE, AllocationColumns.STREAM},
                "left");
    Map<String, BigDecimal> configured = Map.copyOf(quanta);
    return icbs.groupByKey(
            (MapFunction<Row, String>) r -> r.getAs(AllocationColumns.STREAM), Encoders.STRING())
        .flatMapGroups(
            (FlatMapGroupsFunction<String, Row, Row>)
                (stream, it) -> targetsOfOneStream(stream, it, configured.get(stream)),
            Encoders.row(IcbTargetsTable.SCHEMA))
        .orderBy(col(IcbTargetsTable.STREAM), col(IcbTargetsTable.ICB_CODE));
  }

  private static Iterator<Row> targetsOfOneStream(
      String stream, Iterator<Row> it, BigDecimal configuredQuantum) {
    List<Row> rows = new ArrayList<>();
    it.forEachRemaining(rows::add);
    rows.sort(Comparator.comparing(r -> r.<String>getAs(Columns.ICB_CODE)));
    int n = rows.size();
    String[] codes = new String[n];
    double[] wp = new double[n];
    long envelopeSum = 0;
    for (int i = 0; i < n; i++) {
      codes[i] = rows.get(i).getAs(Columns.ICB_CODE);
      wp[i] = rows.get(i).<Double>getAs(AllocationColumns.WEIGHTED_POPULATION);
      BigDecimal e = rows.get(i).getAs(AllocationColumns.ENVELOPE_GBP);
      envelopeSum += e == null ? 0 : Pennies.of(e);
    }
    long quantum = configuredQuantum == null ? envelopeSum : Pennies.of(configuredQuantum);
    long[] target = Targets.shares(quantum, wp, codes);
    double totalWp = Arrays.stream(wp).sum();
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      BigDecimal envelope = r.getAs(AllocationColumns.ENVELOPE_GBP);
      Double dft =
          envelope == null || target[i] == 0
              ? null
              : (Pennies.of(envelope) - target[i]) / (double) target[i];
      out.add(
          RowFactory.create(
              codes[i],
              stream,
              r.<Double>getAs(AllocationColumns.POPULATION),
              wp[i],
              totalWp > 0 ? wp[i] / totalWp : 0.0,
              Pennies.gbp(quantum),
              Pennies.gbp(target[i]),
              envelope,
              dft));
    }
    return out.iterator();
  }
}
