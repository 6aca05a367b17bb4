package org.fairshare.generate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fairshare.schema.Activity;
import org.fairshare.schema.Columns;
import org.fairshare.schema.Fields;
import org.fairshare.schema.Money;
import org.fairshare.schema.Mortality;
import org.fairshare.schema.Population;
import org.fairshare.schema.PracticeAttribution;
import org.fairshare.schema.RegisteredLists;
import org.fairshare.schema.Spend;

/**
 * Spark transforms that generate the large fact tables (population, registrations, activity,
 * mortality, spend) from small driver-built tables. Every random draw is a pure function of the
 * seed and the row's key (via {@code xxhash64}), never of partitioning or order, and aggregations
 * add integers or exact decimals only, so the rows are identical on every run with the same inputs.
 */
public final class FactTables {
  private FactTables() {}

  static final String DEPRIVATION_Z = PlantedEffects.DEPRIVATION_Z;
  static final String SUPPLY_Z = PlantedEffects.SUPPLY_Z;
  static final String IS_UNDERUSE = "is_underuse";
  static final String POPULATION_SCALE = "population_scale";
  static final String IMD_DECILE = "imd_decile";
  static final String REGISTRATION_SHARE = "registration_share";
  static final String LIST_INFLATION = "list_inflation";
  static final String AGE_WEIGHT = "age_weight";
  static final String BASE_RATE = "base_rate";
  static final String BETA = "beta";
  static final String GAMMA = "gamma";
  static final String IS_UNDERUSE_SERVICE = "is_underuse_service";
  static final String AVOIDABLE_RATE = "avoidable_rate";
  static final String OTHER_RATE = "other_rate";
  static final String AVOIDABLE_MULTIPLIER = "avoidable_multiplier";
  static final String OTHER_MULTIPLIER = "other_multiplier";

  private static final String MEAN = "mean";
  private static final String PATIENTS = "patients";
  private static final String AVOIDABLE_NANO = "avoidable_nano";
  private static final String OTHER_NANO = "other_nano";
  private static final String DRAW = "draw";
  private static final double NANO = 1e9;
  private static final double TWO_TO_53 = 9007199254740992.0;

  /** Per-area model inputs (one row per area). */
  static final StructType AREA_MODEL =
      new StructType(
          new StructField[] {
            Fields.required(Columns.AREA_CODE, DataTypes.StringType, "Small-area code"),
            Fields.required(Columns.PLACE_CODE, DataTypes.StringType, "Place code"),
            Fields.required(Columns.ICB_CODE, DataTypes.StringType, "ICB code"),
            Fields.required(IMD_DECILE, DataTypes.IntegerType, "IMD decile, 1 = most deprived"),
            Fields.required(DEPRIVATION_Z, DataTypes.DoubleType, "Standardised IMD score (sd)"),
            Fields.required(SUPPLY_Z, DataTypes.DoubleType, "Standardised GP FTE per 10k (sd)"),
            Fields.required(IS_UNDERUSE, DataTypes.BooleanType, "Planted under-use applies"),
            Fields.required(
                POPULATION_SCALE,
                DataTypes.DoubleType,
                "Expected persons per unit of age weight in the last year")
          });

  /** Which practices each area's residents are registered with (shares sum to 1 per area). */
  static final StructType REGISTRATIONS =
      new StructType(
          new StructField[] {
            Fields.required(Columns.AREA_CODE, DataTypes.StringType, "Small-area code"),
            Fields.required(Columns.PRACTICE_CODE, DataTypes.StringType, "GP practice code"),
            Fields.required(
                REGISTRATION_SHARE, DataTypes.DoubleType, "Share of residents registered here"),
            Fields.required(
                LIST_INFLATION, DataTypes.DoubleType, "Registered / resident - 1 (ratio)")
          });

  /** Relative age-sex weights of the population for each year. */
  static final StructType AGE_SEX_YEARS =
      new StructType(
          new StructField[] {
            Fields.required(Columns.YEAR, DataTypes.IntegerType, "Calendar year"),
            Fields.required(Columns.SEX, DataTypes.StringType, "F or M"),
            Fields.required(Columns.AGE, DataTypes.IntegerType, "Single year of age"),
            Fields.required(AGE_WEIGHT, DataTypes.DoubleType, "Relative residents at this age")
          });

