package org.fairshare.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairshare.SparkTestBase;
import org.fairshare.schema.Activity;
import org.fairshare.schema.DatasetContract;
import org.fairshare.schema.Datasets;
import org.fairshare.schema.Population;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the generator several times on 200 areas and compares what it wrote. */
@Tag("pipeline")
class SyntheticEnglandDeterminismTest extends SparkTestBase {

  private static final GeneratorOptions OPTIONS =
      new GeneratorOptions(200, 11L, 1, 2024, "2025-26", 1.0, "parquet");

  @TempDir static Path base;
  private static Path first;
  private static Path second;

  @BeforeAll
  static void generateTwice() {
    first = base.resolve("first");
    second = base.resolve("second");
    SyntheticEngland.generate(spark, OPTIONS, first);
    SyntheticEngland.generate(spark, OPTIONS, second);
  }

  private static Dataset<Row> read(Path dir, String name) {
    return spark.read().parquet(dir.resolve(name).toString());
  }

  private static List<String> allTables() {
    List<String> names = new ArrayList<>();
    Datasets.ALL.stream().map(DatasetContract::name).forEach(names::add);
    Truth.NAMES.forEach(n -> names.add(Truth.FOLDER + "/" + n));
    return names;
  }

  private static long differingRows(Path a, Path b, String name) {
    Dataset<Row> left = read(a, name);
    Dataset<Row> right = read(b, name);
    return left.exceptAll(right).count() + right.exceptAll(left).count();
  }

  @Test
  void theSameOptionsWriteIdenticalRows() {
    for (String name : allTables()) {
      assertThat(differingRows(first, second, name)).as(name).isZero();
    }
  }

  @Test
  void generatingAgainIntoTheSameFolderReplacesRatherThanAppends() {
    SyntheticEngland.generate(spark, OPTIONS, second);
    for (String name : allTables()) {
      assertThat(differingRows(first, second, name)).as(name).isZero();
    }
  }

  @Test
  void anotherSeedWritesOtherPopulationAndActivity() {
    Path other = base.resolve("other-seed");
    GeneratorOptions reseeded =
        new GeneratorOptions(
            OPTIONS.areas(),
            OPTIONS.seed() + 1,
            OPTIONS.years(),
            OPTIONS.lastYear(),
            OPTIONS.financialYear(),
            OPTIONS.activityMultiplier(),
            OPTIONS.format());
    SyntheticEngland.generate(spark, reseeded, other);
    long populationRows = read(first, Population.DATASET).count();
    assertThat(differingRows(first, other, Population.DATASET)).isGreaterThan(populationRows / 2);
    assertThat(differingRows(first, other, Activity.DATASET)).isPositive();
  }
}
