package org.fairshare.ingest.adapters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.ingest.InputFiles;
import org.fairshare.schema.Fields;
import org.fairshare.schema.Practices;
import org.fairshare.schema.PublishedWeightedPopulations;

/**
 * NHS England's GP practice weighted populations (the ICB allocation tool's practice files,
 * gp_practice_weighted_populations_YYYY_YYYY.csv[.gz]): one wide row per practice with a weighted
 * population column per formula component, made long (one row per component); and the practice to
 * PCN, sub-ICB and ICB hierarchy the 2022/23 file carries.
 */
public final class WeightedPopulationsAdapter {
  private WeightedPopulationsAdapter() {}

  public static final String NAME = "nhse_practice_weighted_populations";
  public static final String PRACTICES_NAME = "nhse_practice_hierarchy";

  static final String FILES = "*weighted_populations*.csv*";

  /** Component to the published column, in publication order (the same in all three years). */
  static final Map<String, String> COMPONENT_HEADERS = componentHeaders();

  private static Map<String, String> componentHeaders() {
    Map<String, String> m = new LinkedHashMap<>();
    List<String> headers =
        List.of(
            "G&A WP",
            "CS WP",
            "MH WP",
            "Mat WP",
            "Health Ineq WP",
            "Prescr WP",
            "Final WP",
            "Primary Medical Care WP",
            "Final PMC WP");
    for (int i = 0; i < headers.size(); i++) {
      m.put(PublishedWeightedPopulations.COMPONENTS.get(i), headers.get(i));
    }
    return m;
  }

  private static final String PRACTICE_NAME = Practices.PRACTICE_NAME;
  private static final String PCN_NAME = Practices.PCN_NAME;

  /** Returns the published layout's columns this adapter reads, typed. */
  static StructType layout() {
    StructType s =
        new StructType()
            .add(
                Fields.required(
                    PublishedWeightedPopulations.PRACTICE_CODE, DataTypes.StringType, ""))
            .add(Fields.optional(PRACTICE_NAME, DataTypes.StringType, ""))
            .add(Fields.optional(PublishedWeightedPopulations.PCN_CODE, DataTypes.StringType, ""))
            .add(Fields.optional(PCN_NAME, DataTypes.StringType, ""))
            .add(
                Fields.optional(
                    PublishedWeightedPopulations.SUB_ICB_CODE, DataTypes.StringType, ""))
            .add(Fields.required(PublishedWeightedPopulations.ICB_CODE, DataTypes.StringType, ""))
            .add(Fields.optional(PublishedWeightedPopulations.LA_CODE, DataTypes.StringType, ""))
            .add(
                Fields.optional(
                    PublishedWeightedPopulations.REGISTERED_PATIENTS, DataTypes.DoubleType, ""))
            .add(
                Fields.required(PublishedWeightedPopulations.POPULATION, DataTypes.DoubleType, ""));
    // Optional: 17 practices publish a blank maternity weight in 2022/23, which the contract
    // counts as zero for that component alone (with a warning), as NHS England's tool does.
    for (String component : COMPONENT_HEADERS.keySet()) {
      s = s.add(Fields.optional(wpColumn(component), DataTypes.DoubleType, ""));
    }
    return s;
  }

