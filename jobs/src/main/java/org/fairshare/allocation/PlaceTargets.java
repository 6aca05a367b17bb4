package org.fairshare.allocation;

import static org.apache.spark.sql.functions.bround;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.config.PlainNumbers;
import org.fairshare.schema.AllocationColumns;
import org.fairshare.schema.Baselines;
import org.fairshare.schema.Columns;
import org.fairshare.schema.Envelopes;
import org.fairshare.schema.HoldbacksTable;
import org.fairshare.schema.Money;
import org.fairshare.schema.PlaceTargetsTable;

/**
 * Place targets within each ICB's envelope: system-wide budgets held back first, the rest shared by
 * weighted population to the penny, and each place's distance from target.
 */
public final class PlaceTargets {
  private PlaceTargets() {}

  /** A budget held back from every ICB's envelope of a stream before place targets. */
  public record Holdback(String stream, String name, BigDecimal share) implements Serializable {}

  /**
   * Returns the hold-backs of {@code stream:name=share,...} text; empty text gives none.
   *
   * @throws IllegalArgumentException naming an entry that is not stream:name=share
   */
  public static List<Holdback> parseHoldbacks(String text) {
    List<Holdback> out = new ArrayList<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] kv = entry.trim().split("=", 2);
      String[] sn = kv[0].split(":", 2);
      try {
        if (kv.length != 2
            || sn.length != 2
            || sn[0].isBlank()
            || sn[1].isBlank()
            || !PlainNumbers.isDecimal(kv[1].trim())) {
          throw new NumberFormatException();
        }
        BigDecimal share = new BigDecimal(kv[1].trim());
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
          throw new NumberFormatException();
        }
        out.add(new Holdback(sn[0].trim(), sn[1].trim(), share));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "expected stream:name=share with share in [0, 1], got '" + entry.trim() + "'", e);
      }
    }
    return out;
  }

  /**
   * Returns the allocation_holdbacks rows: per ICB, stream and hold-back, envelope x share rounded
   * half-even to the penny (exact decimal arithmetic).
   *
   * @param envelopes icb_code, stream, envelope_gbp
   */
  public static Dataset<Row> holdbacks(Dataset<Row> envelopes, List<Holdback> holdbacks) {
    StructType spec =
        new StructType()
            .add(HoldbacksTable.STREAM, DataTypes.StringType, false)
            .add(HoldbacksTable.HOLDBACK_NAME, DataTypes.StringType, false)
            .add("share_decimal", DataTypes.createDecimalType(12, 10), false);
    List<Row> rows = new ArrayList<>();
    for (Holdback h : holdbacks) {
      rows.add(RowFactory.create(h.stream(), h.name(), h.share().setScale(10)));
    }
    return envelopes
        .sparkSession()
        .createDataFrame(rows, spec)
        .join(envelopes, Envelopes.STREAM)
        .select(
            col(Envelopes.ICB_CODE),
            col(Envelopes.STREAM),
            col(HoldbacksTable.HOLDBACK_NAME),
            col("share_decimal").cast("double").as(HoldbacksTable.SHARE),
            bround(col(Envelopes.ENVELOPE_GBP).multiply(col("share_decimal")), 2)
                .cast(Money.TYPE)
                .as(HoldbacksTable.AMOUNT_GBP));
  }

  /**
   * Returns the place_targets rows. Places with a weighted population or a baseline are included;
   * ICBs without an envelope are not.
   *
   * @param streamPlace icb_code, place_code, stream, population, weighted_population
   * @param envelopes icb_code, stream, envelope_gbp
   * @param holdbacks rows of {@link #holdbacks}
   * @param baselines icb_code, place_code, stream, baseline_gbp
   */
  public static Dataset<Row> placeTargets(
      Dataset<Row> streamPlace,
      Dataset<Row> envelopes,
      Dataset<Row> holdbacks,
      Dataset<Row> baselines) {
    String[] icbStream = {Columns.ICB_CODE, AllocationColumns.STREAM};
    Dataset<Row> held =
        holdbacks
            .groupBy(Columns.ICB_CODE, AllocationColumns.STREAM)
            .agg(sum(HoldbacksTable.AMOUNT_GBP).as("held"));
    Dataset<Row> env =
        envelopes
            .select(Envelopes.ICB_CODE, Envelopes.STREAM, Envelopes.ENVELOPE_GBP)
            .join(held, icbStream, "left")
            .withColumn(
                AllocationColumns.DISTRIBUTABLE_GBP,
                col(Envelopes.ENVELOPE_GBP)
                    .minus(coalesce(col("held"), lit(BigDecimal.ZERO)))
                    .cast(Money.TYPE))
            .drop("held");
    Dataset<Row> rows =
        streamPlace
            .select(
                col(Columns.ICB_CODE),
                col(Columns.PLACE_CODE),
                col(AllocationColumns.STREAM),
                col(AllocationColumns.POPULATION),
                col(AllocationColumns.WEIGHTED_POPULATION))
            .join(
                baselines.select(
                    Columns.ICB_CODE,
                    Columns.PLACE_CODE,
                    AllocationColumns.STREAM,
                    Baselines.BASELINE_GBP),
                new String[] {Columns.ICB_CODE, Columns.PLACE_CODE, AllocationColumns.STREAM},
                "full")
            .join(env, icbStream)
            .select(
                col(Columns.ICB_CODE),
                col(Columns.PLACE_CODE),
                col(AllocationColumns.STREAM),
                coalesce(col(AllocationColumns.POPULATION), lit(0.0))
                    .as(AllocationColumns.POPULATION),
                coalesce(col(AllocationColumns.WEIGHTED_POPULATION), lit(0.0))
                    .as(AllocationColumns.WEIGHTED_POPULATION),
                col(AllocationColumns.ENVELOPE_GBP),
                col(AllocationColumns.DISTRIBUTABLE_GBP),
                coalesce(col(Baselines.BASELINE_GBP), lit(BigDecimal.ZERO).cast(Money.TYPE))
                    .cast(Money.TYPE)
                    .as(AllocationColumns.BASELINE_GBP));
    return rows.groupByKey(byIcbAndStream(), Encoders.STRING())
        .flatMapGroups(
            (FlatMapGroupsFunction<String, Row, Row>) (key, it) -> targetsOfOneIcb(it),
            Encoders.row(PlaceTargetsTable.SCHEMA));
  }

  /** Returns the grouping key of a row with icb_code and stream. */
  static MapFunction<Row, String> byIcbAndStream() {
    return r ->
        r.<String>getAs(Columns.ICB_CODE) + "\u0000" + r.<String>getAs(AllocationColumns.STREAM);
  }

  /** Returns the rows of one group sorted by place code. */
  static List<Row> sortedByPlace(Iterator<Row> it) {
    List<Row> rows = new ArrayList<>();
    it.forEachRemaining(rows::add);
    rows.sort(Comparator.comparing(r -> r.<String>getAs(Columns.PLACE_CODE)));
    return rows;
  }

  private static Iterator<Row> targetsOfOneIcb(Iterator<Row> it) {
    List<Row> rows = sortedByPlace(it);
    int n = rows.size();
    String[] codes = new String[n];
    double[] wp = new double[n];
    long baseSum = 0;
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      codes[i] = r.getAs(Columns.PLACE_CODE);
      wp[i] = r.<Double>getAs(AllocationColumns.WEIGHTED_POPULATION);
      baseSum += Pennies.of(r.getAs(AllocationColumns.BASELINE_GBP));
    }
    Row first = rows.get(0);
    long distributable = Pennies.of(first.getAs(AllocationColumns.DISTRIBUTABLE_GBP));
    long[] target = Targets.shares(distributable, wp, codes);
    double totalWp = Arrays.stream(wp).sum();
    Double growth = baseSum == 0 ? null : (double) distributable / baseSum - 1;
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      double pop = r.<Double>getAs(AllocationColumns.POPULATION);
      long baseline = Pennies.of(r.getAs(AllocationColumns.BASELINE_GBP));
      Double dft =
          growth == null
              ? null
              : finite(PaceOfChange.distanceFromTarget(baseline, growth, target[i]));
      out.add(
          RowFactory.create(
              r.getAs(Columns.ICB_CODE),
              codes[i],
              r.getAs(AllocationColumns.STREAM),
              pop,
              wp[i],
              totalWp > 0 ? wp[i] / totalWp : 0.0,
              first.getAs(AllocationColumns.ENVELOPE_GBP),
              Pennies.gbp(distributable),
              Pennies.gbp(target[i]),
              pop > 0 ? target[i] / 100.0 / pop : null,
              Pennies.gbp(baseline),
              growth,
              dft));
    }
    return out.iterator();
  }

  static Double finite(double x) {
    return Double.isFinite(x) ? x : null;
  }

  /**
   * Returns icb_code, place_code, stream, baseline_gbp: the baselines with each place's ICB.
   *
   * @param baselines place_code, stream, baseline_gbp
   * @param places distinct icb_code, place_code
   */
  public static Dataset<Row> baselinesByIcb(Dataset<Row> baselines, Dataset<Row> places) {
    return baselines
        .select(Baselines.PLACE_CODE, Baselines.STREAM, Baselines.BASELINE_GBP)
        .join(places, Columns.PLACE_CODE);
  }

  /** Returns the baselines whose place is not among the places (their money would vanish). */
  public static Dataset<Row> unknownBaselinePlaces(Dataset<Row> baselines, Dataset<Row> places) {
    return baselines.join(places, new String[] {Columns.PLACE_CODE}, "left_anti");
  }
}
