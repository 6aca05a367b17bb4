package org.fairshare.generate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to generate: the number of small areas (England has 33,755 LSOAs), the random seed, the
 * calendar years (the {@code years} consecutive years ending at {@code lastYear}), the financial
 * year of the envelopes (baselines are for the year before), a multiplier on all activity rates and
 * the file format ({@code parquet} or {@code csv}).
 */
public record GeneratorOptions(
    int areas,
    long seed,
    int years,
    int lastYear,
    String financialYear,
    double activityMultiplier,
    String format) {

  /** Fewest areas that still give 4 ICBs of 3 places each with a few MSOAs. */
  public static final int MIN_AREAS = 60;

  /** Small areas (LSOAs, 2021) in England. */
  public static final int ENGLAND_AREAS = 33_755;

  private static final Pattern FINANCIAL_YEAR = Pattern.compile("^([0-9]{4})-([0-9]{2})$");

  public GeneratorOptions {
    if (areas < MIN_AREAS) {
      throw new IllegalArgumentException("areas must be at least " + MIN_AREAS + ", was " + areas);
    }
    if (years < 1) {
      throw new IllegalArgumentException("years must be at least 1, was " + years);
    }
    if (lastYear < 1991 || lastYear > 2100) {
      throw new IllegalArgumentException("lastYear must be within 1991..2100, was " + lastYear);
    }
    if (lastYear - years + 1 < 1990) {
      throw new IllegalArgumentException(
          "years " + years + " ending at " + lastYear + " would start before 1990");
    }
    if (!(activityMultiplier > 0.0) || Double.isInfinite(activityMultiplier)) {
      throw new IllegalArgumentException(
          "activityMultiplier must be a positive number, was " + activityMultiplier);
    }
    if (!"parquet".equals(format) && !"csv".equals(format)) {
      throw new IllegalArgumentException("format must be parquet or csv, was " + format);
    }
    startYearOf(financialYear);
  }

  /** Returns the default options of the embedded run: 3,000 areas, 2025-26, Parquet. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(3_000, 20_251L, 1, 2024, "2025-26", 1.0, "parquet");
  }

  /** Returns the first calendar year covered. */
  public int firstYear() {
    return lastYear - years + 1;
  }

  /** Returns the financial year before {@link #financialYear()}, e.g. 2024-25 for 2025-26. */
  public String previousFinancialYear() {
    int start = startYearOf(financialYear) - 1;
    return String.format("%04d-%02d", start, (start + 1) % 100);
  }

  private static int startYearOf(String financialYear) {
    Matcher m = financialYear == null ? null : FINANCIAL_YEAR.matcher(financialYear);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "financialYear must look like 2025-26, was " + financialYear);
    }
    int start = Integer.parseInt(m.group(1));
    if ((start + 1) % 100 != Integer.parseInt(m.group(2))) {
      throw new IllegalArgumentException(
          "financialYear must span consecutive years, was " + financialYear);
    }
    return start;
  }
}
