package org.fairshare.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fairshare.schema.Activity;
import org.fairshare.schema.Baselines;
import org.fairshare.schema.Columns;
import org.fairshare.schema.CostIndices;
import org.fairshare.schema.Datasets;
import org.fairshare.schema.Deprivation;
import org.fairshare.schema.Envelopes;
import org.fairshare.schema.Fields;
import org.fairshare.schema.GeographyLookup;
import org.fairshare.schema.Mortality;
import org.fairshare.schema.Population;
import org.fairshare.schema.PracticeAttribution;
import org.fairshare.schema.Practices;
import org.fairshare.schema.RegisteredLists;
import org.fairshare.schema.Spend;
import org.fairshare.schema.Supply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a deterministic synthetic England: every input dataset of the contracts in {@code
 * org.fairshare.schema}, with planted need, supply, under-use and mortality effects whose true
 * values go to {@code _truth/}. See {@code datasets/SYNTHETIC.md}.
 */
public final class SyntheticEngland {
  private SyntheticEngland() {}

  private static final Logger LOG = LoggerFactory.getLogger(SyntheticEngland.class);

  /** Areas per partition of the population and activity generation. */
  private static final int AREAS_PER_PARTITION = 4_000;

  /**
   * Writes every input dataset to {@code outDir/<dataset>} (replacing what was there) and the truth
   * tables to {@code outDir/_truth/<name>}, and returns rows written and seconds taken. The same
   * options always give the same rows.
   */
  public static GenerationReport generate(SparkSession spark, GeneratorOptions opts, Path outDir) {
    long start = System.nanoTime();
    Output out = new Output(spark, outDir, opts.format());
    SplittableRandom root = new SplittableRandom(opts.seed());
    SyntheticGeography geo = SyntheticGeography.build(opts.areas(), root.split());
    AreaProfiles profiles = AreaProfiles.build(geo, root.split());
    SplittableRandom money = root.split();
    int firstYear = opts.firstYear();
    int lastYear = opts.lastYear();
    long seed = opts.seed();
    Map<String, Long> rows = new LinkedHashMap<>();

    rows.put(
        GeographyLookup.DATASET,
        out.writeRows(GeographyLookup.DATASET, DimensionTables.geography(geo)));
    rows.put(Practices.DATASET, out.writeRows(Practices.DATASET, DimensionTables.practices(geo)));

    Dataset<Row> areaModel = out.frame(areaModelRows(geo, profiles), FactTables.AREA_MODEL);
    int partitions = Math.max(2, opts.areas() / AREAS_PER_PARTITION);
    Dataset<Row> populationRows =
        FactTables.population(
            areaModel,
            out.frame(ageSexYearRows(firstYear, lastYear), FactTables.AGE_SEX_YEARS),
            partitions,
            seed,
            lastYear,
            PlantedEffects.POPULATION_GROWTH,
            Demography.AGE_TILT);
    rows.put(Population.DATASET, out.write(Population.DATASET, populationRows));
    Dataset<Row> population = out.read(Population.DATASET, Population.SCHEMA);

    rows.put(
        Deprivation.DATASET,
        out.writeRows(Deprivation.DATASET, DimensionTables.deprivation(profiles)));

    Dataset<Row> cells =
        FactTables.registrationCells(
            population, out.frame(registrationRows(geo, profiles), FactTables.REGISTRATIONS), seed);
    rows.put(
        RegisteredLists.DATASET,
        out.write(RegisteredLists.DATASET, FactTables.registeredLists(cells)));
    rows.put(
        PracticeAttribution.DATASET,
        out.write(PracticeAttribution.DATASET, FactTables.attribution(cells)));

    Dataset<Row> activityRows =
        FactTables.activity(
            population,
            areaModel,
            out.frame(serviceRateRows(profiles), FactTables.SERVICE_RATES),
            seed,
            opts.activityMultiplier(),
            PlantedEffects.UNDERUSE_FACTOR);
    rows.put(Activity.DATASET, out.write(Activity.DATASET, activityRows));

    Dataset<Row> areaIcb = areaModel.select(Columns.AREA_CODE, Columns.ICB_CODE);
    rows.put(
        Spend.DATASET,
        out.write(
            Spend.DATASET,
            FactTables.spend(
                out.read(Activity.DATASET, Activity.SCHEMA),
                areaIcb,
                out.frame(
                    Finance.unitCosts(geo, firstYear, lastYear, money), FactTables.UNIT_COSTS))));

    rows.put(
        Mortality.DATASET,
        out.write(
            Mortality.DATASET,
            FactTables.mortality(
                population,
                areaModel,
                out.frame(mortalityRateRows(), FactTables.MORTALITY_RATES),
                out.frame(decileMultiplierRows(), FactTables.DECILE_MULTIPLIERS),
                seed)));

    rows.put(
        Supply.DATASET,
        out.writeRows(Supply.DATASET, DimensionTables.supply(profiles, firstYear, lastYear)));

    long[] icbPatients = registeredPatientsByIcb(geo, out, lastYear);
    double[] envelopeFactors = Finance.envelopeFactors(geo, profiles, icbPatients);
    Map<String, BigDecimal[]> envelopes = new HashMap<>();
    List<Row> envelopeRows = new ArrayList<>();
    for (String stream : Finance.STREAMS) {
      BigDecimal[] byIcb = new BigDecimal[geo.icbs()];
      for (int i = 0; i < geo.icbs(); i++) {
        byIcb[i] = Finance.envelope(stream, icbPatients[i], envelopeFactors[i]);
        envelopeRows.add(
            RowFactory.create(
                SyntheticGeography.icbCode(i), opts.financialYear(), stream, byIcb[i]));
      }
      envelopes.put(stream, byIcb);
    }
    List<Finance.Baseline> baselines =
        Finance.baselines(geo, envelopes, residentsByPlace(geo, population, lastYear), money);
    List<Row> baselineRows = new ArrayList<>();
    for (Finance.Baseline b : baselines) {
      baselineRows.add(
          RowFactory.create(
              SyntheticGeography.laCode(b.place()),
              opts.previousFinancialYear(),
              b.stream(),
              b.baselineGbp()));
    }
    rows.put(Baselines.DATASET, out.writeRows(Baselines.DATASET, baselineRows));
    rows.put(Envelopes.DATASET, out.writeRows(Envelopes.DATASET, envelopeRows));
    rows.put(
        CostIndices.DATASET, out.writeRows(CostIndices.DATASET, DimensionTables.costIndices(geo)));

    Map<String, Long> truthRows = new LinkedHashMap<>();
    TruthRows truth = new TruthRows(geo, profiles, opts);
    truthRows.put(
        Truth.NeedCoefficients.NAME,
        out.writeTruth(
            Truth.NeedCoefficients.NAME, truth.needCoefficients(), Truth.NeedCoefficients.SCHEMA));
    truthRows.put(
        Truth.PlantedUnderuse.NAME,
        out.writeTruth(
            Truth.PlantedUnderuse.NAME, truth.plantedUnderuse(), Truth.PlantedUnderuse.SCHEMA));
    truthRows.put(
        Truth.AccessToNeed.NAME,
        out.writeTruth(
            Truth.AccessToNeed.NAME,
            // One row per place and service.
            FactTables.accessToNeed(
                    population,
                    areaModel,
                    out.frame(serviceRateRows(profiles), FactTables.SERVICE_RATES),
                    lastYear,
                    PlantedEffects.UNDERUSE_FACTOR)
                .select(
                    col(Truth.AccessToNeed.PLACE_CODE),
                    col(Truth.AccessToNeed.SERVICE),
                    lit(PlantedEffects.UNDERUSE_QUINTILE).as(Truth.AccessToNeed.IMD_QUINTILE),
                    col(Truth.AccessToNeed.NEED_RATIO),
                    col(Truth.AccessToNeed.PLANTED_FACTOR))
                .orderBy(Truth.AccessToNeed.PLACE_CODE, Truth.AccessToNeed.SERVICE)
                .collectAsList(),
            Truth.AccessToNeed.SCHEMA));
    truthRows.put(
        Truth.BaseRateTable.NAME,
        out.writeTruth(Truth.BaseRateTable.NAME, truth.baseRates(), Truth.BaseRateTable.SCHEMA));
    truthRows.put(
        Truth.AreaEffects.NAME,
        out.writeTruth(Truth.AreaEffects.NAME, truth.areaEffects(), Truth.AreaEffects.SCHEMA));
    truthRows.put(
        Truth.MortalityGradient.NAME,
        out.writeTruth(
            Truth.MortalityGradient.NAME,
            truth.mortalityGradient(),
            Truth.MortalityGradient.SCHEMA));
    truthRows.put(
        Truth.BaselineOffsets.NAME,
        out.writeTruth(
            Truth.BaselineOffsets.NAME,
            truth.baselineOffsets(baselines),
            Truth.BaselineOffsets.SCHEMA));
    truthRows.put(
        Truth.IcbFactors.NAME,
        out.writeTruth(
            Truth.IcbFactors.NAME,
            truth.icbFactors(icbPatients, envelopeFactors),
            Truth.IcbFactors.SCHEMA));
    truthRows.put(
        Truth.Parameters.NAME,
        out.writeTruth(Truth.Parameters.NAME, truth.parameters(), Truth.Parameters.SCHEMA));

    double seconds = (System.nanoTime() - start) / 1e9;
    LOG.info(
        "Generated synthetic England ({} areas, seed {}) in {} s: {}",
        opts.areas(),
        seed,
        String.format("%.1f", seconds),
        rows);
    return new GenerationReport(rows, truthRows, seconds);
  }

