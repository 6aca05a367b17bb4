package org.fairshare.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Money on the driver: unit costs per ICB, service and year; ICB envelopes per stream; place
 * baselines for the year before, set off their population share by known amounts.
 */
final class Finance {
  private Finance() {}

  static final String CORE = "core";
  static final String PRIMARY_MEDICAL_CARE = "primary_medical_care";

  /** The funding streams, in the order rows are written. */
  static final List<String> STREAMS = List.of(CORE, PRIMARY_MEDICAL_CARE);

  /** Change in an ICB's log envelope per patient-weighted sd of deprivation. */
  static final double ENVELOPE_DEPRIVATION = 0.08;

  /** Power of the market forces factor in an ICB's envelope per patient. */
  static final double ENVELOPE_MARKET_FORCES_POWER = 0.6;

  /** Returns pounds rounded to the penny (half-even). */
  static BigDecimal pennies(double pounds) {
    return BigDecimal.valueOf(pounds).setScale(2, RoundingMode.HALF_EVEN);
  }

  /**
   * Returns unit cost rows (ICB, service, year, GBP): national cost x ICB market forces x log-
   * normal noise x inflation back from the last year, to the penny.
   */
  static List<Row> unitCosts(
      SyntheticGeography geo, int firstYear, int lastYear, SplittableRandom random) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < geo.icbs(); i++) {
      double mff = DimensionTables.marketForces(geo, i);
      for (String service : PlantedEffects.SERVICES) {
        for (int year = firstYear; year <= lastYear; year++) {
          double noise = Math.exp(PlantedEffects.UNIT_COST_NOISE_SD * random.nextGaussian());
          double inflation = Math.pow(1.0 + PlantedEffects.UNIT_COST_INFLATION, year - lastYear);
          double cost = PlantedEffects.UNIT_COST_GBP.get(service) * mff * noise * inflation;
          rows.add(RowFactory.create(SyntheticGeography.icbCode(i), service, year, pennies(cost)));
        }
      }
    }
    return rows;
  }

  /**
   * Returns each ICB's envelope factor: market forces^0.6 x exp(0.08 x its resident-weighted mean
   * deprivation_z), scaled so that the patient-weighted mean factor is 1.
   */
  static double[] envelopeFactors(
      SyntheticGeography geo, AreaProfiles profiles, long[] registeredPatients) {
    int icbs = geo.icbs();
    double[] depSum = new double[icbs];
    double[] residents = new double[icbs];
    for (int a = 0; a < geo.areas; a++) {
      int icb = geo.areaIcb(a);
      depSum[icb] += profiles.expectedResidents[a] * profiles.deprivationZ[a];
      residents[icb] += profiles.expectedResidents[a];
    }
    double[] raw = new double[icbs];
    double weighted = 0.0;
    double patients = 0.0;
    for (int i = 0; i < icbs; i++) {
      raw[i] =
          Math.pow(DimensionTables.marketForces(geo, i), ENVELOPE_MARKET_FORCES_POWER)
              * Math.exp(ENVELOPE_DEPRIVATION * depSum[i] / residents[i]);
      weighted += raw[i] * registeredPatients[i];
      patients += registeredPatients[i];
    }
    double[] out = new double[icbs];
    for (int i = 0; i < icbs; i++) {
      out[i] = raw[i] * patients / weighted;
    }
    return out;
  }

  /** Returns the envelope (GBP, pennies) of an ICB and stream. */
  static BigDecimal envelope(String stream, long registeredPatients, double factor) {
    double perPatient =
        CORE.equals(stream)
            ? PlantedEffects.CORE_GBP_PER_PATIENT
            : PlantedEffects.PRIMARY_MEDICAL_CARE_GBP_PER_PATIENT;
    return pennies(perPatient * registeredPatients * factor);
  }

  /** One place's baseline and the truth behind it. */
  record Baseline(
      int place,
      int icb,
      String stream,
      BigDecimal baselineGbp,
      double populationShare,
      double offset,
      double envelopeGrowth) {}

  /**
   * Returns baselines per place and stream: the ICB's envelope / (1 + growth), growth drawn from
   * [3%, 5%] per ICB and stream, shared in proportion to population share x (1 + offset), offset
   * drawn from [-6%, +8%] per place and stream and re-centred so the ICB's shares add to 1.
   *
   * @param envelopes envelope per ICB (index) and stream
   * @param placeResidents residents of each place in the last year
   */
  static List<Baseline> baselines(
      SyntheticGeography geo,
      Map<String, BigDecimal[]> envelopes,
      double[] placeResidents,
      SplittableRandom random) {
    List<Baseline> out = new ArrayList<>();
    for (int icb = 0; icb < geo.icbs(); icb++) {
      List<Integer> places = new ArrayList<>();
      double icbResidents = 0.0;
      for (int l = 0; l < geo.las(); l++) {
        if (geo.laIcb(l) == icb) {
          places.add(l);
          icbResidents += placeResidents[l];
        }
      }
      for (String stream : STREAMS) {
        double growth =
            PlantedEffects.ENVELOPE_GROWTH_MIN
                + (PlantedEffects.ENVELOPE_GROWTH_MAX - PlantedEffects.ENVELOPE_GROWTH_MIN)
                    * random.nextDouble();
        double total = envelopes.get(stream)[icb].doubleValue() / (1.0 + growth);
        double[] weights = new double[places.size()];
        double[] shares = new double[places.size()];
        double weightSum = 0.0;
        for (int i = 0; i < places.size(); i++) {
          double offset =
              PlantedEffects.BASELINE_OFFSET_MIN
                  + (PlantedEffects.BASELINE_OFFSET_MAX - PlantedEffects.BASELINE_OFFSET_MIN)
                      * random.nextDouble();
          shares[i] = placeResidents[places.get(i)] / icbResidents;
          weights[i] = shares[i] * (1.0 + offset);
          weightSum += weights[i];
        }
        for (int i = 0; i < places.size(); i++) {
          double share = weights[i] / weightSum;
          out.add(
              new Baseline(
                  places.get(i),
                  icb,
                  stream,
                  pennies(total * share),
                  shares[i],
                  share / shares[i] - 1.0,
                  growth));
        }
      }
    }
    return out;
  }
}
