package org.fairshare.allocation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.config.ConfigKey;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.need.SliceIo;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.AllocationColumns;
import org.fairshare.schema.Baselines;
import org.fairshare.schema.Columns;
import org.fairshare.schema.Envelopes;
import org.fairshare.schema.HoldbacksTable;
import org.fairshare.schema.IcbTargetsTable;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.PlaceTargetsTable;
import org.fairshare.schema.StreamWeightedPopulationTable;

/** Writes ICB targets, hold-backs and place targets from the weighted populations and envelopes. */
public final class TargetsStage implements Stage {

  @Override
  public String name() {
    return "targets";
  }

  @Override
  public List<OutputTable> outputs() {
    return List.of(IcbTargetsTable.TABLE, HoldbacksTable.TABLE, PlaceTargetsTable.TABLE);
  }

  @Override
  public void run(StageContext ctx) {
    FairshareConfig cfg = ctx.config();
    Dataset<Row> streamPlace = SliceIo.table(ctx, StreamWeightedPopulationTable.TABLE);
    Dataset<Row> envelopes = envelopes(ctx);
    Dataset<Row> holdbacks =
        PlaceTargets.holdbacks(
            envelopes, PlaceTargets.parseHoldbacks(cfg.get(ConfigKeys.HOLDBACKS)));
    Dataset<Row> places = streamPlace.select(Columns.ICB_CODE, Columns.PLACE_CODE).distinct();
    Dataset<Row> baselines =
        SliceIo.input(ctx, Baselines.CONTRACT)
            .where(col(Baselines.BASELINE_YEAR).equalTo(cfg.previousFinancialYear()))
            .select(Baselines.PLACE_CODE, Baselines.STREAM, Baselines.BASELINE_GBP);
    requireUnique(baselines, "baselines", Baselines.PLACE_CODE, Baselines.STREAM);
    List<Row> unknown =
        PlaceTargets.unknownBaselinePlaces(baselines, places).limit(5).collectAsList();
    if (!unknown.isEmpty()) {
      throw new IllegalStateException(
          "baselines name places the geography does not have (allocation.place_level="
              + cfg.get(ConfigKeys.PLACE_LEVEL)
              + "), e.g. "
              + unknown);
    }
    Map<String, BigDecimal> quanta = new HashMap<>();
    putQuantum(quanta, cfg, ConfigKeys.QUANTUM_CORE, AllocationColumns.CORE);
    putQuantum(quanta, cfg, ConfigKeys.QUANTUM_PMC, AllocationColumns.PRIMARY_MEDICAL_CARE);
    SliceIo.write(
        ctx, IcbTargetsTable.TABLE, IcbTargets.icbTargets(streamPlace, envelopes, quanta));
    SliceIo.write(ctx, HoldbacksTable.TABLE, holdbacks);
    SliceIo.write(
        ctx,
        PlaceTargetsTable.TABLE,
        PlaceTargets.placeTargets(
            streamPlace, envelopes, holdbacks, PlaceTargets.baselinesByIcb(baselines, places)));
  }

  /** Returns icb_code, stream, envelope_gbp of the run; throws on two envelopes for one key. */
  static Dataset<Row> envelopes(StageContext ctx) {
    Dataset<Row> envelopes =
        SliceIo.input(ctx, Envelopes.CONTRACT)
            .where(col(Envelopes.ENVELOPE_YEAR).equalTo(ctx.config().financialYear()))
            .select(Envelopes.ICB_CODE, Envelopes.STREAM, Envelopes.ENVELOPE_GBP);
    requireUnique(envelopes, "envelopes", Envelopes.ICB_CODE, Envelopes.STREAM);
    return envelopes;
  }

  private static void requireUnique(Dataset<Row> rows, String what, String... key) {
    Column[] cols = Arrays.stream(key).map(k -> col(k)).toArray(Column[]::new);
    List<Row> dupes =
        rows.groupBy(cols).agg(count("*").as("n")).where(col("n").gt(1)).limit(5).collectAsList();
    if (!dupes.isEmpty()) {
      throw new IllegalStateException(
          what
              + " of this run have more than one row per "
              + List.of(key)
              + " (several financial years staged?), e.g. "
              + dupes);
    }
  }

  private static void putQuantum(
      Map<String, BigDecimal> quanta, FairshareConfig cfg, ConfigKey key, String stream) {
    String v = cfg.get(key).trim();
    if (!v.isEmpty()) {
      quanta.put(stream, new BigDecimal(v).setScale(2));
    }
  }
}
