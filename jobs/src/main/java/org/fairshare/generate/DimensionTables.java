package org.fairshare.generate;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fairshare.schema.Deprivation;

/**
 * Rows of the small input datasets built on the driver (geography, practices, deprivation, supply,
 * cost indices), in their contract's column order, plus the small internal tables the fact
 * generators join to.
 */
final class DimensionTables {
  private DimensionTables() {}

  static final String MARKET_FORCES = "market_forces";
  static final String RURALITY = "rurality";

  /** Returns geography lookup rows, one per area, in {@code GeographyLookup.SCHEMA} order. */
  static List<Row> geography(SyntheticGeography geo) {
    int[] msoaOrdinal = ordinals(geo.msoaLa);
    int[] areaOrdinal = ordinals(geo.areaMsoa);
    List<Row> rows = new ArrayList<>(geo.areas);
    for (int a = 0; a < geo.areas; a++) {
      int msoa = geo.areaMsoa[a];
      int la = geo.msoaLa[msoa];
      int subIcb = geo.laSubIcb[la];
      int icb = geo.subIcbIcb[subIcb];
      int region = geo.icbRegion[icb];
      String laName = SyntheticGeography.laName(la);
      String msoaName = String.format("%s %03d", laName, msoaOrdinal[msoa] + 1);
      rows.add(
          RowFactory.create(
              SyntheticGeography.areaCode(a),
              msoaName + letters(areaOrdinal[a]),
              2021,
              SyntheticGeography.msoaCode(msoa),
              msoaName,
              SyntheticGeography.laCode(la),
              laName,
              SyntheticGeography.laCode(la),
              laName,
              SyntheticGeography.subIcbCode(subIcb),
              SyntheticGeography.subIcbName(subIcb),
              SyntheticGeography.icbCode(icb),
              SyntheticGeography.icbName(icb),
              SyntheticGeography.regionCode(region),
              SyntheticGeography.regionName(region)));
    }
    return rows;
  }

  /** Returns practice rows in {@code Practices.SCHEMA} order. */
  static List<Row> practices(SyntheticGeography geo) {
    List<Row> rows = new ArrayList<>(geo.practices());
    for (int p = 0; p < geo.practices(); p++) {
      int pcn = geo.practicePcn[p];
      int subIcb = geo.pcnSubIcb[pcn];
      rows.add(
          RowFactory.create(
              SyntheticGeography.practiceCode(p),
              SyntheticGeography.practiceName(p),
              SyntheticGeography.pcnCode(pcn),
              SyntheticGeography.pcnName(pcn),
              SyntheticGeography.subIcbCode(subIcb),
              SyntheticGeography.icbCode(geo.subIcbIcb[subIcb])));
    }
    return rows;
  }

  /** Returns deprivation rows in {@code Deprivation.SCHEMA} order. */
  static List<Row> deprivation(AreaProfiles profiles) {
    int domains = Deprivation.DOMAINS.size();
    List<Row> rows = new ArrayList<>(profiles.n);
    for (int a = 0; a < profiles.n; a++) {
      Object[] values = new Object[5 + 2 * domains];
      values[0] = SyntheticGeography.areaCode(a);
      values[1] = "SYNTHETIC";
      values[2] = profiles.imdScore[a];
      values[3] = profiles.imdRank[a];
      values[4] = profiles.imdDecile[a];
      for (int k = 0; k < domains; k++) {
        values[5 + k] = profiles.domainScores[k][a];
        values[5 + domains + k] = profiles.domainRanks[k][a];
      }
      rows.add(RowFactory.create(values));
    }
    return rows;
  }

  /** Returns supply rows (area x year) in {@code Supply.SCHEMA} order; supply is constant. */
  static List<Row> supply(AreaProfiles profiles, int firstYear, int lastYear) {
    List<Row> rows = new ArrayList<>();
    for (int a = 0; a < profiles.n; a++) {
      for (int year = firstYear; year <= lastYear; year++) {
        rows.add(
            RowFactory.create(
                SyntheticGeography.areaCode(a),
                year,
                profiles.gpFtePer10k[a],
                profiles.travelMinutes[a]));
      }
    }
    return rows;
  }

  /** Returns the market forces factor of an ICB as published (4 decimals). */
  static double marketForces(SyntheticGeography geo, int icb) {
    return Math.round(geo.icbMarketForces[icb] * 10_000.0) / 10_000.0;
  }

  /**
   * Returns cost index rows in {@code CostIndices.SCHEMA} order: market forces per ICB (about
   * 0.93-1.15) and rurality per place (0.98 + 0.10 x rurality, about 0.98-1.08).
   */
  static List<Row> costIndices(SyntheticGeography geo) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < geo.icbs(); i++) {
      rows.add(
          RowFactory.create(SyntheticGeography.icbCode(i), MARKET_FORCES, marketForces(geo, i)));
    }
    for (int l = 0; l < geo.las(); l++) {
      double value = Math.round((0.98 + 0.10 * geo.laRurality[l]) * 10_000.0) / 10_000.0;
      rows.add(RowFactory.create(SyntheticGeography.laCode(l), RURALITY, value));
    }
    return rows;
  }

  /** Returns the position of each child among its parent's children (0-based). */
  private static int[] ordinals(int[] parentOf) {
    int[] out = new int[parentOf.length];
    for (int i = 1; i < parentOf.length; i++) {
      out[i] = parentOf[i] == parentOf[i - 1] ? out[i - 1] + 1 : 0;
    }
    return out;
  }

  /** Returns A, B, ..., Z, AA, AB, ... for 0, 1, 2, ... as in LSOA names. */
  private static String letters(int index) {
    StringBuilder out = new StringBuilder();
    int i = index;
    do {
      out.insert(0, (char) ('A' + i % 26));
      i = i / 26 - 1;
    } while (i >= 0);
    return out.toString();
  }
}
