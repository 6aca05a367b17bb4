package org.fairshare.geography;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.GeographyLookup;
import org.fairshare.schema.RunGeographyTable;
import org.junit.jupiter.api.Test;

class GeographyStageTest extends SparkTestBase {
  @Test
  void vintagesRecordTheConfiguredAndTheDataVintagesWithCounts() {
    StructType schema =
        new StructType()
            .add(GeographyLookup.AREA_CODE, DataTypes.StringType)
            .add(GeographyLookup.LSOA_VINTAGE, DataTypes.StringType)
            .add(GeographyLookup.PLACE_CODE, DataTypes.StringType)
            .add(GeographyLookup.SUB_ICB_CODE, DataTypes.StringType)
            .add(GeographyLookup.ICB_CODE, DataTypes.StringType);
    Row r =
        GeographyStage.vintages(
                rows(
                    schema,
                    new Object[] {"a1", "2021", "p1", "s1", "i1"},
                    new Object[] {"a2", "2021", "p1", "s1", "i1"},
                    new Object[] {"a3", "2011", "p2", "s2", "i1"}),
                "2021",
                "2026")
            .first();
    assertThat(r.<String>getAs(RunGeographyTable.LSOA_VINTAGES_IN_DATA)).isEqualTo("2011,2021");
    assertThat(r.<String>getAs(RunGeographyTable.NHS_VINTAGE)).isEqualTo("2026");
    assertThat(r.<Long>getAs(RunGeographyTable.AREAS)).isEqualTo(3L);
    assertThat(r.<Long>getAs(RunGeographyTable.PLACES)).isEqualTo(2L);
    assertThat(r.<Long>getAs(RunGeographyTable.ICBS)).isEqualTo(1L);
    assertThat(r.schema().fieldNames()).containsExactly(RunGeographyTable.SCHEMA.fieldNames());
  }
}
