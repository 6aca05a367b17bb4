package org.fairshare.allocation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.schema.AllocationChecksTable;
import org.fairshare.schema.AllocationColumns;
import org.fairshare.schema.Columns;
import org.fairshare.schema.Envelopes;
import org.fairshare.schema.HoldbacksTable;
import org.fairshare.schema.Money;
import org.fairshare.schema.PlaceAllocationsTable;
import org.fairshare.schema.Spend;

/**
 * Checks on the allocations: the Mental Health Investment Standard, the primary-care ring-fence,
 * and the reconciliation of every ICB's allocations with its envelope to the penny.
 */
public final class AllocationChecks {
  private AllocationChecks() {}

  private static final String SPEND_NOW = "spend_now";
  private static final String SPEND_BEFORE = "spend_before";

  /**
   * Returns MHIS rows: per ICB (and per place where the spend input has the place as organisation),
   * mental-health spend growth from {@code dataYear - 1} to {@code dataYear} against the core
   * allocation growth (allocations / baselines - 1); passed when spend growth is at least
   * allocation growth; not assessed (null) without both years' spend or a baseline.
   *
   * @param spend organisation_code, service, year, spend_gbp
   * @param allocations path year 1 of place_allocations
   */
  public static Dataset<Row> mentalHealthInvestmentStandard(
      Dataset<Row> spend,
      List<String> mentalHealthServices,
      int dataYear,
      Dataset<Row> allocations) {
    Dataset<Row> mh =
        spend
            .where(col(Spend.SERVICE).isin(mentalHealthServices.toArray()))
            .groupBy(Spend.ORGANISATION_CODE)
            .agg(
                sum(when(col(Spend.YEAR).equalTo(dataYear), col(Spend.SPEND_GBP))).as(SPEND_NOW),
                sum(when(col(Spend.YEAR).equalTo(dataYear - 1), col(Spend.SPEND_GBP)))
                    .as(SPEND_BEFORE));
    Dataset<Row> core =
        allocations.where(col(PlaceAllocationsTable.STREAM).equalTo(AllocationColumns.CORE));
    Dataset<Row> icbs =
        core.groupBy(Columns.ICB_CODE)
            .agg(
                sum(PlaceAllocationsTable.BASELINE_GBP).as("base"),
                sum(PlaceAllocationsTable.ALLOCATION_GBP).as("alloc"))
            .join(mh, col(Columns.ICB_CODE).equalTo(col(Spend.ORGANISATION_CODE)), "left")
            .withColumn(Columns.PLACE_CODE, lit(null).cast("string"));
    Dataset<Row> places =
        core.select(
                col(Columns.ICB_CODE),
                col(Columns.PLACE_CODE),
                col(PlaceAllocationsTable.BASELINE_GBP).as("base"),
                col(PlaceAllocationsTable.ALLOCATION_GBP).as("alloc"))
            .join(mh, col(Columns.PLACE_CODE).equalTo(col(Spend.ORGANISATION_CODE)));
    Column spendGrowth = try_divide(col(SPEND_NOW), col(SPEND_BEFORE)).cast("double").minus(1);
    Column allocGrowth = try_divide(col("alloc"), col("base")).cast("double").minus(1);
    return icbs.select(mhisColumns(spendGrowth, allocGrowth))
        .unionByName(places.select(mhisColumns(spendGrowth, allocGrowth)));
  }

  private static Column[] mhisColumns(Column spendGrowth, Column allocGrowth) {
    Column assessable =
        col(SPEND_NOW).isNotNull().and(col(SPEND_BEFORE).gt(0)).and(col("base").gt(0));
    return new Column[] {
      lit(AllocationChecksTable.MENTAL_HEALTH_INVESTMENT_STANDARD)
          .as(AllocationChecksTable.CHECK_NAME),
      col(Columns.ICB_CODE).as(AllocationChecksTable.ICB_CODE),
      col(Columns.PLACE_CODE).as(AllocationChecksTable.PLACE_CODE),
      lit(AllocationColumns.CORE).as(AllocationChecksTable.STREAM),
      col(SPEND_NOW).cast(Money.TYPE).as(AllocationChecksTable.AMOUNT_GBP),
      col(SPEND_BEFORE).cast(Money.TYPE).as(AllocationChecksTable.REFERENCE_GBP),
      when(assessable, spendGrowth).as(AllocationChecksTable.MEASURED_GROWTH),
      when(col("base").gt(0), allocGrowth).as(AllocationChecksTable.REQUIRED_GROWTH),
      when(assessable, spendGrowth.geq(allocGrowth)).as(AllocationChecksTable.IS_PASSED),
      when(
              assessable,
              concat(
                  lit("mental-health spend growth "),
                  format_number(spendGrowth.multiply(100), 2),
                  lit("% vs core allocation growth "),
                  format_number(allocGrowth.multiply(100), 2),
                  lit("%")))
          .otherwise(lit("not assessed: mental-health spend for both years or a baseline missing"))
          .as(AllocationChecksTable.DETAIL)
    };
  }

