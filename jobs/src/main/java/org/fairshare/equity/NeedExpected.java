package org.fairshare.equity;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;

import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.fairshare.schema.Activity;
import org.fairshare.schema.EquityAccess;
import org.fairshare.schema.Population;

/**
 * Need-expected use per small area and service by indirect standardisation for age and sex:
 * expected = sum over age and sex of residents x the national rate of the service in that age-sex
 * stratum. Activity is read at its own grain (area x year x sex x age x service); every aggregation
 * after that is to national strata, areas or smaller groups.
 */
public final class NeedExpected {
  private NeedExpected() {}

  public static final String AREA_CODE = Activity.AREA_CODE;
  public static final String SEX = Activity.SEX;
  public static final String AGE = Activity.AGE;
  public static final String SERVICE = Activity.SERVICE;
  public static final String EVENTS = Activity.EVENTS;
  public static final String PERSONS = EquityAccess.PERSONS;
  public static final String OBSERVED = EquityAccess.OBSERVED;
  public static final String EXPECTED = EquityAccess.EXPECTED;
  public static final String NATIONAL_RATE = "national_rate";
  public static final String NEED_MULTIPLIER = "need_multiplier";
  private static final String WEIGHTED = "equity_weighted_expected";

  /** Need basis recorded with every ratio when no need multiplier is applied. */
  public static final String AGE_SEX_BASIS =
      "indirect standardisation for age and sex (national rates of the data year)";

  /** Need basis recorded when a need multiplier per area and service is applied. */
  public static final String NEED_MODEL_BASIS =
      AGE_SEX_BASIS
          + " x need multiplier per area and service (total rescaled to the age-sex total)";

  /**
   * Returns events per area, sex, age and service in the year. Activity's key is exactly these
   * columns and the year (ingest quarantines duplicate keys), so one year's rows already are one
   * per stratum: a filter, with no shuffle of the largest input.
   */
  public static Dataset<Row> eventsByStratum(Dataset<Row> activity, int year) {
    return activity
        .filter(col(Activity.YEAR).equalTo(year))
        .select(col(AREA_CODE), col(SEX), col(AGE), col(SERVICE), col(EVENTS));
  }

  /**
   * Returns residents (persons) per area, sex and age in the year: population's key, so a filter.
   */
  public static Dataset<Row> personsByStratum(Dataset<Row> population, int year) {
    return population
        .filter(col(Population.YEAR).equalTo(year))
        .select(col(AREA_CODE), col(SEX), col(AGE), col(Population.PERSONS).as(PERSONS));
  }

  /**
   * Returns national_rate (events per person-year) per service, sex and age: national events over
   * national residents of the stratum; 0 where the stratum has no residents.
   */
  public static Dataset<Row> nationalRates(Dataset<Row> eventsByStratum, Dataset<Row> persons) {
    Dataset<Row> events =
        eventsByStratum.groupBy(col(SERVICE), col(SEX), col(AGE)).agg(sum(col(EVENTS)).as(EVENTS));
    Dataset<Row> people = persons.groupBy(col(SEX), col(AGE)).agg(sum(col(PERSONS)).as(PERSONS));
    return events
        .join(people, joinKeys(), "inner")
        .select(
            col(SERVICE),
            col(SEX),
            col(AGE),
            coalesce(try_divide(col(EVENTS).cast("double"), col(PERSONS)), lit(0.0))
                .as(NATIONAL_RATE));
  }

  /**
   * Returns one row per area and service with persons (residents), observed (events, 0 where none)
   * and expected (need-expected events by age and sex). Every area with residents gets every
   * service that has a national rate.
   */
  public static Dataset<Row> areaUse(
      Dataset<Row> eventsByStratum, Dataset<Row> persons, Dataset<Row> nationalRates) {
    Dataset<Row> expected =
        persons
            .join(broadcast(nationalRates), joinKeys(), "inner")
            .groupBy(col(AREA_CODE), col(SERVICE))
            .agg(sum(col(PERSONS).multiply(col(NATIONAL_RATE))).as(EXPECTED));
    Dataset<Row> residents = persons.groupBy(col(AREA_CODE)).agg(sum(col(PERSONS)).as(PERSONS));
    Dataset<Row> observed =
        eventsByStratum.groupBy(col(AREA_CODE), col(SERVICE)).agg(sum(col(EVENTS)).as(OBSERVED));
    return expected
        .join(residents, keys(AREA_CODE), "inner")
        .join(observed, keys(AREA_CODE, SERVICE), "left")
        .select(
            col(AREA_CODE),
            col(SERVICE),
            col(PERSONS),
            coalesce(col(OBSERVED), lit(0L)).as(OBSERVED),
            col(EXPECTED));
  }

  /**
   * Returns the rows with expected multiplied by need_multiplier (area_code, service,
   * need_multiplier) where given (1 where not), then rescaled per service so that England's total
   * expected is unchanged: the multiplier moves need between areas, the national rates fix its
   * total. Empty: the rows unchanged.
   */
  public static Dataset<Row> withNeedMultiplier(
      Dataset<Row> areaUse, Optional<Dataset<Row>> multipliers) {
    if (multipliers.isEmpty()) {
      return areaUse;
    }
    Dataset<Row> m = multipliers.get().select(col(AREA_CODE), col(SERVICE), col(NEED_MULTIPLIER));
    Column weighted = col(EXPECTED).multiply(coalesce(col(NEED_MULTIPLIER), lit(1.0)));
    WindowSpec service = Window.partitionBy(col(SERVICE));
    Column rescale = try_divide(sum(col(EXPECTED)).over(service), sum(col(WEIGHTED)).over(service));
    return areaUse
        .join(m, keys(AREA_CODE, SERVICE), "left")
        .withColumn(WEIGHTED, weighted)
        .withColumn(EXPECTED, coalesce(col(WEIGHTED).multiply(rescale), lit(0.0)))
        .drop(NEED_MULTIPLIER, WEIGHTED);
  }

  private static String[] joinKeys() {
    return keys(SEX, AGE);
  }

  static String[] keys(String... names) {
    return names;
  }
}
