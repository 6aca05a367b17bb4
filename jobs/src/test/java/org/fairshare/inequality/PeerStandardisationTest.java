package org.fairshare.inequality;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fairshare.inequality.PeerData.DETERMINISTIC;
import static org.fairshare.inequality.PeerData.assertClose;
import static org.fairshare.inequality.PeerData.d;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** PHEindicatormethods peer cases: directly and indirectly standardised rates and ratios. */
class PeerStandardisationTest extends SparkTestBase {

  private static final StructType DSR_INPUTS =
      new StructType()
          .add("area", DataTypes.StringType)
          .add("ageband_index", DataTypes.IntegerType)
          .add("ageband", DataTypes.StringType)
          .add("count", DataTypes.DoubleType)
          .add("pop", DataTypes.DoubleType)
          .add("stdpop", DataTypes.DoubleType)
          .add("stdpop_name", DataTypes.StringType);

  private static final StructType DSR_NON_INDEPENDENT =
      new StructType()
          .add("area", DataTypes.StringType)
          .add("ageband_index", DataTypes.IntegerType)
          .add("ageband", DataTypes.StringType)
          .add("pop", DataTypes.DoubleType)
          .add("stdpop", DataTypes.DoubleType)
          .add("eventfreq", DataTypes.IntegerType)
          .add("unique_individuals", DataTypes.DoubleType);

  private static final StructType DSR_EXPECTED =
      new StructType()
          .add("area", DataTypes.StringType)
          .add("multiplier", DataTypes.DoubleType)
          .add("independent_events", DataTypes.BooleanType)
          .add("total_count", DataTypes.DoubleType)
          .add("total_pop", DataTypes.DoubleType)
          .add("value", DataTypes.DoubleType)
          .add("lower95", DataTypes.DoubleType)
          .add("upper95", DataTypes.DoubleType)
          .add("lower99_8", DataTypes.DoubleType)
          .add("upper99_8", DataTypes.DoubleType)
          .add("method", DataTypes.StringType)
          .add("note", DataTypes.StringType);

  private static final StructType DSR_ERRORS =
      new StructType()
          .add("case", DataTypes.StringType)
          .add("ageband_index", DataTypes.IntegerType)
          .add("ageband", DataTypes.StringType)
          .add("count", DataTypes.DoubleType)
          .add("pop", DataTypes.DoubleType)
          .add("stdpop", DataTypes.DoubleType)
          .add("expected_outcome", DataTypes.StringType);

  @TestFactory
  Stream<DynamicTest> directlyStandardisedRatesMatchPeerCases() {
    if (PeerData.absent()) {
      return PeerData.skipped();
    }
    Dataset<Row> independent = PeerData.read(spark, "dsr_inputs.csv", DSR_INPUTS);
    Dataset<Row> nonIndependent =
        PeerData.read(spark, "dsr_nonindependent_inputs.csv", DSR_NON_INDEPENDENT);
    List<Row> expected = PeerData.read(spark, "dsr_expected.csv", DSR_EXPECTED).collectAsList();
    List<DynamicTest> tests = new ArrayList<>();
    for (double m : new double[] {10000, 100000}) {
      Map<String, Row> at95 = dsr(independent, nonIndependent, m, 0.95);
      Map<String, Row> at998 = dsr(independent, nonIndependent, m, 0.998);
      for (Row e : expected) {
        if (d(e, "multiplier") != m) {
          continue;
        }
        String area = e.getString(0);
        tests.add(
            DynamicTest.dynamicTest(
                area + " per " + (long) m,
                () -> {
                  Row a = at95.get(area);
                  Row b = at998.get(area);
                  assertClose(d(a, "numerator"), d(e, "total_count"), DETERMINISTIC, "count");
                  assertClose(d(a, "denominator"), d(e, "total_pop"), DETERMINISTIC, "pop");
                  assertClose(d(a, "value"), d(e, "value"), DETERMINISTIC, "value");
                  assertClose(d(a, "lower_ci"), d(e, "lower95"), DETERMINISTIC, "lower95");
                  assertClose(d(a, "upper_ci"), d(e, "upper95"), DETERMINISTIC, "upper95");
                  if (!area.equals("testdata_1976")) {
                    assertClose(d(b, "lower_ci"), d(e, "lower99_8"), DETERMINISTIC, "lower99_8");
                    assertClose(d(b, "upper_ci"), d(e, "upper99_8"), DETERMINISTIC, "upper99_8");
                  } else {
                    // The sheet's 99.8% cells are blank; the README's note gives the values.
                    double scale = m / 10000;
                    assertClose(d(b, "lower_ci"), 765.9282106568956 * scale, 1e-8, "lower99_8");
                    assertClose(d(b, "upper_ci"), 959.92117985717 * scale, 1e-8, "upper99_8");
                  }
                  assertThat(a.<String>getAs("method")).isEqualTo(e.<String>getAs("method"));
                  if (d(e, "value") == null) {
                    assertThat(a.<String>getAs("statistic"))
                        .isEqualTo("dsr NA for total count < 10");
                  }
                }));
      }
    }
    assertThat(tests).hasSize(12);
    return tests.stream();
  }

  private static Map<String, Row> dsr(
      Dataset<Row> independent, Dataset<Row> nonIndependent, double m, double c) {
    Dataset<Row> a =
        DirectStandardisation.directlyStandardisedRates(
            independent,
            List.of("area"),
            DirectStandardisation.Inputs.independent("count", "pop", "stdpop"),
            m,
            c);
    Dataset<Row> b =
        DirectStandardisation.directlyStandardisedRates(
            nonIndependent,
            List.of("area"),
            new DirectStandardisation.Inputs(
                "unique_individuals", "pop", "stdpop", "ageband_index", "eventfreq"),
            m,
            c);
    return PeerData.byKey(a.unionByName(b), r -> r.getString(0));
  }

