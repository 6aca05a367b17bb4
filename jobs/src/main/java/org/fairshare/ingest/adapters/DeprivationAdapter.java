package org.fairshare.ingest.adapters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.ingest.InputFiles;
import org.fairshare.schema.Deprivation;
import org.fairshare.schema.Fields;

/**
 * The English Indices of Deprivation by LSOA (as republished in humaniverse/IMD) made into the
 * deprivation contract.
 *
 * <ul>
 *   <li>{@value #IMD2019}: imd2019_england_lsoa11 (ranks and deciles); the IMD, income and
 *       employment scores from mySociety's UK_IMD_E file (option {@code scores}, England rows),
 *       whose domain scores are percentages and are divided by 100 to the official 0-1 scale.
 *   <li>{@value #IOD2025}: imd2025_england_lsoa21 (ranks, deciles and scores of every domain).
 * </ul>
 */
public final class DeprivationAdapter {
  private DeprivationAdapter() {}

  public static final String IMD2019 = "humaniverse_imd2019_lsoa11";
  public static final String IOD2025 = "humaniverse_iod2025_lsoa21";

  /** Contract domain to the publication's domain prefix (Barriers is "Housing and ..."). */
  static Map<String, String> domainPrefixes(boolean is2025) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("income", "Income");
    m.put("employment", "Employment");
    m.put("education", "Education");
    m.put("health", "Health");
    m.put("crime", "Crime");
    m.put("barriers", is2025 ? "Housing_and_Services" : "Housing_and_Access");
    m.put("living_environment", "Environment");
    return m;
  }

  static Dataset<Row> read(
      SparkSession spark, InputFiles files, String adapter, Adapters.Options options) {
    boolean is2025 = adapter.equals(IOD2025);
    Map<String, String> h = new LinkedHashMap<>();
    h.put(Deprivation.AREA_CODE, is2025 ? "lsoa21_code" : "lsoa11_code");
    h.put(Deprivation.IMD_RANK, "IMD_rank");
    h.put(Deprivation.IMD_DECILE, "IMD_decile");
    StructType layout =
        new StructType()
            .add(Fields.required(Deprivation.AREA_CODE, DataTypes.StringType, ""))
            .add(Fields.required(Deprivation.IMD_RANK, DataTypes.IntegerType, ""))
            .add(Fields.required(Deprivation.IMD_DECILE, DataTypes.IntegerType, ""));
    for (var e : domainPrefixes(is2025).entrySet()) {
      h.put(e.getKey() + "_rank", e.getValue() + "_rank");
      layout = layout.add(Fields.optional(e.getKey() + "_rank", DataTypes.IntegerType, ""));
      if (is2025) {
        h.put(e.getKey() + "_score", e.getValue() + "_score");
        layout = layout.add(Fields.optional(e.getKey() + "_score", DataTypes.DoubleType, ""));
      }
    }
    if (is2025) {
      h.put(Deprivation.IMD_SCORE, "IMD_score");
      layout = layout.add(Fields.optional(Deprivation.IMD_SCORE, DataTypes.DoubleType, ""));
    }
    Path main = files.files().get(0);
    Dataset<Row> ranks = Adapters.readPublished(spark, files.spec(), main, layout, h);
    if (is2025) {
      return ranks.withColumn(Deprivation.IMD_VINTAGE, lit("IoD2025"));
    }
    return withScores2019(ranks, mySocietyScores(spark, options.file("scores")));
  }

  /**
   * Returns IMD 2019 ranks with the scores joined by area: the IMD score as published and the
   * income and employment scores from percentages to the official 0-1 scale.
   */
  public static Dataset<Row> withScores2019(Dataset<Row> ranks, Dataset<Row> scores) {
    return ranks
        .join(scores, Deprivation.AREA_CODE, "left")
        .withColumn(Deprivation.IMD_VINTAGE, lit("IMD2019"))
        .withColumn(Deprivation.INCOME_SCORE, col("_income_pct").divide(100))
        .withColumn(Deprivation.EMPLOYMENT_SCORE, col("_employment_pct").divide(100));
  }

  private static Dataset<Row> mySocietyScores(SparkSession spark, Path file) {
    StructType s =
        new StructType()
            .add("nation", DataTypes.StringType)
            .add(Deprivation.AREA_CODE, DataTypes.StringType)
            .add(Deprivation.IMD_SCORE, DataTypes.DoubleType)
            .add("_income_pct", DataTypes.DoubleType)
            .add("_employment_pct", DataTypes.DoubleType);
    for (String c :
        List.of(
            "UK_IMD_E_score",
            "original_decile",
            "E_expanded_decile",
            "UK_IMD_E_rank",
            "UK_IMD_E_pop_decile",
            "UK_IMD_E_pop_quintile")) {
      s = s.add(c, DataTypes.StringType);
    }
    return GeographyAdapter.lookup(spark, file, s)
        .where(col("nation").equalTo("E"))
        .select(Deprivation.AREA_CODE, Deprivation.IMD_SCORE, "_income_pct", "_employment_pct")
        .dropDuplicates(Deprivation.AREA_CODE);
  }
}