  /** Base rates and planted coefficients by service, sex and age (rates above zero only). */
  static final StructType SERVICE_RATES =
      new StructType(
          new StructField[] {
            Fields.required(Columns.SERVICE, DataTypes.StringType, "Service"),
            Fields.required(Columns.SEX, DataTypes.StringType, "F or M"),
            Fields.required(Columns.AGE, DataTypes.IntegerType, "Single year of age"),
            Fields.required(BASE_RATE, DataTypes.DoubleType, "Events per person per year"),
            Fields.required(BETA, DataTypes.DoubleType, "Deprivation coefficient"),
            Fields.required(GAMMA, DataTypes.DoubleType, "Supply coefficient"),
            Fields.required(
                IS_UNDERUSE_SERVICE, DataTypes.BooleanType, "Service with planted under-use")
          });

  /** Death rates by sex and age at multiplier 1. */
  static final StructType MORTALITY_RATES =
      new StructType(
          new StructField[] {
            Fields.required(Columns.SEX, DataTypes.StringType, "F or M"),
            Fields.required(Columns.AGE, DataTypes.IntegerType, "Single year of age"),
            Fields.required(AVOIDABLE_RATE, DataTypes.DoubleType, "Avoidable deaths per person"),
            Fields.required(OTHER_RATE, DataTypes.DoubleType, "Other deaths per person")
          });

  /** Death-rate multipliers by IMD decile. */
  static final StructType DECILE_MULTIPLIERS =
      new StructType(
          new StructField[] {
            Fields.required(IMD_DECILE, DataTypes.IntegerType, "IMD decile"),
            Fields.required(AVOIDABLE_MULTIPLIER, DataTypes.DoubleType, "Avoidable multiplier"),
            Fields.required(OTHER_MULTIPLIER, DataTypes.DoubleType, "Other multiplier")
          });

  /** Unit costs per ICB, service and year. */
  static final StructType UNIT_COSTS =
      new StructType(
          new StructField[] {
            Fields.required(Columns.ICB_CODE, DataTypes.StringType, "ICB code"),
            Fields.required(Columns.SERVICE, DataTypes.StringType, "Service"),
            Fields.required(Columns.YEAR, DataTypes.IntegerType, "Calendar year"),
            Fields.required(Spend.UNIT_COST_GBP, Money.TYPE, "Cost per event (GBP)")
          });

  /** Returns a 64-bit key for the random draws of one row: the seed, a tag and the key columns. */
  static Column drawKey(long seed, String tag, String... keyColumns) {
    List<Column> parts = new ArrayList<>();
    parts.add(lit(seed));
    parts.add(lit(tag));
    for (String c : keyColumns) {
      parts.add(col(c));
    }
    return xxhash64(parts.toArray(new Column[0]));
  }

  /** Returns a uniform [0, 1) column from a 64-bit key column (its top 53 bits). */
  static Column uniform(Column key) {
    return shiftrightunsigned(key, 11).cast(DataTypes.DoubleType).divide(TWO_TO_53);
  }

  /**
   * Returns population rows (contract schema): persons ~ Poisson(scale x age weight x age tilt x
   * growth), for every area x year x sex x age, rows kept in area order within a partition.
   *
   * @param areaModel rows of {@link #AREA_MODEL}
   * @param ageSexYears rows of {@link #AGE_SEX_YEARS}
   */
  public static Dataset<Row> population(
      Dataset<Row> areaModel,
      Dataset<Row> ageSexYears,
      int partitions,
      long seed,
      int lastYear,
      double growth,
      double ageTilt) {
    Column tilt =
        exp(
            lit(-ageTilt)
                .multiply(col(DEPRIVATION_Z))
                .multiply(col(Columns.AGE).minus(40))
                .divide(50.0));
    Column trend = pow(lit(1.0 + growth), col(Columns.YEAR).minus(lastYear));
    Column mean = col(POPULATION_SCALE).multiply(col(AGE_WEIGHT)).multiply(tilt).multiply(trend);
    Column key =
        drawKey(seed, "population", Columns.AREA_CODE, Columns.YEAR, Columns.SEX, Columns.AGE);
    return areaModel
        .select(Columns.AREA_CODE, DEPRIVATION_Z, POPULATION_SCALE)
        .repartition(partitions, col(Columns.AREA_CODE))
        .sortWithinPartitions(Columns.AREA_CODE)
        .crossJoin(broadcast(ageSexYears))
        .withColumn(Population.PERSONS, PoissonDraws.poisson(mean, key).cast(DataTypes.DoubleType))
        .select(
            col(Population.AREA_CODE),
            col(Population.YEAR),
            col(Population.SEX),
            col(Population.AGE),
            col(Population.PERSONS));
  }