  private static List<Row> areaModelRows(SyntheticGeography geo, AreaProfiles profiles) {
    List<Row> rows = new ArrayList<>(geo.areas);
    for (int a = 0; a < geo.areas; a++) {
      rows.add(
          RowFactory.create(
              SyntheticGeography.areaCode(a),
              SyntheticGeography.laCode(geo.areaLa(a)),
              SyntheticGeography.icbCode(geo.areaIcb(a)),
              profiles.imdDecile[a],
              profiles.deprivationZ[a],
              profiles.supplyZ[a],
              profiles.isUnderuseArea[a],
              profiles.populationScale[a]));
    }
    return rows;
  }

  private static List<Row> registrationRows(SyntheticGeography geo, AreaProfiles profiles) {
    List<Row> rows = new ArrayList<>(geo.registrationArea.length);
    for (int i = 0; i < geo.registrationArea.length; i++) {
      int area = geo.registrationArea[i];
      rows.add(
          RowFactory.create(
              SyntheticGeography.areaCode(area),
              SyntheticGeography.practiceCode(geo.registrationPractice[i]),
              geo.registrationShare[i],
              profiles.listInflation[area]));
    }
    return rows;
  }

  private static List<Row> ageSexYearRows(int firstYear, int lastYear) {
    List<Row> rows = new ArrayList<>();
    for (int year = firstYear; year <= lastYear; year++) {
      for (String sex : List.of("F", "M")) {
        for (int age = 0; age <= Columns.MAX_AGE; age++) {
          rows.add(RowFactory.create(year, sex, age, Demography.ageWeight(sex, age)));
        }
      }
    }
    return rows;
  }