  /** Returns contract column to published header, for a year's file. */
  static Map<String, String> headers(String allocationYear) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(PublishedWeightedPopulations.PRACTICE_CODE, "Practice_Code");
    h.put(PRACTICE_NAME, "GP_Practice_Name");
    h.put(PublishedWeightedPopulations.PCN_CODE, "PCN_Code");
    h.put(PCN_NAME, "PCN_Name");
    h.put(PublishedWeightedPopulations.SUB_ICB_CODE, "LOC22");
    h.put(PublishedWeightedPopulations.ICB_CODE, "ICS22");
    h.put(PublishedWeightedPopulations.LA_CODE, "LAD21");
    h.put(PublishedWeightedPopulations.REGISTERED_PATIENTS, "Patients");
    // All three published years head the population column "pop 2022/23" (see SOURCE.md).
    h.put(PublishedWeightedPopulations.POPULATION, "pop 2022/23");
    COMPONENT_HEADERS.forEach((component, header) -> h.put(wpColumn(component), header));
    return h;
  }

  static String wpColumn(String component) {
    return "wp_" + component;
  }

  /** Returns the long rows (practice x component) of every year's file. */
  static Dataset<Row> read(SparkSession spark, InputFiles files) {
    Dataset<Row> all = null;
    for (Path f : Adapters.select(files, FILES)) {
      String year = Adapters.financialYearOf(f);
      Dataset<Row> wide = Adapters.readPublished(spark, files.spec(), f, layout(), headers(year));
      Dataset<Row> one = toLong(wide, year);
      all = all == null ? one : all.unionByName(one);
    }
    return all;
  }

  /**
   * Returns one row per practice and component from the wide layout: the component's weighted
   * population with the practice's population and hierarchy, for the allocation year.
   */
  public static Dataset<Row> toLong(Dataset<Row> wide, String allocationYear) {
    List<Column> pairs = new ArrayList<>();
    for (String component : COMPONENT_HEADERS.keySet()) {
      pairs.add(
          functions.struct(
              lit(component).as(PublishedWeightedPopulations.COMPONENT),
              col(wpColumn(component)).as(PublishedWeightedPopulations.WEIGHTED_POPULATION)));
    }
    List<Column> out = new ArrayList<>();
    out.add(col(PublishedWeightedPopulations.PRACTICE_CODE));
    out.add(lit(allocationYear).as(PublishedWeightedPopulations.ALLOCATION_YEAR));
    out.add(
        col("_wp." + PublishedWeightedPopulations.COMPONENT)
            .as(PublishedWeightedPopulations.COMPONENT));
    out.add(col(PublishedWeightedPopulations.PCN_CODE));
    out.add(col(PublishedWeightedPopulations.SUB_ICB_CODE));
    out.add(col(PublishedWeightedPopulations.ICB_CODE));
    out.add(col(PublishedWeightedPopulations.LA_CODE));
    out.add(col(PublishedWeightedPopulations.REGISTERED_PATIENTS));
    out.add(col(PublishedWeightedPopulations.POPULATION));
    out.add(
        col("_wp." + PublishedWeightedPopulations.WEIGHTED_POPULATION)
            .as(PublishedWeightedPopulations.WEIGHTED_POPULATION));
    out.addAll(Adapters.rowColumns());
    return wide.withColumn("_wp", functions.explode(functions.array(pairs.toArray(Column[]::new))))
        .select(out.toArray(Column[]::new));
  }

  /** Adapter option naming NHS Digital's GP practice map (gp-reg-pat-prac-map.csv). */
  static final String PRACTICE_MAP = "practice_map";

  /**
   * Returns the practices (code, name, PCN, sub-ICB, ICB) of the first year's file; with the
   * practice_map option, also those of NHS Digital's practice map that the file lacks (practices
   * opened since), its CCG as the sub-ICB location (their codes are the CCGs') and its STP as the
   * ICB.
   */
  static Dataset<Row> readPractices(
      SparkSession spark, InputFiles files, Adapters.Options options) {
    Path f = Adapters.select(files, FILES).get(0);
    Dataset<Row> wide =
        Adapters.readPublished(
            spark, files.spec(), f, layout(), headers(Adapters.financialYearOf(f)));
    if (options.value(PRACTICE_MAP, "").isEmpty()) {
      return wide;
    }
    Dataset<Row> map =
        Adapters.readPublished(
            spark, files.spec(), options.file(PRACTICE_MAP), mapLayout(), mapHeaders());
    return wide.unionByName(
        map.join(
            wide.select(col(PublishedWeightedPopulations.PRACTICE_CODE)),
            PublishedWeightedPopulations.PRACTICE_CODE,
            "left_anti"),
        true);
  }

  private static StructType mapLayout() {
    StructType s = new StructType();
    for (String c : mapHeaders().keySet()) {
      s =
          s.add(
              c.equals(Practices.PRACTICE_CODE)
                  ? Fields.required(c, DataTypes.StringType, "")
                  : Fields.optional(c, DataTypes.StringType, ""));
    }
    return s;
  }

  private static Map<String, String> mapHeaders() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(Practices.PRACTICE_CODE, "PRACTICE_CODE");
    h.put(PRACTICE_NAME, "PRACTICE_NAME");
    h.put(Practices.PCN_CODE, "PCN_CODE");
    h.put(PCN_NAME, "PCN_NAME");
    h.put(Practices.SUB_ICB_CODE, "CCG_CODE");
    h.put(Practices.ICB_CODE, "STP_CODE");
    return h;
  }
}