  /**
   * Returns registered patients by practice, area, year, sex and age: residents x registration
   * share x (1 + list inflation), rounded up or down at random in proportion (unbiased).
   *
   * @param population contract population rows
   * @param registrations rows of {@link #REGISTRATIONS}
   */
  public static Dataset<Row> registrationCells(
      Dataset<Row> population, Dataset<Row> registrations, long seed) {
    Column expected =
        col(Population.PERSONS)
            .multiply(col(REGISTRATION_SHARE))
            .multiply(lit(1.0).plus(col(LIST_INFLATION)));
    Column u =
        uniform(
            drawKey(
                seed,
                "list",
                Columns.AREA_CODE,
                Columns.PRACTICE_CODE,
                Columns.YEAR,
                Columns.SEX,
                Columns.AGE));
    return population
        .join(broadcast(registrations), Columns.AREA_CODE)
        .withColumn(PATIENTS, floor(expected.plus(u)).cast(DataTypes.LongType))
        .select(
            Columns.PRACTICE_CODE,
            Columns.AREA_CODE,
            Columns.YEAR,
            Columns.SEX,
            Columns.AGE,
            PATIENTS);
  }

  /** Returns registered list rows (contract schema) summed from registration cells. */
  public static Dataset<Row> registeredLists(Dataset<Row> cells) {
    return cells
        .groupBy(
            RegisteredLists.PRACTICE_CODE,
            RegisteredLists.YEAR,
            RegisteredLists.SEX,
            RegisteredLists.AGE)
        .agg(sum(PATIENTS).as(RegisteredLists.PATIENTS));
  }

  /**
   * Returns attribution rows (contract schema): patients per practice, area and year, and their
   * share of the practice's list (shares add to 1 per practice and year).
   */
  public static Dataset<Row> attribution(Dataset<Row> cells) {
    Column listSize =
        sum(PracticeAttribution.PATIENTS)
            .over(Window.partitionBy(PracticeAttribution.PRACTICE_CODE, PracticeAttribution.YEAR));
    return cells
        .groupBy(
            PracticeAttribution.PRACTICE_CODE,
            PracticeAttribution.AREA_CODE,
            PracticeAttribution.YEAR)
        .agg(sum(PATIENTS).as(PracticeAttribution.PATIENTS))
        .withColumn(
            PracticeAttribution.SHARE,
            when(
                    listSize.gt(0),
                    col(PracticeAttribution.PATIENTS)
                        .cast(DataTypes.DoubleType)
                        .divide(listSize.cast(DataTypes.DoubleType)))
                .otherwise(lit(0.0)));
  }

  /** Exact sums: a double sum's last bits would depend on the order rows arrive in. */
  private static final String EXACT_SUM = "decimal(38,12)";