  private static List<Row> serviceRateRows(AreaProfiles profiles) {
    List<Row> rows = new ArrayList<>();
    for (String service : PlantedEffects.SERVICES) {
      for (String sex : List.of("F", "M")) {
        for (int age = 0; age <= Columns.MAX_AGE; age++) {
          double rate = BaseRates.rate(service, sex, age);
          if (rate > 0) {
            rows.add(
                RowFactory.create(
                    service,
                    sex,
                    age,
                    rate,
                    PlantedEffects.DEPRIVATION_BETA.get(service),
                    PlantedEffects.SUPPLY_GAMMA.get(service),
                    PlantedEffects.UNDERUSE_SERVICES.contains(service)));
          }
        }
      }
    }
    return rows;
  }

  static List<Row> mortalityRateRows() {
    List<Row> rows = new ArrayList<>();
    for (String sex : List.of("F", "M")) {
      for (int age = 0; age <= Columns.MAX_AGE; age++) {
        double rate = Demography.deathRate(sex, age);
        double avoidable = Demography.avoidableShare(age);
        rows.add(RowFactory.create(sex, age, rate * avoidable, rate * (1.0 - avoidable)));
      }
    }
    return rows;
  }

  private static List<Row> decileMultiplierRows() {
    List<Row> rows = new ArrayList<>();
    for (int decile = 1; decile <= 10; decile++) {
      rows.add(
          RowFactory.create(
              decile,
              Demography.decileMultiplier(PlantedEffects.AVOIDABLE_MORTALITY_RATIO, decile),
              Demography.decileMultiplier(PlantedEffects.OTHER_MORTALITY_RATIO, decile)));
    }
    return rows;
  }

  /** Returns registered patients per ICB (index) in {@code year}, from the written lists. */
  private static long[] registeredPatientsByIcb(SyntheticGeography geo, Output out, int year) {
    Dataset<Row> practiceIcb =
        out.read(Practices.DATASET, Practices.SCHEMA)
            .select(Practices.PRACTICE_CODE, Practices.ICB_CODE);
    List<Row> totals =
        out.read(RegisteredLists.DATASET, RegisteredLists.SCHEMA)
            .filter(col(RegisteredLists.YEAR).equalTo(year))
            .join(practiceIcb, RegisteredLists.PRACTICE_CODE)
            .groupBy(Practices.ICB_CODE)
            .agg(sum(RegisteredLists.PATIENTS).as(RegisteredLists.PATIENTS))
            .collectAsList();
    long[] patients = new long[geo.icbs()];
    for (Row r : totals) {
      patients[icbIndex(r.getString(0))] = r.getLong(1);
    }
    return patients;
  }

