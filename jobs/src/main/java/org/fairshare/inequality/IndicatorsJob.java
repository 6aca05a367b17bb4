package org.fairshare.inequality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * "Bring your own indicators": runs one inequality method over a tidy table supplied by the user
 * (see docs/indicators.md for the layout) and returns the result rows.
 */
public final class IndicatorsJob {
  private IndicatorsJob() {}

  // The tidy input layout: every column name is spelled once, here.
  public static final String QUANTILE = "quantile";
  public static final String SUBGROUP = "subgroup";
  public static final String NUMERATOR = "numerator";
  public static final String DENOMINATOR = "denominator";
  public static final String VALUE = "value";
  public static final String STANDARD_ERROR = "standard_error";
  public static final String LOWER_CI = "lower_ci";
  public static final String UPPER_CI = "upper_ci";
  public static final String AGE_BAND = "age_band";
  public static final String STANDARD_POPULATION = "standard_population";
  public static final String EVENT_FREQUENCY = "event_frequency";
  public static final String REFERENCE_NUMERATOR = "reference_numerator";
  public static final String REFERENCE_DENOMINATOR = "reference_denominator";
  public static final String IS_REFERENCE = "is_reference";
  public static final String VARIANCE = "variance";
  public static final String EXPECTED = "expected";

  /** Known tidy columns and their types; any other column is a grouping column (string). */
  public static final List<StructField> TIDY_COLUMNS =
      List.of(
          field(QUANTILE, DataTypes.IntegerType),
          field(SUBGROUP, DataTypes.StringType),
          field(NUMERATOR, DataTypes.DoubleType),
          field(DENOMINATOR, DataTypes.DoubleType),
          field(VALUE, DataTypes.DoubleType),
          field(STANDARD_ERROR, DataTypes.DoubleType),
          field(LOWER_CI, DataTypes.DoubleType),
          field(UPPER_CI, DataTypes.DoubleType),
          field(AGE_BAND, DataTypes.IntegerType),
          field(STANDARD_POPULATION, DataTypes.DoubleType),
          field(EVENT_FREQUENCY, DataTypes.IntegerType),
          field(REFERENCE_NUMERATOR, DataTypes.DoubleType),
          field(REFERENCE_DENOMINATOR, DataTypes.DoubleType),
          field(IS_REFERENCE, DataTypes.BooleanType),
          field(VARIANCE, DataTypes.DoubleType),
          field(EXPECTED, DataTypes.DoubleType));

  public static final String CRUDE_RATE = "crude_rate";
  public static final String PROPORTION = "proportion";
  public static final String MEAN = "mean";
  public static final String DSR = "dsr";
  public static final String ISR = "isr";
  public static final String ISRATE = "israte";
  public static final String SII = "sii";
  public static final String RII = "rii";
  public static final String SII_HEAT = HeatSlopeIndex.SII_HEAT;
  public static final String RII_HEAT = HeatSlopeIndex.RII_HEAT;
  public static final String CONCENTRATION_INDEX = "concentration_index";
  public static final String LIFE_EXPECTANCY = "life_expectancy";
  public static final String HORIZONTAL_INEQUITY = HorizontalInequity.HI;

  /** Every measure name the job accepts (HEAT measures by their lower-case abbreviation). */
  public static final List<String> MEASURES = measures();

  /**
   * Parameters of a run.
   *
   * @param multiplier scale of rates and proportions; null for the method's default (100,000 for
   *     rates and DSRs, 1 for proportions and ratios, 1 for SII)
   * @param valueType SII value type (other, rate, proportion)
   * @param repetitions simulation repetitions; null for the default (100,000 SII, 100 HEAT)
   * @param favourable HEAT: higher is better
   * @param scale HEAT indicator scale (100 for percentages)
   */
  public record Parameters(
      double confidence,
      Double multiplier,
      SlopeIndex.ValueType valueType,
      Integer repetitions,
      long seed,
      boolean favourable,
      double scale) {

    /** Returns the defaults: 95%, method multipliers, other values, seed 1, favourable, 100. */
    public static Parameters defaults() {
      return new Parameters(0.95, null, SlopeIndex.ValueType.OTHER, null, 1L, true, 100);
    }
  }

