package org.fairshare.publish;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairshare.output.OwnedFolder;
import org.fairshare.output.Warehouse;
import org.fairshare.publish.RunSlices.Run;
import org.fairshare.schema.AgeSexWeightsTable;
import org.fairshare.schema.AllocationChecksTable;
import org.fairshare.schema.AllocationWaterfallTable;
import org.fairshare.schema.EquityAccess;
import org.fairshare.schema.EquityChecks;
import org.fairshare.schema.EquityInequity;
import org.fairshare.schema.EquityShares;
import org.fairshare.schema.EquitySpend;
import org.fairshare.schema.HoldbacksTable;
import org.fairshare.schema.IcbTargetsTable;
import org.fairshare.schema.InequalityIndicators;
import org.fairshare.schema.InequalitySummary;
import org.fairshare.schema.NeedModelCoefficientsTable;
import org.fairshare.schema.NeedModelFitTable;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.PlaceAllocationsTable;
import org.fairshare.schema.PlaceTargetsTable;
import org.fairshare.schema.PlaceWeightedPopulationTable;
import org.fairshare.schema.StreamWeightedPopulationTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publication folder of a run: a CSV per published table (the run's slice, as the run wrote
 * it), one XLSX workbook with a sheet per table and a Notes sheet, and a self-contained HTML report
 * with charts. Every table passes disclosure control first ({@link PublishedCounts}).
 */
public final class Publication {
  private static final Logger LOG = LoggerFactory.getLogger(Publication.class);

  /** File name of the workbook in the folder. */
  public static final String WORKBOOK = "fairshare.xlsx";

  /** File name of the HTML report in the folder. */
  public static final String REPORT = "report.html";

  /** File name of the plain-text notes in the folder (the workbook's Notes sheet, as text). */
  public static final String NOTES = "NOTES.txt";

  /**
   * Tables published, in sheet order. Small-area tables (health_inequalities_area,
   * weighted_population_area), staging, quarantine and data_quality hold record- or area-level
   * values and stay in the warehouse for analysts with access to it.
   */
  public static final List<OutputTable> TABLES =
      List.of(
          PlaceAllocationsTable.TABLE,
          AllocationWaterfallTable.TABLE,
          PlaceTargetsTable.TABLE,
          IcbTargetsTable.TABLE,
          HoldbacksTable.TABLE,
          AllocationChecksTable.TABLE,
          PlaceWeightedPopulationTable.TABLE,
          StreamWeightedPopulationTable.TABLE,
          AgeSexWeightsTable.TABLE,
          NeedModelCoefficientsTable.TABLE,
          NeedModelFitTable.TABLE,
          InequalityIndicators.TABLE,
          InequalitySummary.TABLE,
          EquityAccess.TABLE,
          EquityChecks.TABLE,
          EquityInequity.TABLE,
          EquityShares.TABLE,
          EquitySpend.TABLE);

  /** The folder written: where, for which run, and rows and withheld rows per table. */
  public record Result(
      Path folder, Run run, Map<String, Long> rows, Map<String, Long> withheldRows) {}

  private Publication() {}

  /** Returns the names of every file a publication writes. */
  public static List<String> fileNames() {
    List<String> names = new ArrayList<>();
    TABLES.forEach(t -> names.add(t.name() + ".csv"));
    names.addAll(List.of(WORKBOOK, NOTES, REPORT));
    return names;
  }

