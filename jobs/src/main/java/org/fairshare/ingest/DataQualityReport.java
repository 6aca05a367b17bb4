package org.fairshare.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.functions;
import org.fairshare.schema.Check;
import org.fairshare.schema.DataQuality;
import org.fairshare.schema.DatasetContract;

/**
 * Summarises one dataset's validation as data_quality rows: for every rule, rows checked, rows
 * failed, a few failing values, and whether it breaks the threshold. Only small results reach the
 * driver: one count per rule and at most {@code sampleSize} samples per failing rule.
 */
public final class DataQualityReport {

  /** A rule as listed in data_quality. */
  public record Rule(String id, String severity, String description) {}

  private final String dataset;
  private final List<Row> rows;
  private final long rowsRead;
  private final long rowsQuarantined;

  private DataQualityReport(String dataset, List<Row> rows, long rowsRead, long rowsQuarantined) {
    this.dataset = dataset;
    this.rows = rows;
    this.rowsRead = rowsRead;
    this.rowsQuarantined = rowsQuarantined;
  }

  public List<Row> rows() {
    return rows;
  }

  public long rowsRead() {
    return rowsRead;
  }

  public long rowsQuarantined() {
    return rowsQuarantined;
  }

  public long rowsAccepted() {
    return rowsRead - rowsQuarantined;
  }

  /** Returns the failed rule with the largest failed fraction, if any rule failed. */
  public Row worstFailure() {
    Row worst = null;
    for (Row r : rows) {
      if (DataQuality.FAILED.equals(r.getAs(DataQuality.STATUS))
          && (worst == null
              || (double) r.getAs(DataQuality.FAILED_FRACTION)
                  > (double) worst.getAs(DataQuality.FAILED_FRACTION))) {
        worst = r;
      }
    }
    return worst;
  }

  public String dataset() {
    return dataset;
  }

  /**
   * Builds the report from validated rows (which should be persisted: this reads them a few times).
   *
   * @param rules every rule that applies to the dataset, failing or not
   */
  public static DataQualityReport of(
      DatasetContract contract,
      Dataset<Row> validated,
      List<Rule> rules,
      double threshold,
      int sampleSize) {
    Row totals =
        validated
            .agg(
                functions.count(functions.lit(1)),
                functions.coalesce(
                    functions.sum(col(Validator.IS_QUARANTINED).cast("long")), functions.lit(0L)))
            .first();
    long read = totals.getLong(0);
    long quarantined = totals.getLong(1);

    Map<String, Long> failed = new HashMap<>();
    validated
        .filter(functions.size(col(InputRows.FAILURES)).gt(0))
        .select(
            functions
                .explode(
                    functions.array_distinct(col(InputRows.FAILURES + "." + InputRows.RULE_ID)))
                .as("rule"))
        .groupBy("rule")
        .count()
        .collectAsList()
        .forEach(r -> failed.put(r.getString(0), r.getLong(1)));

    List<Row> out = new ArrayList<>();
    for (Rule rule : rules) {
      long n = failed.getOrDefault(rule.id(), 0L);
      List<String> samples = n == 0 ? List.of() : samples(validated, rule.id(), sampleSize);
      out.add(row(contract.name(), rule, read, n, threshold, samples));
    }
    for (Check check : contract.checks()) {
      if (check instanceof Check.SumsTo s) {
        out.add(sumsTo(contract.name(), validated, s, threshold, sampleSize));
      }
    }
    return new DataQualityReport(contract.name(), out, read, quarantined);
  }

  /**
   * Returns the data_quality row of an input that could not be read at all (the input counts as one
   * group, failed): the error, as the run stops with it, is its sample.
   */
  public static Row unreadable(String dataset, String format, String error, double threshold) {
    Rule rule =
        new Rule(
            IngestStage.UNREADABLE_INPUT,
            Check.Severity.ERROR.name(),
            "every file of the input reads as " + format + " with the contract's required columns");
    return withStatus(row(dataset, rule, 1, 1, threshold, List.of(error)), DataQuality.FAILED);
  }

