package org.fairshare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.types.StructField;
import org.fairshare.schema.DatasetContract;
import org.fairshare.schema.Datasets;
import org.junit.jupiter.api.Test;

class ContractDocsTest {
  @Test
  void datasetsReadmeDocumentsEveryContractColumnUnderItsDataset() throws IOException {
    Path repo = Path.of(System.getProperty("fairshare.repo.root", "."));
    String doc = Files.readString(repo.resolve("datasets/README.md"));
    for (DatasetContract c : Datasets.INGESTED) {
      int start = doc.indexOf("## `" + c.name() + "`");
      assertThat(start).as("section for " + c.name()).isNotNegative();
      int end = doc.indexOf("\n## ", start + 1);
      String section = doc.substring(start, end < 0 ? doc.length() : end);
      for (StructField f : c.schema().fields()) {
        assertThat(section).as(c.name() + "." + f.name()).contains("| `" + f.name() + "` |");
      }
    }
  }
}