  /**
   * Returns one row per place and service whose residents include national IMD quintile 1 (deciles
   * 1-2): the true ratio of those residents' expected use in the last year to their need, as the
   * equity checks estimate it with a perfect need model: need = their use with GP supply at no
   * effect and without the planted under-use (persons x base rate x exp(beta x deprivation_z)),
   * scaled per service so that England's need adds up to England's use (use at the national average
   * supply and under-use); use = persons x base rate x exp(beta x deprivation_z + gamma x supply_z)
   * x under-use factor. Columns place_code, service, need_ratio, planted_factor.
   *
   * @param population contract population rows
   * @param areaModel rows of {@link #AREA_MODEL}
   * @param serviceRates rows of {@link #SERVICE_RATES}
   */
  public static Dataset<Row> accessToNeed(
      Dataset<Row> population,
      Dataset<Row> areaModel,
      Dataset<Row> serviceRates,
      int year,
      double underuseFactor) {
    Column planted = col(IS_UNDERUSE).and(col(IS_UNDERUSE_SERVICE));
    Column need =
        col(Population.PERSONS)
            .multiply(col(BASE_RATE))
            .multiply(exp(col(BETA).multiply(col(DEPRIVATION_Z))));
    Column use =
        need.multiply(exp(col(GAMMA).multiply(col(SUPPLY_Z))))
            .multiply(when(planted, lit(underuseFactor)).otherwise(lit(1.0)));
    Dataset<Row> cells =
        population
            .filter(col(Population.YEAR).equalTo(year).and(col(Population.PERSONS).gt(0)))
            .join(
                broadcast(
                    areaModel.select(
                        Columns.AREA_CODE,
                        Columns.PLACE_CODE,
                        IMD_DECILE,
                        DEPRIVATION_Z,
                        SUPPLY_Z,
                        IS_UNDERUSE)),
                Columns.AREA_CODE)
            .join(broadcast(serviceRates), new String[] {Columns.SEX, Columns.AGE})
            .select(
                col(Columns.PLACE_CODE),
                col(Columns.SERVICE),
                col(IMD_DECILE).leq(2).as(IS_QUINTILE_1),
                need.cast(EXACT_SUM).as(NEED),
                use.cast(EXACT_SUM).as(USE),
                planted.as(IS_PLANTED));
    Dataset<Row> national =
        cells.groupBy(Columns.SERVICE).agg(sum(NEED).as(NATIONAL_NEED), sum(USE).as(NATIONAL_USE));
    return cells
        .filter(col(IS_QUINTILE_1))
        .groupBy(Columns.PLACE_CODE, Columns.SERVICE)
        .agg(
            sum(NEED).as(NEED),
            sum(USE).as(USE),
            org.apache.spark.sql.functions.max(col(IS_PLANTED)).as(IS_PLANTED))
        .join(national, Columns.SERVICE)
        .select(
            col(Columns.PLACE_CODE),
            col(Columns.SERVICE),
            col(USE)
                .cast(DataTypes.DoubleType)
                .divide(
                    col(NEED)
                        .cast(DataTypes.DoubleType)
                        .multiply(col(NATIONAL_USE).cast(DataTypes.DoubleType))
                        .divide(col(NATIONAL_NEED).cast(DataTypes.DoubleType)))
                .as(Truth.AccessToNeed.NEED_RATIO),
            when(col(IS_PLANTED), lit(underuseFactor))
                .otherwise(lit(1.0))
                .as(Truth.AccessToNeed.PLANTED_FACTOR));
  }

  private static final String IS_QUINTILE_1 = "is_quintile_1";
  private static final String NEED = "need";
  private static final String USE = "use";
  private static final String IS_PLANTED = "is_planted";
  private static final String NATIONAL_NEED = "national_need";
  private static final String NATIONAL_USE = "national_use";

  /**
   * Returns activity rows (contract schema) with events above zero: events ~ Poisson(persons x base
   * rate x exp(beta x deprivation_z) x exp(gamma x supply_z) x under-use factor x multiplier).
   *
   * @param population contract population rows
   * @param areaModel rows of {@link #AREA_MODEL}
   * @param serviceRates rows of {@link #SERVICE_RATES}
   */
  public static Dataset<Row> activity(
      Dataset<Row> population,
      Dataset<Row> areaModel,
      Dataset<Row> serviceRates,
      long seed,
      double multiplier,
      double underuseFactor) {
    Column underuse =
        when(col(IS_UNDERUSE).and(col(IS_UNDERUSE_SERVICE)), lit(underuseFactor))
            .otherwise(lit(1.0));
    Column mean =
        col(Population.PERSONS)
            .multiply(col(BASE_RATE))
            .multiply(exp(col(BETA).multiply(col(DEPRIVATION_Z))))
            .multiply(exp(col(GAMMA).multiply(col(SUPPLY_Z))))
            .multiply(underuse)
            .multiply(multiplier);
    Column key =
        drawKey(
            seed,
            "activity",
            Columns.AREA_CODE,
            Columns.YEAR,
            Columns.SEX,
            Columns.AGE,
            Columns.SERVICE);
    return population
        .filter(col(Population.PERSONS).gt(0))
        .join(
            broadcast(areaModel.select(Columns.AREA_CODE, DEPRIVATION_Z, SUPPLY_Z, IS_UNDERUSE)),
            Columns.AREA_CODE)
        .join(broadcast(serviceRates), new String[] {Columns.SEX, Columns.AGE})
        .withColumn(Activity.EVENTS, PoissonDraws.poisson(mean, key))
        .filter(col(Activity.EVENTS).gt(0))
        .select(
            Activity.AREA_CODE,
            Activity.YEAR,
            Activity.SEX,
            Activity.AGE,
            Activity.SERVICE,
            Activity.EVENTS);
  }

