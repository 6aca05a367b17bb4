package org.fairshare.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.fairshare.schema.Check;
import org.fairshare.schema.DatasetContract;

/**
 * Interprets a contract's checks as failures added to each row's {@link InputRows#FAILURES}. Every
 * method is a pure transform; nothing is dropped here.
 */
public final class Validator {
  private Validator() {}

  public static final String IS_QUARANTINED = "_is_quarantined";
  private static final String ERROR = Check.Severity.ERROR.name();

  /**
   * Adds a failure for each row-level check (not-null, range, allowed values, code formats) the row
   * fails.
   *
   * @param patterns regular expressions by config key, for {@link Check.MatchesConfiguredPattern}
   * @param otherVintagePattern codes of the other LSOA vintage (empty: none), reported as a vintage
   *     mismatch rather than a bad format
   */
  public static Dataset<Row> withRowCheckFailures(
      Dataset<Row> rows,
      DatasetContract contract,
      Map<String, String> patterns,
      String otherVintagePattern,
      String runVintage) {
    List<Column> failures = new ArrayList<>();
    for (Check check : checksOf(contract)) {
      if (check instanceof Check.NotNull n) {
        failures.add(
            InputRows.failureWhen(
                col(n.column()).isNull().and(notAlreadyFailed("type_" + n.column())),
                n.id(),
                ERROR,
                lit(n.column() + " is missing")));
      } else if (check instanceof Check.BlankIsZero b) {
        failures.add(
            InputRows.failureWhen(
                col(b.column()).isNull().and(notAlreadyFailed("type_" + b.column())),
                b.id(),
                b.severity().name(),
                concat(
                    keyOf(contract),
                    lit(": " + b.column() + " is blank, counted as 0 for this row only"))));
      } else if (check instanceof Check.Range r) {
        failures.add(range(rows, r));
      } else if (check instanceof Check.OneOf o) {
        Column v = col(o.column()).cast(DataTypes.StringType);
        failures.add(
            InputRows.failureWhen(
                v.isNotNull().and(functions.not(v.isin(o.allowed().toArray()))),
                o.id(),
                ERROR,
                concat(lit(o.column() + " value '"), v, lit("' is not one of " + o.allowed()))));
      } else if (check instanceof Check.Matches m) {
        failures.add(format(m.column(), m.id(), m.regex(), ""));
      } else if (check instanceof Check.MatchesConfiguredPattern p) {
        failures.addAll(codeFormat(p, patterns, otherVintagePattern, runVintage));
      }
      // References and SumsTo need more than the row: see withReferenceFailures, DataQualityReport.
    }
    return rows.withColumn(
        InputRows.FAILURES,
        InputRows.appendFailures(col(InputRows.FAILURES), failures.toArray(Column[]::new)));
  }

  /**
   * Returns the contract's checks plus a not-null check for every required column that lacks one: a
   * blank required value (a spend with no amount, an area with no decile) must not pass as null.
   */
  public static List<Check> checksOf(DatasetContract contract) {
    List<Check> checks = new ArrayList<>(contract.checks());
    for (var f : contract.schema().fields()) {
      Check implied = new Check.NotNull(f.name());
      if (!f.nullable() && !checks.contains(implied)) {
        checks.add(implied);
      }
    }
    return checks;
  }

  /** Returns the row's key as "column=value, ...", to name it in a message. */
  private static Column keyOf(DatasetContract contract) {
    return functions.concat_ws(
        ", ",
        contract.key().stream()
            .map(k -> concat(lit(k + "="), functions.coalesce(col(k).cast("string"), lit(""))))
            .toArray(Column[]::new));
  }

  private static Column notAlreadyFailed(String ruleId) {
    return functions.not(
        functions.array_contains(col(InputRows.FAILURES + "." + InputRows.RULE_ID), ruleId));
  }