  /** Returns residents per place (index) in {@code year}, from the written population. */
  private static double[] residentsByPlace(
      SyntheticGeography geo, Dataset<Row> population, int year) {
    Dataset<Row> areaPlace = population.sparkSession().createDataFrame(placeRows(geo), AREA_PLACE);
    List<Row> totals =
        population
            .filter(col(Population.YEAR).equalTo(year))
            .join(areaPlace, Population.AREA_CODE)
            .groupBy(Columns.PLACE_CODE)
            .agg(sum(Population.PERSONS).as(Population.PERSONS))
            .collectAsList();
    double[] residents = new double[geo.las()];
    for (Row r : totals) {
      residents[Integer.parseInt(r.getString(0).substring(2)) - 1] = r.getDouble(1);
    }
    return residents;
  }

  private static final StructType AREA_PLACE =
      new StructType(
          new StructField[] {
            Fields.required(Columns.AREA_CODE, DataTypes.StringType, "Small-area code"),
            Fields.required(Columns.PLACE_CODE, DataTypes.StringType, "Place code")
          });

  private static List<Row> placeRows(SyntheticGeography geo) {
    List<Row> rows = new ArrayList<>(geo.areas);
    for (int a = 0; a < geo.areas; a++) {
      rows.add(
          RowFactory.create(
              SyntheticGeography.areaCode(a), SyntheticGeography.laCode(geo.areaLa(a))));
    }
    return rows;
  }

  private static int icbIndex(String icbCode) {
    return Integer.parseInt(icbCode.substring(2)) - 1;
  }

  /** Writes and reads the generated datasets in the chosen format, always with the schema. */
  private static final class Output {
    private final SparkSession spark;
    private final Path outDir;
    private final String format;

    Output(SparkSession spark, Path outDir, String format) {
      this.spark = spark;
      this.outDir = outDir;
      this.format = format;
    }

    Dataset<Row> frame(List<Row> rows, StructType schema) {
      return spark.createDataFrame(rows, schema);
    }

    /** Writes driver-built rows (in contract column order) as a dataset, returns their count. */
    long writeRows(String dataset, List<Row> rows) {
      writeFrame(dataset, frame(rows, contractSchema(dataset)));
      return rows.size();
    }

    /** Writes a dataset in its contract's column order and types, returns its row count. */
    long write(String dataset, Dataset<Row> rows) {
      writeFrame(dataset, rows);
      long count = read(dataset, contractSchema(dataset)).count();
      LOG.info("Wrote {} rows of {}", count, dataset);
      return count;
    }

    private static StructType contractSchema(String dataset) {
      return Datasets.byName(dataset)
          .orElseThrow(() -> new IllegalArgumentException("no contract named " + dataset))
          .schema();
    }

    private void writeFrame(String dataset, Dataset<Row> rows) {
      Dataset<Row> conformed = conform(rows, contractSchema(dataset));
      String path = outDir.resolve(dataset).toString();
      if ("csv".equals(format)) {
        conformed.write().mode(SaveMode.Overwrite).option("header", "true").csv(path);
      } else {
        conformed.write().mode(SaveMode.Overwrite).parquet(path);
      }
    }

    Dataset<Row> read(String dataset, StructType schema) {
      String path = outDir.resolve(dataset).toString();
      if ("csv".equals(format)) {
        return spark
            .read()
            .schema(schema)
            .option("header", "true")
            .option("mode", "FAILFAST")
            .csv(path);
      }
      return spark.read().schema(schema).parquet(path);
    }

    long writeTruth(String name, List<Row> rows, StructType schema) {
      String path = outDir.resolve(Truth.FOLDER).resolve(name).toString();
      conform(frame(rows, schema), schema)
          .coalesce(1)
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(path);
      return rows.size();
    }

    private static Dataset<Row> conform(Dataset<Row> rows, StructType schema) {
      List<Column> columns = new ArrayList<>();
      for (StructField f : schema.fields()) {
        columns.add(col(f.name()).cast(f.dataType()).as(f.name(), f.metadata()));
      }
      return rows.select(columns.toArray(new Column[0]));
    }
  }
}
