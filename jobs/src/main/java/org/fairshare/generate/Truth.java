package org.fairshare.generate;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fairshare.schema.Columns;
import org.fairshare.schema.Fields;

/**
 * The truth tables the generator writes under {@code <outDir>/_truth/<name>} (always Parquet): the
 * planted values that later stages should recover. One nested class per table.
 */
public final class Truth {
  private Truth() {}

  /** Folder under the output directory that holds the truth tables. */
  public static final String FOLDER = "_truth";

  /** Planted coefficients on the log event rate, by service and variable. */
  public static final class NeedCoefficients {
    private NeedCoefficients() {}

    public static final String NAME = "need_coefficients";
    public static final String SERVICE = Columns.SERVICE;
    public static final String VARIABLE = "variable";
    public static final String VALUE = "value";

    public static final StructType SCHEMA =
        new StructType(
            new StructField[] {
              Fields.required(SERVICE, DataTypes.StringType, "Service, as in activity"),
              Fields.required(
                  VARIABLE,
                  DataTypes.StringType,
                  "deprivation_z, supply_z or travel_z (standardised over areas)"),
              Fields.required(
                  VALUE,
                  DataTypes.DoubleType,
                  "Change in the log event rate per sd of the variable")
            });
  }

  /** Places and services where residents of one IMD quintile use less than their need. */
  public static final class PlantedUnderuse {
    private PlantedUnderuse() {}

    public static final String NAME = "planted_underuse";
    public static final String PLACE_CODE = Columns.PLACE_CODE;
    public static final String SERVICE = Columns.SERVICE;
    public static final String IMD_QUINTILE = "imd_quintile";
    public static final String FACTOR = "factor";

    public static final StructType SCHEMA =
        new StructType(
            new StructField[] {
              Fields.required(PLACE_CODE, DataTypes.StringType, "Place code"),
              Fields.required(SERVICE, DataTypes.StringType, "Service, as in activity"),
              Fields.required(
                  IMD_QUINTILE,
                  DataTypes.IntegerType,
                  "National IMD quintile, 1 = most deprived (deciles 1-2)"),
              Fields.required(FACTOR, DataTypes.DoubleType, "Use as a share of need (ratio)")
            });
  }

  /**
   * Every effect the equity checks are meant to find: for each place and service, the true ratio of
   * its quintile-1 residents' use to their need (GP supply held at no effect, as the need model's
   * sterilisation holds it at the national mean), from the planted under-use and from the inverse
   * care law (deprived areas have fewer GPs, so use of services that rise with supply falls below
   * need).
   */
  public static final class AccessToNeed {
    private AccessToNeed() {}

    public static final String NAME = "access_to_need";
    public static final String PLACE_CODE = Columns.PLACE_CODE;
    public static final String SERVICE = Columns.SERVICE;
    public static final String IMD_QUINTILE = "imd_quintile";
    public static final String NEED_RATIO = "need_ratio";
    public static final String PLANTED_FACTOR = "planted_factor";

    public static final StructType SCHEMA =
        new StructType(
            new StructField[] {
              Fields.required(PLACE_CODE, DataTypes.StringType, "Place code"),
              Fields.required(SERVICE, DataTypes.StringType, "Service, as in activity"),
              Fields.required(
                  IMD_QUINTILE,
                  DataTypes.IntegerType,
                  "National IMD quintile of the residents, always 1 (deciles 1-2)"),
              Fields.required(
                  NEED_RATIO,
                  DataTypes.DoubleType,
                  "Expected use in the last year / need (ratio): need is use without the supply"
                      + " effect and the planted under-use, scaled so that England's need equals"
                      + " England's use"),
              Fields.required(
                  PLANTED_FACTOR,
                  DataTypes.DoubleType,
                  "The planted under-use factor of these residents (1 where none was planted)")
            });
  }

  /** Base event rates at average deprivation and supply, by service, sex and age. */
  public static final class BaseRateTable {
    private BaseRateTable() {}

    public static final String NAME = "base_rates";
    public static final String SERVICE = Columns.SERVICE;
    public static final String SEX = Columns.SEX;
    public static final String AGE = Columns.AGE;
    public static final String RATE = "rate";

    public static final StructType SCHEMA =
        new StructType(
            new StructField[] {
              Fields.required(SERVICE, DataTypes.StringType, "Service, as in activity"),
              Fields.required(SEX, DataTypes.StringType, "F or M"),
              Fields.required(AGE, DataTypes.IntegerType, "Single year of age, 0 to 90"),
              Fields.required(
                  RATE,
                  DataTypes.DoubleType,
                  "Events per person per year at deprivation_z = supply_z = 0, multiplier 1")
            });
  }

  /** Per-area latent values the activity was drawn from. */
  public static final class AreaEffects {
    private AreaEffects() {}

    public static final String NAME = "area_effects";
    public static final String AREA_CODE = Columns.AREA_CODE;
    public static final String PLACE_CODE = Columns.PLACE_CODE;
    public static final String IMD_QUINTILE = "imd_quintile";
    public static final String DEPRIVATION_Z = PlantedEffects.DEPRIVATION_Z;
    public static final String SUPPLY_Z = PlantedEffects.SUPPLY_Z;
    public static final String TRAVEL_Z = PlantedEffects.TRAVEL_Z;
    public static final String IS_UNDERUSE = "is_underuse";

