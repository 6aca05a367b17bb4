package org.fairshare.equity;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.fairshare.config.ConfigKeys;
import org.fairshare.config.FairshareConfig;
import org.fairshare.pipeline.Stage;
import org.fairshare.pipeline.StageContext;
import org.fairshare.schema.Activity;
import org.fairshare.schema.AreaWeightedPopulationTable;
import org.fairshare.schema.Deprivation;
import org.fairshare.schema.EquityAccess;
import org.fairshare.schema.EquityChecks;
import org.fairshare.schema.EquityInequity;
import org.fairshare.schema.EquityShares;
import org.fairshare.schema.EquitySpend;
import org.fairshare.schema.GeographyLookup;
import org.fairshare.schema.OutputTable;
import org.fairshare.schema.Population;
import org.fairshare.schema.Spend;
import org.fairshare.schema.Staging;
import org.fairshare.spark.KeptFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Equal access for equal need (issue 4): need-expected use by age-sex indirect standardisation,
 * observed / expected ratios by geography and deprivation group, concentration and horizontal
 * inequity indices, the Core20PLUS check, spend against need, and one finding per place and
 * service.
 */
public final class EquityStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(EquityStage.class);

  @Override
  public String name() {
    return "equity";
  }

  @Override
  public List<OutputTable> outputs() {
    return List.of(
        EquityAccess.TABLE,
        EquityChecks.TABLE,
        EquityInequity.TABLE,
        EquityShares.TABLE,
        EquitySpend.TABLE);
  }

  @Override
  public void run(StageContext ctx) {
    if (!ctx.config().get(ConfigKeys.EQUITY_NEED_BASIS).equals("need_model")) {
      run(ctx, Optional.empty());
      return;
    }
    // The need model's additional need with supply held at the national mean: sterilised fitted
    // events over the age-sex expectation, per area and service.
    Dataset<Row> multipliers =
        ctx.read(AreaWeightedPopulationTable.TABLE)
            .where(functions.col(AreaWeightedPopulationTable.EXPECTED_EVENTS).gt(0))
            .select(
                functions.col(AreaWeightedPopulationTable.AREA_CODE),
                functions.col(AreaWeightedPopulationTable.SERVICE),
                functions
                    .col(AreaWeightedPopulationTable.STERILISED_EVENTS)
                    .divide(functions.col(AreaWeightedPopulationTable.EXPECTED_EVENTS))
                    .as(NeedExpected.NEED_MULTIPLIER));
    run(ctx, Optional.of(multipliers));
  }

  /**
   * Runs the stage with an optional need multiplier per area and service (area_code, service,
   * need_multiplier) applied to the age-sex expectation, e.g. from the need model.
   */
  public void run(StageContext ctx, Optional<Dataset<Row>> needMultipliers) {
    FairshareConfig cfg = ctx.config();
    int year = cfg.dataYear();
    Findings.Rules rules = rules(cfg);
    double confidence = rules.confidence();
    String needBasis =
        needMultipliers.isPresent() ? NeedExpected.NEED_MODEL_BASIS : NeedExpected.AGE_SEX_BASIS;

    // Filters of the run's kept staging reads: copying them into a cache of their own would only
    // take memory from the frames below.
    Dataset<Row> events =
        NeedExpected.eventsByStratum(ctx.read(Staging.table(Activity.CONTRACT)), year);
    Dataset<Row> persons =
        NeedExpected.personsByStratum(ctx.read(Staging.table(Population.CONTRACT)), year);
    Dataset<Row> rates = NeedExpected.nationalRates(events, persons);
    Dataset<Row> residents =
        persons
            .groupBy(col(NeedExpected.AREA_CODE))
            .agg(
                org.apache
                    .spark
                    .sql
                    .functions
                    .sum(col(NeedExpected.PERSONS))
                    .as(NeedExpected.PERSONS));
    Dataset<Row> groups =
        AreaGroups.areaGroups(
            ctx.read(Staging.table(GeographyLookup.CONTRACT)),
            ctx.read(Staging.table(Deprivation.CONTRACT)),
            residents,
            plusAreas(cfg.get(ConfigKeys.EQUITY_PLUS_AREAS)));
    try (KeptFrames kept = new KeptFrames(ctx.spark())) {
      Dataset<Row> areaUse =
          kept.keep(
              AreaGroups.withAreaGroups(
                  NeedExpected.withNeedMultiplier(
                      NeedExpected.areaUse(events, persons, rates), needMultipliers),
                  groups));
      Dataset<Row> icbSpend =
          kept.keep(NeedShares.icbSpend(ctx.read(Staging.table(Spend.CONTRACT)), groups, year));
      ctx.write(EquityAccess.TABLE, AccessRatios.accessRatios(areaUse, confidence, needBasis));
      Dataset<Row> findings = Findings.findings(areaUse, rules, needBasis);
      ctx.write(EquityChecks.TABLE, findings);
      ctx.write(EquityInequity.TABLE, HorizontalInequity.horizontalInequity(areaUse, confidence));
      ctx.write(EquityShares.TABLE, NeedShares.core20Plus(areaUse, icbSpend));
      ctx.write(EquitySpend.TABLE, NeedShares.spendAgainstNeed(areaUse, icbSpend));
    }
    // Four statuses, each flagged after the control or not: a handful of rows.
    List<Row> counts =
        ctx.read(EquityChecks.TABLE)
            .groupBy(col(EquityChecks.STATUS))
            .agg(
                functions.count(functions.lit(1)),
                functions.count(
                    functions.when(col(EquityChecks.IS_FLAGGED_AFTER_CONTROL), functions.lit(1))))
            .orderBy(col(EquityChecks.STATUS))
            .collectAsList();
    StringBuilder line = new StringBuilder("equity checks (place x service):");
    long flags = 0;
    long surviving = 0;
    for (Row r : counts) {
      line.append(' ').append(r.getString(0)).append('=').append(r.getLong(1));
      surviving += r.getLong(2);
      if (!EquityChecks.EQUITABLE.equals(r.getString(0))
          && !EquityChecks.TOO_LITTLE_DATA.equals(r.getString(0))) {
        flags += r.getLong(1);
      }
    }
    if (rules.control() != MultipleComparisons.NONE) {
      line.append("; ")
          .append(surviving)
          .append(" of ")
          .append(flags)
          .append(" flags survive ")
          .append(rules.control().description());
    }
    ctx.summary(line.toString());
    LOG.info("{}", line);
  }

  /**
   * Returns the rows with every double column rounded to 10 decimal places. Sums of doubles after a
   * shuffle depend on the order partitions arrive in, in the last bits; rounding makes a rerun of
   * the same inputs write the same values.
   */
  static Dataset<Row> withRoundedDoubles(Dataset<Row> rows) {
    Dataset<Row> out = rows;
    for (StructField f : rows.schema().fields()) {
      if (f.dataType().equals(DataTypes.DoubleType)) {
        out = out.withColumn(f.name(), functions.round(col(f.name()), 10));
      }
    }
    return out;
  }

  /** Returns the decision rules from the configuration. */
  public static Findings.Rules rules(FairshareConfig cfg) {
    return new Findings.Rules(
        cfg.getDouble(ConfigKeys.EQUITY_SIGNIFICANCE_LEVEL),
        cfg.getDouble(ConfigKeys.EQUITY_UNDER_SERVED_RATIO),
        cfg.getDouble(ConfigKeys.EQUITY_OVER_SERVED_RATIO),
        cfg.getDouble(ConfigKeys.EQUITY_MIN_EXPECTED_EVENTS),
        MultipleComparisons.of(cfg.get(ConfigKeys.EQUITY_MULTIPLE_COMPARISONS)));
  }

  /** Returns the area codes of a comma-separated list, blanks dropped. */
  public static List<String> plusAreas(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
