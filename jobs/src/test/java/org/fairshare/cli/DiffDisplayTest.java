package org.fairshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** {@code diff} prints its doubles as a person reads them, not to 17 digits. */
class DiffDisplayTest {

  @Test
  void doublesArePrintedToFourSignificantFiguresAndWholeNumbersStayWhole() {
    List<List<String>> cells =
        DiffCommand.cells(
            List.of(
                RowFactory.create(
                    "E54000008",
                    325.6277860032579,
                    0.30000000000000004,
                    -0.012345,
                    123456.789,
                    -33.33,
                    25.0,
                    new BigDecimal("1000.00"),
                    true,
                    null)),
            1);

    assertThat(cells)
        .containsExactly(
            Arrays.asList(
                "E54000008",
                "325.6",
                "0.3",
                "-0.01235",
                "123457",
                "-33.33",
                "25",
                "1000.00",
                "true",
                null));
  }

  @Test
  void notANumberAndZeroAreShownPlainly() {
    assertThat(ReadableNumber.of(Double.NaN)).isEqualTo("NaN");
    assertThat(ReadableNumber.of(0.0)).isEqualTo("0");
    assertThat(ReadableNumber.of(-0.0)).isEqualTo("0");
  }
}
