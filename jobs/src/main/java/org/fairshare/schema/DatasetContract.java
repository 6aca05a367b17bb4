package org.fairshare.schema;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * An input dataset's contract: its columns (types, units in comments), key, checks and vintage.
 * {@code datasets/README.md} is the prose form of these objects.
 */
public record DatasetContract(
    String name, String description, StructType schema, List<String> key, List<Check> checks) {

  public DatasetContract {
    for (String k : key) {
      if (!List.of(schema.fieldNames()).contains(k)) {
        throw new IllegalArgumentException("key column " + k + " not in schema of " + name);
      }
    }
  }
}