  /**
   * Returns the data_quality warning listing the entries of an input's folder that were not read,
   * counted against every entry looked at (hidden ones aside).
   */
  public static Row skipped(
      String dataset, String glob, int filesRead, List<String> skipped, double threshold) {
    Rule rule =
        new Rule(
            IngestStage.SKIPPED_FILE,
            Check.Severity.WARNING.name(),
            "every file in the input's folder matches " + glob + " and is read");
    return row(dataset, rule, filesRead + skipped.size(), skipped.size(), threshold, skipped);
  }

  private static Row withStatus(Row row, String status) {
    Object[] values = new Object[row.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(i);
    }
    values[row.fieldIndex(DataQuality.STATUS)] = status;
    return new GenericRowWithSchema(values, DataQuality.COLUMNS);
  }

  private static List<String> samples(Dataset<Row> validated, String ruleId, int sampleSize) {
    if (sampleSize == 0) {
      return List.of();
    }
    Column message =
        functions
            .filter(col(InputRows.FAILURES), f -> f.getField(InputRows.RULE_ID).equalTo(ruleId))
            .getItem(0)
            .getField(InputRows.MESSAGE);
    Column fileName = functions.regexp_extract(col(InputRows.SOURCE_FILE), "([^/\\\\]+)$", 1);
    return validated
        .filter(functions.array_contains(col(InputRows.FAILURES + "." + InputRows.RULE_ID), ruleId))
        .orderBy(col(InputRows.SOURCE_FILE), col(InputRows.LINE_NUMBER))
        .select(
            functions.concat(
                fileName,
                functions.lit(" line "),
                col(InputRows.LINE_NUMBER).cast("string"),
                functions.lit(": "),
                message))
        .limit(sampleSize)
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .toList();
  }

  private static Row sumsTo(
      String dataset, Dataset<Row> validated, Check.SumsTo s, double threshold, int sampleSize) {
    Column[] groups = s.groupColumns().stream().map(functions::col).toArray(Column[]::new);
    Dataset<Row> sums =
        validated
            .filter(functions.not(col(Validator.IS_QUARANTINED)))
            .groupBy(groups)
            .agg(functions.sum(col(s.column())).as("_sum"));
    Column off = functions.abs(col("_sum").minus(s.target())).gt(s.tolerance());
    Row counts =
        sums.agg(
                functions.count(functions.lit(1)),
                functions.coalesce(functions.sum(off.cast("long")), functions.lit(0L)))
            .first();
    List<String> samples =
        sums
            .filter(off)
            .orderBy(groups)
            .select(
                functions.concat(
                    functions.concat_ws(
                        ", ",
                        s.groupColumns().stream()
                            .map(
                                g ->
                                    functions.concat(functions.lit(g + "="), col(g).cast("string")))
                            .toArray(Column[]::new)),
                    functions.lit(": sum " + s.column() + " = "),
                    col("_sum").cast("string")))
            .limit(sampleSize)
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .toList();
    return row(
        dataset,
        new Rule(s.id(), s.severity().name(), s.description()),
        counts.getLong(0),
        counts.getLong(1),
        threshold,
        samples);
  }

  private static Row row(
      String dataset,
      Rule rule,
      long checked,
      long failed,
      double threshold,
      List<String> samples) {
    double fraction = checked == 0 ? 0.0 : (double) failed / checked;
    String status;
    if (failed == 0) {
      status = DataQuality.PASSED;
    } else if (rule.severity().equals(Check.Severity.ERROR.name()) && fraction > threshold) {
      status = DataQuality.FAILED;
    } else {
      status = DataQuality.WARNING;
    }
    return new GenericRowWithSchema(
        new Object[] {
          dataset,
          rule.id(),
          rule.severity(),
          rule.description(),
          checked,
          failed,
          fraction,
          threshold,
          status,
          // Driver-built rows must hold Scala sequences for Row.getList to read them back.
          scala.jdk.javaapi.CollectionConverters.asScala(samples).toSeq()
        },
        DataQuality.COLUMNS);
  }
}
