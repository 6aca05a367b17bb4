package org.fairshare.generate;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fairshare.schema.Columns;

/** Rows of the truth tables ({@link Truth}) of one generation run, in their schema's order. */
final class TruthRows {
  private final SyntheticGeography geo;
  private final AreaProfiles profiles;
  private final GeneratorOptions opts;

  TruthRows(SyntheticGeography geo, AreaProfiles profiles, GeneratorOptions opts) {
    this.geo = geo;
    this.profiles = profiles;
    this.opts = opts;
  }

  List<Row> needCoefficients() {
    List<Row> rows = new ArrayList<>();
    for (String service : PlantedEffects.SERVICES) {
      rows.add(
          RowFactory.create(
              service, PlantedEffects.DEPRIVATION_Z, PlantedEffects.DEPRIVATION_BETA.get(service)));
      rows.add(
          RowFactory.create(
              service, PlantedEffects.SUPPLY_Z, PlantedEffects.SUPPLY_GAMMA.get(service)));
      rows.add(RowFactory.create(service, PlantedEffects.TRAVEL_Z, 0.0));
    }
    return rows;
  }

  List<Row> plantedUnderuse() {
    List<Row> rows = new ArrayList<>();
    for (int place : profiles.underusePlaces) {
      for (String service : PlantedEffects.UNDERUSE_SERVICES) {
        rows.add(
            RowFactory.create(
                SyntheticGeography.laCode(place),
                service,
                PlantedEffects.UNDERUSE_QUINTILE,
                PlantedEffects.UNDERUSE_FACTOR));
      }
    }
    return rows;
  }

  List<Row> baseRates() {
    List<Row> rows = new ArrayList<>();
    for (String service : PlantedEffects.SERVICES) {
      for (String sex : List.of("F", "M")) {
        for (int age = 0; age <= Columns.MAX_AGE; age++) {
          rows.add(RowFactory.create(service, sex, age, BaseRates.rate(service, sex, age)));
        }
      }
    }
    return rows;
  }

  List<Row> areaEffects() {
    List<Row> rows = new ArrayList<>(profiles.n);
    for (int a = 0; a < profiles.n; a++) {
      rows.add(
          RowFactory.create(
              SyntheticGeography.areaCode(a),
              SyntheticGeography.laCode(geo.areaLa(a)),
              profiles.imdQuintile(a),
              profiles.deprivationZ[a],
              profiles.supplyZ[a],
              profiles.travelZ[a],
              profiles.isUnderuseArea[a]));
    }
    return rows;
  }

  List<Row> mortalityGradient() {
    List<Row> rows = new ArrayList<>();
    for (boolean avoidable : new boolean[] {true, false}) {
      double ratio =
          avoidable
              ? PlantedEffects.AVOIDABLE_MORTALITY_RATIO
              : PlantedEffects.OTHER_MORTALITY_RATIO;
      for (int decile = 1; decile <= 10; decile++) {
        rows.add(
            RowFactory.create(
                avoidable,
                decile,
                Demography.decileMultiplier(ratio, decile)
                    / Demography.decileMultiplier(ratio, 10)));
      }
    }
    return rows;
  }

  List<Row> baselineOffsets(List<Finance.Baseline> baselines) {
    List<Row> rows = new ArrayList<>(baselines.size());
    for (Finance.Baseline b : baselines) {
      rows.add(
          RowFactory.create(
              SyntheticGeography.laCode(b.place()),
              SyntheticGeography.icbCode(b.icb()),
              b.stream(),
              b.populationShare(),
              b.offset(),
              b.envelopeGrowth()));
    }
    return rows;
  }

  List<Row> icbFactors(long[] registeredPatients, double[] envelopeFactors) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < geo.icbs(); i++) {
      rows.add(
          RowFactory.create(
              SyntheticGeography.icbCode(i),
              DimensionTables.marketForces(geo, i),
              envelopeFactors[i],
              registeredPatients[i]));
    }
    return rows;
  }

  List<Row> parameters() {
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create("seed", (double) opts.seed()));
    rows.add(RowFactory.create("areas", (double) opts.areas()));
    rows.add(RowFactory.create("first_year", (double) opts.firstYear()));
    rows.add(RowFactory.create("last_year", (double) opts.lastYear()));
    rows.add(RowFactory.create("activity_multiplier", opts.activityMultiplier()));
    rows.add(RowFactory.create("underuse_factor", PlantedEffects.UNDERUSE_FACTOR));
    rows.add(
        RowFactory.create("avoidable_mortality_ratio", PlantedEffects.AVOIDABLE_MORTALITY_RATIO));
    rows.add(RowFactory.create("other_mortality_ratio", PlantedEffects.OTHER_MORTALITY_RATIO));
    rows.add(RowFactory.create("population_growth", PlantedEffects.POPULATION_GROWTH));
    rows.add(RowFactory.create("age_tilt", Demography.AGE_TILT));
    rows.add(RowFactory.create("list_inflation_max", PlantedEffects.LIST_INFLATION_MAX));
    rows.add(RowFactory.create("unit_cost_inflation", PlantedEffects.UNIT_COST_INFLATION));
    rows.add(RowFactory.create("unit_cost_noise_sd", PlantedEffects.UNIT_COST_NOISE_SD));
    rows.add(RowFactory.create("core_gbp_per_patient", PlantedEffects.CORE_GBP_PER_PATIENT));
    rows.add(
        RowFactory.create(
            "primary_medical_care_gbp_per_patient",
            PlantedEffects.PRIMARY_MEDICAL_CARE_GBP_PER_PATIENT));
    rows.add(RowFactory.create("envelope_deprivation", Finance.ENVELOPE_DEPRIVATION));
    rows.add(
        RowFactory.create("envelope_market_forces_power", Finance.ENVELOPE_MARKET_FORCES_POWER));
    rows.add(RowFactory.create("regions", (double) geo.regions()));
    rows.add(RowFactory.create("icbs", (double) geo.icbs()));
    rows.add(RowFactory.create("sub_icbs", (double) geo.subIcbs()));
    rows.add(RowFactory.create("places", (double) geo.las()));
    rows.add(RowFactory.create("msoas", (double) geo.msoas()));
    rows.add(RowFactory.create("practices", (double) geo.practices()));
    rows.add(RowFactory.create("pcns", (double) geo.pcns()));
    return rows;
  }
}
