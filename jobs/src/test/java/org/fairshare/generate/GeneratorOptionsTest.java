package org.fairshare.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

  private static GeneratorOptions withFinancialYear(String financialYear) {
    return new GeneratorOptions(300, 1L, 1, 2024, financialYear, 1.0, "parquet");
  }

  @Test
  void previousFinancialYearIsTheYearBefore() {
    assertThat(withFinancialYear("2025-26").previousFinancialYear()).isEqualTo("2024-25");
    assertThat(withFinancialYear("2000-01").previousFinancialYear()).isEqualTo("1999-00");
  }

  @Test
  void firstYearCountsBackFromLastYear() {
    GeneratorOptions opts = new GeneratorOptions(300, 1L, 3, 2024, "2025-26", 1.0, "csv");
    assertThat(opts.firstYear()).isEqualTo(2022);
  }

  @Test
  void financialYearMustSpanConsecutiveYears() {
    assertThatThrownBy(() -> withFinancialYear("2025-27"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2025-27");
    assertThatThrownBy(() -> withFinancialYear("2025/26"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsTooFewAreasUnknownFormatAndNonPositiveMultiplier() {
    assertThatThrownBy(() -> new GeneratorOptions(10, 1L, 1, 2024, "2025-26", 1.0, "parquet"))
        .hasMessageContaining("areas");
    assertThatThrownBy(() -> new GeneratorOptions(300, 1L, 1, 2024, "2025-26", 1.0, "json"))
        .hasMessageContaining("json");
    assertThatThrownBy(() -> new GeneratorOptions(300, 1L, 1, 2024, "2025-26", 0.0, "csv"))
        .hasMessageContaining("activityMultiplier");
  }
}
