package org.fairshare.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fairshare.allocation.PlaceTargets;
import org.fairshare.need.ServiceShares;
import org.junit.jupiter.api.Test;

/** The numbers inside list-valued keys follow the same plain decimal grammar as numeric keys. */
class NumberListValuesTest {

  @Test
  void serviceSharesRefuseJavaOnlyNumberForms() {
    for (String share : new String[] {"0x1p-3", "NaN", "0.5d", "+0.5", "Infinity", "０.5"}) {
      assertThatThrownBy(() -> ServiceShares.parse("gp_appointments=" + share))
          .as(share)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("gp_appointments=" + share);
    }
    assertThat(ServiceShares.parse("gp_appointments=0.25,prescribing=1.0E-1"))
        .containsEntry("gp_appointments", 0.25)
        .containsEntry("prescribing", 0.1);
  }

  @Test
  void holdbacksRefuseJavaOnlyNumberForms() {
    for (String share : new String[] {"+0.05", "５E-2", "0.05d"}) {
      assertThatThrownBy(() -> PlaceTargets.parseHoldbacks("core:ambulance=" + share))
          .as(share)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(PlaceTargets.parseHoldbacks("core:ambulance=0.05")).hasSize(1);
  }
}