  /**
   * Returns the measure computed per group of the input: crude rates, proportions, means, DSRs and
   * ISRs in the method's columns (see each class); sii, rii, concentration_index and the HEAT
   * measures as long rows (grouping columns, measure, value, lower_ci, upper_ci, confidence,
   * method).
   *
   * @param spark the session (the input must belong to it)
   * @param measure one of {@link #MEASURES}
   * @param groupBy grouping columns (not including quantile, subgroup or age band)
   * @throws IllegalArgumentException for an unknown measure, or a missing input column (named)
   */
  public static Dataset<Row> run(
      SparkSession spark,
      Dataset<Row> input,
      String measure,
      List<String> groupBy,
      Parameters parameters) {
    String m = measure.toLowerCase(Locale.ROOT);
    if (!MEASURES.contains(m)) {
      throw new IllegalArgumentException(
          "unknown measure '" + measure + "'; known: " + String.join(", ", MEASURES));
    }
    if (input.sparkSession() != spark) {
      throw new IllegalArgumentException("the input belongs to another SparkSession");
    }
    List<String> needed = new ArrayList<>(groupBy);
    needed.addAll(requiredColumns(m, input));
    Set<String> present = new LinkedHashSet<>(Arrays.asList(input.columns()));
    for (String c : needed) {
      if (!present.contains(c)) {
        throw new IllegalArgumentException(
            "input has no column '" + c + "', needed by measure '" + m + "'");
      }
    }
    double c = parameters.confidence();
    return switch (m) {
      case CRUDE_RATE ->
          CrudeRate.crudeRates(
              input, groupBy, NUMERATOR, DENOMINATOR, multiplier(parameters, 100_000), c);
      case PROPORTION ->
          Proportion.proportions(
              input, groupBy, NUMERATOR, DENOMINATOR, multiplier(parameters, 1), c);
      case MEAN -> MeanValue.means(input, groupBy, VALUE, c);
      case DSR -> dsr(input, groupBy, parameters);
      case ISR, ISRATE ->
          IndirectStandardisation.indirectlyStandardised(
              input,
              groupBy,
              new IndirectStandardisation.Inputs(
                  NUMERATOR, DENOMINATOR, REFERENCE_NUMERATOR, REFERENCE_DENOMINATOR),
              m.equals(ISR)
                  ? IndirectStandardisation.Statistic.RATIO
                  : IndirectStandardisation.Statistic.RATE,
              multiplier(parameters, m.equals(ISR) ? 1 : 100_000),
              c);
      case SII, RII -> slopeIndex(input, groupBy, parameters, m);
      case SII_HEAT, RII_HEAT ->
          HeatSlopeIndex.slopeIndex(
              input, groupBy, QUANTILE, DENOMINATOR, VALUE, parameters.scale(), m, c);
      case CONCENTRATION_INDEX -> concentrationIndex(input, groupBy, parameters);
      case HORIZONTAL_INEQUITY ->
          HorizontalInequity.horizontalInequity(
              input,
              groupBy,
              new HorizontalInequity.Inputs(
                  QUANTILE,
                  DENOMINATOR,
                  NUMERATOR,
                  Set.of(input.columns()).contains(EXPECTED) ? EXPECTED : null,
                  REFERENCE_NUMERATOR,
                  REFERENCE_DENOMINATOR),
              c);
      case LIFE_EXPECTANCY ->
          LifeExpectancy.lifeExpectancy(input, groupBy, AGE_BAND, DENOMINATOR, NUMERATOR, c);
      default -> heat(input, groupBy, parameters, m);
    };
  }

  /** Returns the input columns a measure reads, beyond the grouping columns. */
  public static List<String> requiredColumns(String measure, Dataset<Row> input) {
    Set<String> present = Set.of(input.columns());
    return switch (measure) {
      case CRUDE_RATE, PROPORTION -> List.of(NUMERATOR, DENOMINATOR);
      case MEAN -> List.of(VALUE);
      case DSR -> List.of(NUMERATOR, DENOMINATOR, AGE_BAND);
      case ISR, ISRATE ->
          List.of(NUMERATOR, DENOMINATOR, REFERENCE_NUMERATOR, REFERENCE_DENOMINATOR);
      case SII, RII ->
          present.contains(STANDARD_ERROR)
              ? List.of(QUANTILE, DENOMINATOR, VALUE, STANDARD_ERROR)
              : List.of(QUANTILE, DENOMINATOR, VALUE, LOWER_CI, UPPER_CI);
      case CONCENTRATION_INDEX, SII_HEAT, RII_HEAT -> List.of(QUANTILE, DENOMINATOR, VALUE);
      case LIFE_EXPECTANCY -> List.of(AGE_BAND, NUMERATOR, DENOMINATOR);
      case HORIZONTAL_INEQUITY ->
          present.contains(EXPECTED)
              ? List.of(QUANTILE, DENOMINATOR, NUMERATOR, EXPECTED)
              : List.of(
                  QUANTILE, DENOMINATOR, NUMERATOR, REFERENCE_NUMERATOR, REFERENCE_DENOMINATOR);
      default -> List.of(SUBGROUP, VALUE, STANDARD_ERROR, DENOMINATOR);
    };
  }