  /**
   * Returns one ring-fence row per ICB with a primary medical care envelope: passed when the
   * primary medical care allocations plus hold-backs equal the envelope (no money moved to core)
   * and no place's primary medical care allocation is below its baseline.
   *
   * @param allocations path year 1 of place_allocations
   */
  public static Dataset<Row> primaryCareRingFence(
      Dataset<Row> allocations, Dataset<Row> holdbacks, Dataset<Row> envelopes) {
    Dataset<Row> pmcAllocations =
        allocations
            .where(
                col(PlaceAllocationsTable.STREAM).equalTo(AllocationColumns.PRIMARY_MEDICAL_CARE))
            .groupBy(Columns.ICB_CODE)
            .agg(
                sum(PlaceAllocationsTable.ALLOCATION_GBP).as("allocated"),
                sum(when(
                            col(PlaceAllocationsTable.ALLOCATION_GBP)
                                .lt(col(PlaceAllocationsTable.BASELINE_GBP)),
                            1)
                        .otherwise(0))
                    .as("places_cut"));
    Dataset<Row> totals =
        reconciled(envelopes, holdbacks, pmcAllocations, AllocationColumns.PRIMARY_MEDICAL_CARE);
    Column sumsMatch = col("total").equalTo(col(Envelopes.ENVELOPE_GBP));
    Column noCuts = coalesce(col("places_cut"), lit(0L)).equalTo(0);
    return totals.select(
        lit(AllocationChecksTable.PRIMARY_CARE_RING_FENCE).as(AllocationChecksTable.CHECK_NAME),
        col(Columns.ICB_CODE).as(AllocationChecksTable.ICB_CODE),
        lit(null).cast("string").as(AllocationChecksTable.PLACE_CODE),
        lit(AllocationColumns.PRIMARY_MEDICAL_CARE).as(AllocationChecksTable.STREAM),
        col("total").cast(Money.TYPE).as(AllocationChecksTable.AMOUNT_GBP),
        col(Envelopes.ENVELOPE_GBP).cast(Money.TYPE).as(AllocationChecksTable.REFERENCE_GBP),
        lit(null).cast("double").as(AllocationChecksTable.MEASURED_GROWTH),
        lit(null).cast("double").as(AllocationChecksTable.REQUIRED_GROWTH),
        sumsMatch.and(noCuts).as(AllocationChecksTable.IS_PASSED),
        concat(
                lit(
                    "primary medical care allocated incl. hold-backs vs envelope; places cut below"
                        + " baseline: "),
                coalesce(col("places_cut"), lit(0L)).cast("string"))
            .as(AllocationChecksTable.DETAIL));
  }

  /**
   * Returns one reconciliation row per ICB and stream with an envelope: passed when the place
   * allocations plus hold-backs equal the envelope to the penny.
   *
   * @param allocations path year 1 of place_allocations
   */
  public static Dataset<Row> envelopeReconciliation(
      Dataset<Row> allocations, Dataset<Row> holdbacks, Dataset<Row> envelopes) {
    Dataset<Row> allocated =
        allocations
            .groupBy(Columns.ICB_CODE, AllocationColumns.STREAM)
            .agg(sum(PlaceAllocationsTable.ALLOCATION_GBP).as("allocated"));
    Dataset<Row> totals = reconciled(envelopes, holdbacks, allocated, null);
    return totals.select(
        lit(AllocationChecksTable.ENVELOPE_RECONCILIATION).as(AllocationChecksTable.CHECK_NAME),
        col(Columns.ICB_CODE).as(AllocationChecksTable.ICB_CODE),
        lit(null).cast("string").as(AllocationChecksTable.PLACE_CODE),
        col(AllocationColumns.STREAM).as(AllocationChecksTable.STREAM),
        col("total").cast(Money.TYPE).as(AllocationChecksTable.AMOUNT_GBP),
        col(Envelopes.ENVELOPE_GBP).cast(Money.TYPE).as(AllocationChecksTable.REFERENCE_GBP),
        lit(null).cast("double").as(AllocationChecksTable.MEASURED_GROWTH),
        lit(null).cast("double").as(AllocationChecksTable.REQUIRED_GROWTH),
        col("total").equalTo(col(Envelopes.ENVELOPE_GBP)).as(AllocationChecksTable.IS_PASSED),
        concat(
                lit("place allocations plus hold-backs "),
                col("total").cast("string"),
                lit(" vs envelope "),
                col(Envelopes.ENVELOPE_GBP).cast("string"),
                lit(" GBP"))
            .as(AllocationChecksTable.DETAIL));
  }

  /**
   * Returns envelopes (of one stream, or all when null) with total = allocated + hold-backs (GBP,
   * exact decimals) and the other columns of {@code allocated}.
   */
  private static Dataset<Row> reconciled(
      Dataset<Row> envelopes, Dataset<Row> holdbacks, Dataset<Row> allocated, String stream) {
    Dataset<Row> env =
        envelopes.select(Envelopes.ICB_CODE, Envelopes.STREAM, Envelopes.ENVELOPE_GBP);
    Dataset<Row> held =
        holdbacks
            .groupBy(HoldbacksTable.ICB_CODE, HoldbacksTable.STREAM)
            .agg(sum(HoldbacksTable.AMOUNT_GBP).as("held"));
    String[] icbStream = {Columns.ICB_CODE, AllocationColumns.STREAM};
    Dataset<Row> joined =
        stream == null
            ? env.join(allocated, icbStream, "left")
            : env.where(col(Envelopes.STREAM).equalTo(stream))
                .join(allocated, Columns.ICB_CODE, "left");
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    return joined
        .join(held, icbStream, "left")
        .withColumn(
            "total", coalesce(col("allocated"), lit(zero)).plus(coalesce(col("held"), lit(zero))));
  }
}