  /** Writes the publication folder of the run into {@code out} and returns what it wrote. */
  public static Result write(
      SparkSession spark, Warehouse warehouse, Run run, Path out, Disclosure.Policy policy) {
    OwnedFolder.requireReplaceable(out, fileNames(), "publish --out " + out);
    RunSlices slices = new RunSlices(spark, warehouse);
    Map<String, Dataset<Row>> published = published(slices, run, policy);
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + out, e);
    }
    List<TableFiles.Table> tables = new ArrayList<>();
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, Long> withheld = new LinkedHashMap<>();
    for (OutputTable t : TABLES) {
      Dataset<Row> d = published.get(t.name());
      if (d == null) {
        LOG.warn("run {} wrote no {}; not published", run.runId(), t.name());
        continue;
      }
      // A published table is aggregate (places x measures x groups): it fits the driver, and
      // the workbook is written there anyway.
      List<Row> collected = d.orderBy(sortColumns(d)).collectAsList();
      TableFiles.Table table =
          new TableFiles.Table(t.name(), t.description(), d.schema(), collected);
      TableFiles.writeCsv(table, out.resolve(t.name() + ".csv"));
      tables.add(table);
      rows.put(t.name(), (long) collected.size());
      if (List.of(d.columns()).contains(Disclosure.IS_SUPPRESSED)) {
        int i = d.schema().fieldIndex(Disclosure.IS_SUPPRESSED);
        withheld.put(
            t.name(), collected.stream().filter(r -> !r.isNullAt(i) && r.getBoolean(i)).count());
      }
    }
    List<String[]> notes = PublicationNotes.lines(run, policy, tables, withheld);
    TableFiles.writeWorkbook(notes, tables, out.resolve(WORKBOOK));
    writeText(out.resolve(NOTES), PublicationNotes.text(notes));
    writeText(out.resolve(REPORT), HtmlReport.render(run, policy, tables, notes));
    OwnedFolder.add(out, fileNames());
    LOG.info("published run {} to {}: {} tables", run.runId(), out, tables.size());
    return new Result(out, run, rows, withheld);
  }

  /**
   * Returns each published table's rows for the run, after disclosure control: the run's slice as
   * it wrote it, with the slice columns kept so that files from different runs can be stacked.
   */
  public static Map<String, Dataset<Row>> published(
      RunSlices slices, Run run, Disclosure.Policy policy) {
    Map<String, Dataset<Row>> raw = new LinkedHashMap<>();
    for (OutputTable t : TABLES) {
      if (slices.wrote(t.name(), run)) {
        raw.put(t.name(), slices.slice(t.name(), run));
      }
    }
    Map<String, String> parents = parents(raw.get(PlaceTargetsTable.TABLE.name()));
    Map<String, Dataset<Row>> out = new LinkedHashMap<>(raw);
    out.computeIfPresent(
        InequalityIndicators.NAME, (k, d) -> PublishedCounts.indicators(d, parents));
    out.computeIfPresent(
        AgeSexWeightsTable.TABLE.name(), (k, d) -> PublishedCounts.ageSexWeights(d, policy));
    Dataset<Row> access = raw.get(EquityAccess.NAME);
    if (access != null) {
      Dataset<Row> publishedAccess = PublishedCounts.access(access, parents, policy).cache();
      out.put(EquityAccess.NAME, publishedAccess);
      out.computeIfPresent(EquityChecks.NAME, (k, d) -> PublishedCounts.checks(d, publishedAccess));
      out.computeIfPresent(EquityShares.NAME, (k, d) -> PublishedCounts.shares(d, publishedAccess));
    }
    return out;
  }

  /**
   * Returns the parent of each geography: a place's ICB (from place_targets) and each ICB's
   * England, keyed as {@link HierarchyRelations#geography}.
   */
  static Map<String, String> parents(Dataset<Row> placeTargets) {
    Map<String, String> parents = new LinkedHashMap<>();
    if (placeTargets == null) {
      return parents;
    }
    String england = HierarchyRelations.geography(EquityAccess.ENGLAND, ENGLAND_CODE);
    for (Row r :
        placeTargets
            .select(col(PlaceTargetsTable.ICB_CODE), col(PlaceTargetsTable.PLACE_CODE))
            .distinct()
            .collectAsList()) {
      String icb = HierarchyRelations.geography(EquityAccess.ICB, r.getString(0));
      parents.put(HierarchyRelations.geography(EquityAccess.PLACE, r.getString(1)), icb);
      parents.put(icb, england);
    }
    return parents;
  }

  /** ONS code of England, the geography code of national rows in every table. */
  public static final String ENGLAND_CODE = "E92000001";

  private static Column[] sortColumns(Dataset<Row> d) {
    List<Column> cols = new ArrayList<>();
    for (var f : d.schema().fields()) {
      String type = f.dataType().typeName();
      if (type.equals("string") || type.equals("integer") || type.equals("long")) {
        cols.add(col(f.name()));
      }
      if (cols.size() == 6) {
        break;
      }
    }
    return cols.toArray(Column[]::new);
  }

  private static void writeText(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