  private static Dataset<Row> dsr(Dataset<Row> input, List<String> groupBy, Parameters p) {
    Set<String> present = Set.of(input.columns());
    // Without a standard population column, ESP2013 by the band's start age.
    Dataset<Row> withStandard =
        present.contains(STANDARD_POPULATION)
            ? input
            : input.withColumn(STANDARD_POPULATION, Esp2013.weight(col(AGE_BAND)));
    return DirectStandardisation.directlyStandardisedRates(
        withStandard,
        groupBy,
        new DirectStandardisation.Inputs(
            NUMERATOR,
            DENOMINATOR,
            STANDARD_POPULATION,
            AGE_BAND,
            present.contains(EVENT_FREQUENCY) ? EVENT_FREQUENCY : null),
        multiplier(p, 100_000),
        p.confidence());
  }

  private static Dataset<Row> slopeIndex(
      Dataset<Row> input, List<String> groupBy, Parameters p, String measure) {
    boolean hasSe = Set.of(input.columns()).contains(STANDARD_ERROR);
    SlopeIndex.Inputs inputs =
        new SlopeIndex.Inputs(
            QUANTILE,
            DENOMINATOR,
            VALUE,
            null,
            hasSe ? STANDARD_ERROR : null,
            hasSe ? null : LOWER_CI,
            hasSe ? null : UPPER_CI);
    SlopeIndex.Options options =
        new SlopeIndex.Options(
            p.valueType(),
            false,
            multiplier(p, 1),
            List.of(p.confidence()),
            p.repetitions() == null ? 100_000 : p.repetitions(),
            p.seed());
    Dataset<Row> result = SlopeIndex.slopeIndex(input, groupBy, inputs, options);
    boolean sii = measure.equals(SII);
    return longRow(
        result,
        groupBy,
        measure,
        col(sii ? SlopeIndex.SII : SlopeIndex.RII),
        col(sii ? SlopeIndex.SII_LOWER : SlopeIndex.RII_LOWER),
        col(sii ? SlopeIndex.SII_UPPER : SlopeIndex.RII_UPPER));
  }

  private static Dataset<Row> concentrationIndex(
      Dataset<Row> input, List<String> groupBy, Parameters p) {
    boolean hasVariance = Set.of(input.columns()).contains(VARIANCE);
    Dataset<Row> result =
        ConcentrationIndex.concentrationIndex(
            input,
            groupBy,
            new ConcentrationIndex.Inputs(
                QUANTILE, DENOMINATOR, VALUE, hasVariance ? VARIANCE : null, null),
            ConcentrationIndex.Bounds.none(),
            p.confidence());
    return longRow(
        result,
        groupBy,
        CONCENTRATION_INDEX,
        col(IndicatorColumns.VALUE),
        col(IndicatorColumns.LOWER_CI),
        col(IndicatorColumns.UPPER_CI));
  }

  private static Dataset<Row> heat(
      Dataset<Row> input, List<String> groupBy, Parameters p, String measure) {
    Set<String> present = Set.of(input.columns());
    HeatInputs inputs =
        new HeatInputs(
            SUBGROUP,
            VALUE,
            STANDARD_ERROR,
            DENOMINATOR,
            present.contains(QUANTILE) ? QUANTILE : null,
            present.contains(IS_REFERENCE) ? IS_REFERENCE : null,
            p.favourable(),
            p.scale(),
            p.repetitions() == null ? 100 : p.repetitions(),
            p.seed());
    return HeatMeasures.summaryMeasures(input, groupBy, inputs, p.confidence())
        .filter(col(IndicatorColumns.MEASURE).equalTo(measure));
  }

  private static Dataset<Row> longRow(
      Dataset<Row> result,
      List<String> groupBy,
      String measure,
      Column value,
      Column lower,
      Column upper) {
    List<Column> out = new ArrayList<>();
    groupBy.forEach(g -> out.add(col(g)));
    out.add(lit(measure).as(IndicatorColumns.MEASURE));
    out.add(value.as(IndicatorColumns.VALUE));
    out.add(lower.as(IndicatorColumns.LOWER_CI));
    out.add(upper.as(IndicatorColumns.UPPER_CI));
    out.add(col(IndicatorColumns.CONFIDENCE));
    out.add(col(IndicatorColumns.METHOD));
    return result.select(out.toArray(Column[]::new));
  }

  private static double multiplier(Parameters p, double fallback) {
    return p.multiplier() == null ? fallback : p.multiplier();
  }

  private static StructField field(String name, DataType type) {
    return new StructField(name, type, true, org.apache.spark.sql.types.Metadata.empty());
  }

  private static List<String> measures() {
    List<String> all =
        new ArrayList<>(
            List.of(
                CRUDE_RATE,
                PROPORTION,
                MEAN,
                DSR,
                ISR,
                ISRATE,
                SII,
                RII,
                SII_HEAT,
                RII_HEAT,
                CONCENTRATION_INDEX,
                HORIZONTAL_INEQUITY,
                LIFE_EXPECTANCY));
    all.addAll(HeatMeasures.ALL);
    return List.copyOf(all);
  }
}