  @TestFactory
  Stream<DynamicTest> directlyStandardisedRateRejectsNegativeInputsNamingTheValue() {
    if (PeerData.absent()) {
      return PeerData.skipped();
    }
    Dataset<Row> cases = PeerData.read(spark, "dsr_error_inputs.csv", DSR_ERRORS);
    Map<String, String> bad =
        Map.of("testdata_err1", "-26", "testdata_err3", "-558", "testdata_err4", "-6000");
    return bad.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () ->
                        assertThatThrownBy(
                                () ->
                                    DirectStandardisation.directlyStandardisedRates(
                                            cases.filter(col("case").equalTo(e.getKey())),
                                            List.of("case"),
                                            DirectStandardisation.Inputs.independent(
                                                "count", "pop", "stdpop"),
                                            100000,
                                            0.95)
                                        .collectAsList())
                            .hasStackTraceContaining(e.getValue())));
  }

  private static final StructType ISR_REF =
      new StructType()
          .add("ageband_index", DataTypes.IntegerType)
          .add("ageband", DataTypes.StringType)
          .add("refcount", DataTypes.DoubleType)
          .add("refpop", DataTypes.DoubleType);

  private static final StructType ISR_INPUTS =
      new StructType()
          .add("case_group", DataTypes.StringType)
          .add("area", DataTypes.StringType)
          .add("ageband_index", DataTypes.IntegerType)
          .add("ageband", DataTypes.StringType)
          .add("count", DataTypes.DoubleType)
          .add("pop", DataTypes.DoubleType);

  private static final StructType ISR_EXPECTED =
      new StructType()
          .add("case_group", DataTypes.StringType)
          .add("area", DataTypes.StringType)
          .add("statistic", DataTypes.StringType)
          .add("multiplier_or_refvalue", DataTypes.DoubleType)
          .add("observed", DataTypes.DoubleType)
          .add("expected", DataTypes.DoubleType)
          .add("ref_rate", DataTypes.DoubleType)
          .add("value", DataTypes.DoubleType)
          .add("lower95", DataTypes.DoubleType)
          .add("upper95", DataTypes.DoubleType)
          .add("lower99_8", DataTypes.DoubleType)
          .add("upper99_8", DataTypes.DoubleType)
          .add("method", DataTypes.StringType);

  @TestFactory
  Stream<DynamicTest> indirectlyStandardisedRatiosAndRatesMatchPeerCases() {
    if (PeerData.absent()) {
      return PeerData.skipped();
    }
    Dataset<Row> ref = PeerData.read(spark, "isr_refdata.csv", ISR_REF).drop("ageband");
    Dataset<Row> local =
        PeerData.read(spark, "isr_inputs.csv", ISR_INPUTS).join(ref, "ageband_index");
    List<Row> expected = PeerData.read(spark, "isr_expected.csv", ISR_EXPECTED).collectAsList();
    IndirectStandardisation.Inputs inputs =
        new IndirectStandardisation.Inputs("count", "pop", "refcount", "refpop");
    Map<String, Map<String, Row>> results = new java.util.HashMap<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (Row e : expected) {
      String key = e.getString(0) + "|" + e.getString(1);
      IndirectStandardisation.Statistic statistic =
          e.getString(2).equals("ISRatio")
              ? IndirectStandardisation.Statistic.RATIO
              : IndirectStandardisation.Statistic.RATE;
      double m = d(e, "multiplier_or_refvalue");
      tests.add(
          DynamicTest.dynamicTest(
              key + " " + statistic + " x" + m,
              () -> {
                Row a = isr(results, local, inputs, statistic, m, 0.95).get(key);
                assertClose(d(a, "observed"), d(e, "observed"), DETERMINISTIC, "observed");
                assertClose(d(a, "expected"), d(e, "expected"), DETERMINISTIC, "expected");
                assertClose(d(a, "ref_rate"), d(e, "ref_rate"), DETERMINISTIC, "ref_rate");
                assertClose(d(a, "value"), d(e, "value"), DETERMINISTIC, "value");
                assertClose(d(a, "lower_ci"), d(e, "lower95"), DETERMINISTIC, "lower95");
                assertClose(d(a, "upper_ci"), d(e, "upper95"), DETERMINISTIC, "upper95");
                assertThat(a.<String>getAs("method")).isEqualTo(e.<String>getAs("method"));
                if (d(e, "lower99_8") != null) {
                  Row b = isr(results, local, inputs, statistic, m, 0.998).get(key);
                  assertClose(d(b, "lower_ci"), d(e, "lower99_8"), DETERMINISTIC, "lower99_8");
                  assertClose(d(b, "upper_ci"), d(e, "upper99_8"), DETERMINISTIC, "upper99_8");
                }
              }));
    }
    assertThat(tests).hasSize(16);
    return tests.stream();
  }

  private static Map<String, Row> isr(
      Map<String, Map<String, Row>> results,
      Dataset<Row> local,
      IndirectStandardisation.Inputs inputs,
      IndirectStandardisation.Statistic statistic,
      double m,
      double c) {
    return results.computeIfAbsent(
        statistic + "|" + m + "|" + c,
        k ->
            PeerData.byKey(
                IndirectStandardisation.indirectlyStandardised(
                    local, List.of("case_group", "area"), inputs, statistic, m, c),
                r -> r.getString(0) + "|" + r.getString(1)));
  }
}