  /**
   * Returns mortality rows (contract schema) with deaths above zero: deaths per five-year band ~
   * Poisson(sum over its ages of persons x death rate x the decile's multiplier), split into
   * avoidable and other deaths.
   *
   * @param population contract population rows
   * @param areaModel rows of {@link #AREA_MODEL}
   * @param mortalityRates rows of {@link #MORTALITY_RATES}
   * @param decileMultipliers rows of {@link #DECILE_MULTIPLIERS}
   */
  public static Dataset<Row> mortality(
      Dataset<Row> population,
      Dataset<Row> areaModel,
      Dataset<Row> mortalityRates,
      Dataset<Row> decileMultipliers,
      long seed) {
    Column band = least(floor(col(Columns.AGE).divide(5)).multiply(5), lit(Columns.MAX_AGE));
    // Expected deaths are summed as integer nano-deaths so the sum is exact in any order.
    Column avoidableNano =
        round(col(Population.PERSONS).multiply(col(AVOIDABLE_RATE)).multiply(NANO))
            .cast(DataTypes.LongType);
    Column otherNano =
        round(col(Population.PERSONS).multiply(col(OTHER_RATE)).multiply(NANO))
            .cast(DataTypes.LongType);
    Column draws =
        explode(
            array(
                struct(
                    lit(true).as(Mortality.IS_AVOIDABLE),
                    col(AVOIDABLE_NANO).divide(NANO).multiply(col(AVOIDABLE_MULTIPLIER)).as(MEAN)),
                struct(
                    lit(false).as(Mortality.IS_AVOIDABLE),
                    col(OTHER_NANO).divide(NANO).multiply(col(OTHER_MULTIPLIER)).as(MEAN))));
    Column key =
        drawKey(
            seed,
            "mortality",
            Mortality.AREA_CODE,
            Mortality.YEAR,
            Mortality.SEX,
            Mortality.AGE_BAND_START,
            Mortality.IS_AVOIDABLE);
    return population
        .join(broadcast(mortalityRates), new String[] {Columns.SEX, Columns.AGE})
        .withColumn(Mortality.AGE_BAND_START, band.cast(DataTypes.IntegerType))
        .groupBy(Mortality.AREA_CODE, Mortality.YEAR, Mortality.SEX, Mortality.AGE_BAND_START)
        .agg(sum(avoidableNano).as(AVOIDABLE_NANO), sum(otherNano).as(OTHER_NANO))
        .join(broadcast(areaModel.select(Columns.AREA_CODE, IMD_DECILE)), Columns.AREA_CODE)
        .join(broadcast(decileMultipliers), IMD_DECILE)
        .withColumn(DRAW, draws)
        .withColumn(Mortality.IS_AVOIDABLE, col(DRAW + "." + Mortality.IS_AVOIDABLE))
        .withColumn(MEAN, col(DRAW + "." + MEAN))
        .withColumn(Mortality.DEATHS, PoissonDraws.poisson(col(MEAN), key))
        .filter(col(Mortality.DEATHS).gt(0))
        .select(
            Mortality.AREA_CODE,
            Mortality.YEAR,
            Mortality.SEX,
            Mortality.AGE_BAND_START,
            Mortality.IS_AVOIDABLE,
            Mortality.DEATHS);
  }

  /**
   * Returns spend rows (contract schema): events summed per ICB, service and year times the ICB's
   * unit cost, to the penny.
   *
   * @param activity contract activity rows
   * @param areaIcb area_code and icb_code of every area
   * @param unitCosts rows of {@link #UNIT_COSTS}
   */
  public static Dataset<Row> spend(
      Dataset<Row> activity, Dataset<Row> areaIcb, Dataset<Row> unitCosts) {
    String events = Activity.EVENTS;
    return activity
        .join(broadcast(areaIcb), Columns.AREA_CODE)
        .groupBy(Columns.ICB_CODE, Columns.SERVICE, Columns.YEAR)
        .agg(sum(events).as(events))
        .join(broadcast(unitCosts), new String[] {Columns.ICB_CODE, Columns.SERVICE, Columns.YEAR})
        .withColumn(
            Spend.SPEND_GBP,
            col(events)
                .cast(DataTypes.createDecimalType(20, 0))
                .multiply(col(Spend.UNIT_COST_GBP))
                .cast(Money.TYPE))
        .select(
            col(Columns.ICB_CODE).as(Spend.ORGANISATION_CODE),
            col(Spend.SERVICE),
            col(Spend.YEAR),
            col(Spend.SPEND_GBP),
            col(Spend.UNIT_COST_GBP));
  }
}
