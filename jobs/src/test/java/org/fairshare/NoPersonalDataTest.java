package org.fairshare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StructField;
import org.fairshare.cli.ExitCodes;
import org.fairshare.cli.Main;
import org.fairshare.output.Warehouse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No output of a finished run carries personal identifiers (the inputs are aggregate counts by
 * design), and neither a table name nor an input path can reach outside the warehouse or data
 * folder from the command line.
 */
@Tag("pipeline")
class NoPersonalDataTest extends SparkTestBase {

  /**
   * Ten digits, optionally grouped 3-3-4 as NHS numbers are written, not part of a longer number or
   * of a decimal's fraction.
   */
  private static final Pattern NHS_NUMBER =
      Pattern.compile("(?<![0-9.])([0-9]{3}) ?([0-9]{3}) ?([0-9]{4})(?![0-9]|\\.[0-9])");

  /** A full UK postcode, e.g. SW1A 1AA or LS1 4AP. */
  private static final String POSTCODE = "\\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2}\\b";

  /** Column names that would mean a person's identity is stored. */
  private static final Pattern PERSONAL_COLUMN =
      Pattern.compile(
          ".*(nhs_?number|nhs_no|birth|dob|postcode|address|forename|surname|first_name"
              + "|last_name|patient_name|person_name|telephone|email).*");

  /** Machine metadata, not data: hashes and paths of the run's own files. */
  private static final Set<String> METADATA = Set.of("run_log.config_hash", "run_log.inputs");

  /** Returns true when ten digits pass the NHS number's modulus 11 check. */
  static boolean isValidNhsNumber(String digits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    check = check == 11 ? 0 : check;
    return check != 10 && check == digits.charAt(9) - '0';
  }

  @Test
  void theModulus11CheckKnowsAValidNhsNumberFromAnother() {
    assertThat(isValidNhsNumber("9434765919")).isTrue();
    assertThat(isValidNhsNumber("9434765918")).isFalse();
  }

  @Test
  void noOutputTableHoldsNhsNumbersPostcodesDatesOfBirthOrPersonalColumns() {
    Warehouse wh = new Warehouse(spark, SharedRun.get().warehouse());
    List<String> findings = new ArrayList<>();
    assertThat(wh.tableNames()).hasSizeGreaterThan(10);
    for (String table : wh.tableNames()) {
      Dataset<Row> rows = wh.read(table);
      List<Column> texts = new ArrayList<>();
      for (StructField f : rows.schema().fields()) {
        if (PERSONAL_COLUMN.matcher(f.name()).matches()) {
          findings.add(table + "." + f.name() + ": a personal column");
        }
        if (f.dataType() instanceof DateType) {
          findings.add(table + "." + f.name() + ": a date column (dates of birth?)");
        }
        if (METADATA.contains(table + "." + f.name())) {
          continue;
        }
        // Text is where an identifier could hide; numbers are counts, money and rates, and a
        // ten-digit sum of pennies would look like an NHS number without being one.
        if (f.dataType().equals(DataTypes.StringType)) {
          texts.add(functions.col(f.name()));
        } else if (f.dataType().equals(DataTypes.createArrayType(DataTypes.StringType, true))
            || f.dataType().equals(DataTypes.createArrayType(DataTypes.StringType, false))) {
          texts.add(functions.array_join(functions.col(f.name()), " | "));
        }
      }
      if (texts.isEmpty()) {
        continue;
      }
      Column text = functions.concat_ws(" | ", texts.toArray(Column[]::new));
      for (Row r :
          rows.select(text.as("t"))
              .where(
                  functions
                      .col("t")
                      .rlike(NHS_NUMBER.pattern())
                      .or(functions.col("t").rlike(POSTCODE)))
              .limit(1000)
              .collectAsList()) {
        String t = r.getString(0);
        Matcher m = NHS_NUMBER.matcher(t);
        while (m.find()) {
          String digits = m.group(1) + m.group(2) + m.group(3);
          if (isValidNhsNumber(digits)) {
            findings.add(table + ": NHS-number-like value " + m.group() + " in " + t);
          }
        }
        if (Pattern.compile(POSTCODE).matcher(t).find()) {
          findings.add(table + ": postcode-like value in " + t);
        }
      }
    }
    assertThat(findings).isEmpty();
  }

  @Test
  void anInputPathOutsideTheDataFolderStopsTheRunWithAConfigError(@TempDir Path dir) {
    SharedRun shared = SharedRun.get();
    int exit =
        Main.execute(
            SharedRun.args(
                "validate",
                shared.data(),
                dir.resolve("warehouse"),
                "--set",
                "inputs.population.path=../../../etc/passwd"));
    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(dir.resolve("warehouse")).doesNotExist();
  }

  @Test
  void aTableNameCannotReachOutsideTheWarehouse() {
    SharedRun shared = SharedRun.get();
    int exit =
        Main.execute(
            "history",
            "--warehouse",
            shared.warehouse().toString(),
            "../" + shared.warehouse().getFileName() + "/run_log");
    assertThat(exit).isEqualTo(ExitCodes.USAGE);
  }
}
