package org.fairshare.inequality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.Test;

/** HEAT measures on inputs that mix ordered and non-ordered groups, and as the CLI runs them. */
class HeatRobustnessTest extends SparkTestBase {

  private static final StructType GROUPS =
      new StructType()
          .add("area", DataTypes.StringType)
          .add("sub", DataTypes.StringType)
          .add("ord", DataTypes.IntegerType)
          .add("pop", DataTypes.DoubleType)
          .add("y", DataTypes.DoubleType)
          .add("se", DataTypes.DoubleType)
          .add("ref", DataTypes.BooleanType);

  /**
   * Area Q is ordered (quintiles), R is a non-ordered dimension, S has one row without an order, T
   * is a non-ordered pair and U an ordered pair.
   */
  private static Dataset<Row> mixed() {
    List<Object[]> rows = new ArrayList<>();
    for (int q = 1; q <= 5; q++) {
      rows.add(new Object[] {"Q", "q" + q, q, 100.0 + q, 40.0 + 5 * q, 1.0, false});
    }
    rows.add(new Object[] {"R", "north", null, 100.0, 10.0, 1.0, false});
    rows.add(new Object[] {"R", "south", null, 100.0, 20.0, 2.0, false});
    rows.add(new Object[] {"R", "east", null, 100.0, 30.0, 3.0, false});
    rows.add(new Object[] {"S", "a", 1, 100.0, 10.0, 1.0, false});
    rows.add(new Object[] {"S", "b", 2, 100.0, 20.0, 2.0, false});
    rows.add(new Object[] {"S", "c", null, 100.0, 30.0, 3.0, false});
    rows.add(new Object[] {"T", "m", null, 100.0, 10.0, 1.0, false});
    rows.add(new Object[] {"T", "f", null, 100.0, 20.0, 2.0, false});
    rows.add(new Object[] {"U", "low", 1, 100.0, 10.0, 1.0, false});
    rows.add(new Object[] {"U", "high", 2, 100.0, 20.0, 2.0, false});
    return rows(GROUPS, rows.toArray(Object[][]::new));
  }

  private static Map<String, Row> heat(Dataset<Row> in, String area) {
    HeatInputs inputs = new HeatInputs("sub", "y", "se", "pop", "ord", "ref", true, 100, 100, 3);
    return PeerData.byKey(
        HeatMeasures.summaryMeasures(in, List.of("area"), inputs, 0.95)
            .filter(org.apache.spark.sql.functions.col("area").equalTo(area)),
        r -> r.getString(1));
  }

  @Test
  void aFileWithOneOrderedGroupAndNonOrderedGroupsGivesEachItsMeasures() {
    Dataset<Row> in = mixed();
    Map<String, Row> ordered = heat(in, "Q");
    assertThat(ordered).containsKeys("aci", "rci", "d").doesNotContainKeys("bgv", "ti");
    // Groups without an order on every row are non-ordered, as if the file had no order column.
    for (String area : List.of("R", "S")) {
      Map<String, Row> m = heat(in, area);
      assertThat(m).containsKeys("bgv", "ti", "d").doesNotContainKeys("aci", "rci");
      assertThat(m.get("bgv").<Double>getAs("value")).isCloseTo(200.0 / 3, within());
    }
    for (String pair : List.of("T", "U")) {
      Map<String, Row> m = heat(in, pair);
      assertThat(m).containsKeys("d", "r", "par").doesNotContainKeys("bgv", "aci");
      assertThat(m.get("d").<Double>getAs("value")).isCloseTo(10.0, within());
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  /** Collects the ERROR events any logger emits while it is attached. */
  private static final class ErrorEvents extends AbstractAppender implements AutoCloseable {
    final List<String> messages = new ArrayList<>();
    private final Logger root = (Logger) LogManager.getRootLogger();

    ErrorEvents() {
      super("heat-errors", null, null, true, Property.EMPTY_ARRAY);
      start();
      root.addAppender(this);
    }

    @Override
    public synchronized void append(LogEvent event) {
      if (event.getLevel().isMoreSpecificThan(Level.ERROR)) {
        messages.add(event.getLoggerName() + ": " + event.getMessage().getFormattedMessage());
      }
    }

    @Override
    public void close() {
      root.removeAppender(this);
      stop();
    }
  }

  @Test
  void heatMeasuresCompileWithWholeStageCodegenAsTheCommandRunsThem() {
    String key = "spark.sql.codegen.wholeStage";
    String before = spark.conf().get(key);
    spark.conf().set(key, "true");
    try (ErrorEvents errors = new ErrorEvents()) {
      HeatInputs inputs = new HeatInputs("sub", "y", "se", "pop", "ord", "ref", true, 100, 100, 3);
      long n = HeatMeasures.summaryMeasures(mixed(), List.of("area"), inputs, 0.95).count();
      assertThat(n).isPositive();
      long fits =
          HeatSlopeIndex.slopeIndex(
                  mixed(), List.of("area"), "ord", "pop", "y", 100, HeatSlopeIndex.SII_HEAT, 0.95)
              .count();
      assertThat(fits).isEqualTo(1);
      assertThat(errors.messages).isEmpty();
    } finally {
      spark.conf().set(key, before);
    }
  }
}