  private static Column range(Dataset<Row> rows, Check.Range r) {
    Column v = col(r.column());
    Column bad = lit(false);
    if (r.min() != null) {
      bad = bad.or(v.lt(r.min()));
    }
    if (r.max() != null) {
      bad = bad.or(v.gt(r.max()));
    }
    var type = rows.schema().apply(r.column()).dataType();
    if (type instanceof DoubleType || type instanceof FloatType) {
      bad =
          bad.or(functions.isnan(v))
              .or(v.equalTo(Double.POSITIVE_INFINITY))
              .or(v.equalTo(Double.NEGATIVE_INFINITY));
    }
    return InputRows.failureWhen(
        v.isNotNull().and(bad),
        r.id(),
        ERROR,
        concat(
            lit(r.column() + " value "),
            v.cast(DataTypes.StringType),
            lit(" is outside " + bounds(r))));
  }

  private static String bounds(Check.Range r) {
    return "["
        + (r.min() == null ? "-inf" : trim(r.min()))
        + ", "
        + (r.max() == null ? "+inf" : trim(r.max()))
        + "]";
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static Column format(String column, String id, String regex, String hint) {
    Column v = col(column);
    return InputRows.failureWhen(
        v.isNotNull().and(functions.not(v.rlike(regex))),
        id,
        ERROR,
        concat(lit(column + " value '"), v, lit("' does not match " + regex + hint)));
  }

  private static List<Column> codeFormat(
      Check.MatchesConfiguredPattern p,
      Map<String, String> patterns,
      String otherVintagePattern,
      String runVintage) {
    String regex = patterns.get(p.patternKey());
    if (regex == null) {
      throw new IllegalArgumentException("no pattern configured for " + p.patternKey());
    }
    String hint = " (" + p.patternKey() + ")";
    if (otherVintagePattern == null || otherVintagePattern.isBlank()) {
      return List.of(format(p.column(), p.id(), regex, hint));
    }
    Column v = col(p.column());
    Column otherVintage = v.rlike(otherVintagePattern);
    Column mismatch =
        InputRows.failureWhen(
            v.isNotNull().and(otherVintage),
            "area_vintage_mismatch",
            ERROR,
            concat(
                lit(p.column() + " value '"),
                v,
                lit(
                    "' is a code of the other LSOA vintage; this run uses "
                        + runVintage
                        + " codes (geography.lsoa_vintage)")));
    Column badFormat =
        InputRows.failureWhen(
            v.isNotNull().and(functions.not(otherVintage)).and(functions.not(v.rlike(regex))),
            p.id(),
            ERROR,
            concat(lit(p.column() + " value '"), v, lit("' does not match " + regex + hint)));
    return List.of(mismatch, badFormat);
  }

  /**
   * Adds key failures: where several rows share a key, exact copies after the first (by file and
   * line) fail {@code duplicate_row}; where the copies differ, every one fails {@code
   * duplicate_key}, since there is no telling which is right.
   */
  public static Dataset<Row> withDuplicateKeyFailures(Dataset<Row> rows, DatasetContract contract) {
    Column[] key = contract.key().stream().map(functions::col).toArray(Column[]::new);
    Column[] all =
        List.of(contract.schema().fieldNames()).stream().map(functions::col).toArray(Column[]::new);
    // One ordering for every window function here: Spark then sorts the rows once, not twice.
    WindowSpec inFileOrder =
        Window.partitionBy(key).orderBy(col(InputRows.SOURCE_FILE), col(InputRows.LINE_NUMBER));
    WindowSpec byKey =
        inFileOrder.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    Column copies = functions.count(lit(1)).over(byKey);
    Column hash = functions.xxhash64(all);
    Column identical = functions.min(hash).over(byKey).equalTo(functions.max(hash).over(byKey));
    Column order = functions.row_number().over(inFileOrder);
    Column keyText =
        functions.concat_ws(
            ", ",
            contract.key().stream()
                .map(k -> concat(lit(k + "="), col(k).cast(DataTypes.StringType)))
                .toArray(Column[]::new));
    Column dupRow =
        InputRows.failureWhen(
            copies.gt(1).and(identical).and(order.gt(1)),
            "duplicate_row",
            ERROR,
            concat(lit("exact copy of an earlier row with key ("), keyText, lit(")")));
    Column dupKey =
        InputRows.failureWhen(
            copies.gt(1).and(functions.not(identical)),
            "duplicate_key",
            ERROR,
            concat(
                copies.cast(DataTypes.StringType),
                lit(" rows share the key ("),
                keyText,
                lit(") with different values")));
    return rows.withColumn(
        InputRows.FAILURES, InputRows.appendFailures(col(InputRows.FAILURES), dupRow, dupKey));
  }

  /**
   * Adds a failure where the row's columns name no row of {@code target} (with a positive value in
   * the check's positive column, if it has one). Rows with a missing key column are not checked:
   * their not-null failure says enough.
   *
   * @param target the referenced dataset's accepted rows
   * @param targetKey the columns that identify a row of target (its contract's key)
   * @param small whether target's keys are small enough to broadcast
   */
  public static Dataset<Row> withReferenceFailures(
      Dataset<Row> rows,
      Check.References ref,
      Dataset<Row> target,
      List<String> targetKey,
      boolean small) {
    Dataset<Row> keys = target;
    if (ref.positiveColumn() != null) {
      keys = keys.filter(col(ref.positiveColumn()).gt(0));
    }
    String flag = "_found_" + ref.id();
    List<Column> targetCols = new ArrayList<>();
    for (int i = 0; i < ref.targetColumns().size(); i++) {
      targetCols.add(col(ref.targetColumns().get(i)).as("_ref" + i));
    }
    keys = keys.select(targetCols.toArray(Column[]::new));
    // Accepted rows are unique by their key: naming all of it, they need no distinct (which, for
    // population, is a shuffle of millions of rows).
    if (!ref.targetColumns().containsAll(targetKey)) {
      keys = keys.distinct();
    }
    keys = keys.withColumn(flag, lit(true));
    if (small) {
      keys = functions.broadcast(keys);
    }
    Column on = lit(true);
    Column anyNull = lit(false);
    for (int i = 0; i < ref.columns().size(); i++) {
      on = on.and(rows.col(ref.columns().get(i)).equalTo(keys.col("_ref" + i)));
      anyNull = anyNull.or(col(ref.columns().get(i)).isNull());
    }
    Dataset<Row> joined = rows.join(keys, on, "left");
    Column keyText =
        functions.concat_ws(
            ", ",
            ref.columns().stream()
                .map(k -> concat(lit(k + "="), col(k).cast(DataTypes.StringType)))
                .toArray(Column[]::new));
    Column failure =
        InputRows.failureWhen(
            col(flag).isNull().and(functions.not(anyNull)),
            ref.id(),
            ref.severity().name(),
            concat(
                lit("no " + ref.dataset() + " row for ("),
                keyText,
                lit(
                    ref.positiveColumn() == null
                        ? ")"
                        : ") with " + ref.positiveColumn() + " > 0")));
    Dataset<Row> out =
        joined.withColumn(
            InputRows.FAILURES, InputRows.appendFailures(col(InputRows.FAILURES), failure));
    List<Column> keep = new ArrayList<>();
    for (String c : rows.columns()) {
      keep.add(col(c));
    }
    return out.select(keep.toArray(Column[]::new));
  }

  /** Adds {@link #IS_QUARANTINED}: true where any failure is an error. */
  public static Dataset<Row> withQuarantineFlag(Dataset<Row> rows) {
    // array_contains, not a lambda (exists): Spark compiles it.
    return rows.withColumn(
        IS_QUARANTINED,
        functions.array_contains(col(InputRows.FAILURES + "." + InputRows.SEVERITY), ERROR));
  }
}
