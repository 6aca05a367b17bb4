package org.fairshare.placetool;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.config.ConfigException;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.need.SliceIo;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.PlaceNeedIndicesTable;
import org.fairshare.schema.Practices;
import org.fairshare.schema.PublishedWeightedPopulations;

/**
 * Writes place_need_indices: NHS England's place tool over the published practice weighted
 * populations, for the configured place definition (placetool.place_level).
 */
public final class PlaceNeedIndicesStage implements Stage {

  @Override
  public String name() {
    return "place_need_indices";
  }

  @Override
  public List<OutputTable> outputs() {
    return List.of(PlaceNeedIndicesTable.TABLE);
  }

  @Override
  public List<String> requiredInputs() {
    return List.of(PublishedWeightedPopulations.DATASET);
  }

  @Override
  public void run(StageContext ctx) {
    FairshareConfig cfg = ctx.config();
    String level = cfg.get(ConfigKeys.PLACETOOL_PLACE_LEVEL);
    Dataset<Row> wp = SliceIo.input(ctx, PublishedWeightedPopulations.CONTRACT);
    Dataset<Row> practices =
        cfg.isProvided(Practices.DATASET) ? SliceIo.input(ctx, Practices.CONTRACT) : null;
    Dataset<Row> mapping =
        level.equals("custom")
            ? ctx.spark()
                .read()
                .option("header", "true")
                .schema(
                    new StructType()
                        .add(Practices.PRACTICE_CODE, DataTypes.StringType)
                        .add(PlaceNeedIndicesTable.PLACE_CODE, DataTypes.StringType))
                .csv(mappingPath(cfg).toString())
            : null;
    Dataset<Row> placed = withPlace(wp, level, practices, mapping);
    Dataset<Row> out = PlaceNeedIndices.needIndices(placed, level);
    ctx.write(PlaceNeedIndicesTable.TABLE, out);
    for (Row r : placeless(placed)) {
      ctx.summary(
          String.format(
              "place_need_indices %s (%s): %d practices in no place (counted in their ICB): %s",
              r.getString(0), level, r.getLong(1), String.join(", ", r.<String>getList(2))));
    }
    List<Row> spread =
        out.where(col(PlaceNeedIndicesTable.COMPONENT).equalTo("core_final"))
            .groupBy(col(PlaceNeedIndicesTable.ALLOCATION_YEAR))
            .agg(
                functions.countDistinct(col(PlaceNeedIndicesTable.ICB_CODE)),
                functions.count(functions.lit(1)),
                functions.min(col(PlaceNeedIndicesTable.NEED_INDEX)),
                functions.max(col(PlaceNeedIndicesTable.NEED_INDEX)))
            .orderBy(col(PlaceNeedIndicesTable.ALLOCATION_YEAR))
            .collectAsList();
    for (Row r : spread) {
      ctx.summary(
          String.format(
              "place_need_indices %s (%s): %d places in %d ICBs; core need index against the ICB"
                  + " %s to %s",
              r.getString(0), level, r.getLong(2), r.getLong(1), r.get(3), r.get(4)));
    }
  }

  /**
   * Returns the published rows with the practice's place_code at the level: the row's own ICB,
   * sub-ICB, PCN or LA (sub-ICB and PCN from the practices input where the year's file leaves them
   * empty and the practices input puts the practice in the row's ICB), or the mapping file's place.
   */
  public static Dataset<Row> withPlace(
      Dataset<Row> wp, String level, Dataset<Row> practices, Dataset<Row> mapping) {
    Dataset<Row> rows = wp;
    if (practices != null && (level.equals("sub_icb") || level.equals("pcn"))) {
      rows =
          rows.join(
              practices.select(
                  col(Practices.PRACTICE_CODE),
                  col(Practices.ICB_CODE).as("_p_icb"),
                  col(Practices.SUB_ICB_CODE).as("_p_sub_icb"),
                  col(Practices.PCN_CODE).as("_p_pcn")),
              Practices.PRACTICE_CODE,
              "left");
      // A hierarchy of another year or publisher names a place only within the row's own ICB: a
      // practice that has moved ICB since is in no place rather than in another ICB's.
      Column sameIcb = col("_p_icb").equalTo(col(PublishedWeightedPopulations.ICB_CODE));
      rows =
          rows.withColumn("_p_sub_icb", functions.when(sameIcb, col("_p_sub_icb")))
              .withColumn("_p_pcn", functions.when(sameIcb, col("_p_pcn")));
    } else {
      rows =
          rows.withColumn("_p_sub_icb", functions.lit(null).cast(DataTypes.StringType))
              .withColumn("_p_pcn", functions.lit(null).cast(DataTypes.StringType));
    }
    Column place =
        switch (level) {
          case "icb" -> col(PublishedWeightedPopulations.ICB_CODE);
          case "sub_icb" ->
              functions.coalesce(col(PublishedWeightedPopulations.SUB_ICB_CODE), col("_p_sub_icb"));
          case "pcn" ->
              functions.coalesce(col(PublishedWeightedPopulations.PCN_CODE), col("_p_pcn"));
          case "la" -> col(PublishedWeightedPopulations.LA_CODE);
          case "custom" -> col("_m_place");
          default -> throw new ConfigException("placetool.place_level " + level);
        };
    if (mapping != null) {
      rows =
          rows.join(
              mapping.select(
                  col(Practices.PRACTICE_CODE),
                  col(PlaceNeedIndicesTable.PLACE_CODE).as("_m_place")),
              Practices.PRACTICE_CODE,
              "left");
    }
    return rows.withColumn(PlaceNeedIndicesTable.PLACE_CODE, place);
  }

  /** Most practices a summary line names. */
  private static final int NAMED = 20;

  /**
   * Returns, per allocation year with any, the number of practices in no place and the first
   * {@value #NAMED} of their codes in order.
   */
  static List<Row> placeless(Dataset<Row> placed) {
    Column codes =
        functions.sort_array(
            functions.collect_set(col(PublishedWeightedPopulations.PRACTICE_CODE)));
    return placed
        .where(col(PlaceNeedIndicesTable.PLACE_CODE).isNull())
        .groupBy(col(PublishedWeightedPopulations.ALLOCATION_YEAR))
        .agg(codes.as("_codes"))
        .select(
            col(PublishedWeightedPopulations.ALLOCATION_YEAR),
            functions.size(col("_codes")).cast(DataTypes.LongType),
            functions.slice(col("_codes"), 1, NAMED))
        .orderBy(col(PublishedWeightedPopulations.ALLOCATION_YEAR))
        .collectAsList();
  }

  private static Path mappingPath(FairshareConfig cfg) {
    String p = cfg.get(ConfigKeys.PLACETOOL_MAPPING_PATH);
    if (p.isBlank()) {
      throw new ConfigException(
          "placetool.place_level=custom needs placetool.place_mapping_path (a CSV"
              + " practice_code,place_code)");
    }
    return cfg.dataDir().resolve(p).normalize();
  }
}