    public static final StructType SCHEMA =
        new StructType(
            new StructField[] {
              Fields.required(AREA_CODE, DataTypes.StringType, "Small-area (LSOA) code"),
              Fields.required(PLACE_CODE, DataTypes.StringType, "Place code"),
              Fields.required(
                  IMD_QUINTILE, DataTypes.IntegerType, "National IMD quintile, 1 = most deprived"),
              Fields.required(
                  DEPRIVATION_Z, DataTypes.DoubleType, "Standardised IMD score (sd units)"),
              Fields.required(
                  SUPPLY_Z, DataTypes.DoubleType, "Standardised GP FTE per 10k (sd units)"),
              Fields.required(
                  TRAVEL_Z, DataTypes.DoubleType, "Standardised travel minutes (sd units)"),
              Fields.required(
                  IS_UNDERUSE,
                  DataTypes.BooleanType,
                  "True where the planted under-use applies to the area's residents")
            });
  }

  /** Planted mortality rate multipliers by IMD decile, relative to decile 10. */
  public static final class MortalityGradient {
    private MortalityGradient() {}

    public static final String NAME = "mortality_gradient";
    public static final String IS_AVOIDABLE = "is_avoidable";
    public static final String IMD_DECILE = "imd_decile";
    public static final String RATE_RATIO = "rate_ratio";

    public static final StructType SCHEMA =
        new StructType(
            new StructField[] {
              Fields.required(
                  IS_AVOIDABLE, DataTypes.BooleanType, "Avoidable (under 75) or other deaths"),
              Fields.required(
                  IMD_DECILE, DataTypes.IntegerType, "National IMD decile, 1 = most deprived"),
              Fields.required(
                  RATE_RATIO,
                  DataTypes.DoubleType,
                  "Age-specific death rate relative to decile 10 (ratio)")
            });
  }

  /** How far each place's baseline was set from its population share, and the ICB's growth. */
  public static final class BaselineOffsets {
    private BaselineOffsets() {}

    public static final String NAME = "baseline_offsets";
    public static final String PLACE_CODE = Columns.PLACE_CODE;
    public static final String ICB_CODE = Columns.ICB_CODE;
    public static final String STREAM = "stream";
    public static final String POPULATION_SHARE = "population_share";
    public static final String OFFSET = "offset";
    public static final String ENVELOPE_GROWTH = "envelope_growth";

    public static final StructType SCHEMA =
        new StructType(
            new StructField[] {
              Fields.required(PLACE_CODE, DataTypes.StringType, "Place code"),
              Fields.required(ICB_CODE, DataTypes.StringType, "ICB code"),
              Fields.required(STREAM, DataTypes.StringType, "core or primary_medical_care"),
              Fields.required(
                  POPULATION_SHARE,
                  DataTypes.DoubleType,
                  "Place residents (last year) / ICB residents (share)"),
              Fields.required(
                  OFFSET,
                  DataTypes.DoubleType,
                  "Baseline / (population share x ICB baselines) - 1 (ratio, before pennies)"),
              Fields.required(
                  ENVELOPE_GROWTH,
                  DataTypes.DoubleType,
                  "ICB envelope / sum of its baselines - 1 (ratio, before pennies)")
            });
  }

  /** Per-ICB cost and envelope factors. */
  public static final class IcbFactors {
    private IcbFactors() {}

    public static final String NAME = "icb_factors";
    public static final String ICB_CODE = Columns.ICB_CODE;
    public static final String MARKET_FORCES = "market_forces";
    public static final String ENVELOPE_FACTOR = "envelope_factor";
    public static final String REGISTERED_PATIENTS = "registered_patients";

    public static final StructType SCHEMA =
        new StructType(
            new StructField[] {
              Fields.required(ICB_CODE, DataTypes.StringType, "ICB code"),
              Fields.required(
                  MARKET_FORCES, DataTypes.DoubleType, "Market forces factor (1.0 = average)"),
              Fields.required(
                  ENVELOPE_FACTOR,
                  DataTypes.DoubleType,
                  "Envelope per patient relative to the national rate (ratio)"),
              Fields.required(
                  REGISTERED_PATIENTS,
                  DataTypes.LongType,
                  "Registered patients in the last year (count)")
            });
  }

  /** Scalar parameters of the run. */
  public static final class Parameters {
    private Parameters() {}

    public static final String NAME = "parameters";
    public static final String PARAMETER = "parameter";
    public static final String VALUE = "value";

    public static final StructType SCHEMA =
        new StructType(
            new StructField[] {
              Fields.required(PARAMETER, DataTypes.StringType, "Parameter name"),
              Fields.required(VALUE, DataTypes.DoubleType, "Parameter value")
            });
  }

  /** Names of every truth table, in the order they are written. */
  public static final List<String> NAMES =
      List.of(
          NeedCoefficients.NAME,
          PlantedUnderuse.NAME,
          AccessToNeed.NAME,
          BaseRateTable.NAME,
          AreaEffects.NAME,
          MortalityGradient.NAME,
          BaselineOffsets.NAME,
          IcbFactors.NAME,
          Parameters.NAME);
}
