package org.fairshare.need;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairshare.config.PlainNumbers;
import org.fairshare.schema.Columns;
import org.fairshare.schema.Spend;

/** National spend shares of the services, which weight their weighted populations in a stream. */
public final class ServiceShares {
  private ServiceShares() {}

  public static final String SHARE = "share";

  public static final StructType SCHEMA =
      new StructType()
          .add(Columns.SERVICE, DataTypes.StringType, false)
          .add(SHARE, DataTypes.DoubleType, false);

  /** Returns service, share: each service's share of national spend (fraction of all services). */
  public static Dataset<Row> fromSpend(Dataset<Row> spend) {
    Dataset<Row> byService =
        spend.groupBy(Spend.SERVICE).agg(sum(col(Spend.SPEND_GBP).cast("double")).as("spend"));
    Dataset<Row> total = byService.agg(sum("spend").as("total"));
    return byService
        .crossJoin(total)
        .where(col("total").gt(0))
        .select(col(Spend.SERVICE), col("spend").divide(col("total")).as(SHARE));
  }

  /** Returns service, share from configured shares. */
  public static Dataset<Row> fromMap(SparkSession spark, Map<String, Double> shares) {
    List<Row> rows = new ArrayList<>();
    shares.forEach((k, v) -> rows.add(RowFactory.create(k, v)));
    return spark.createDataFrame(rows, SCHEMA);
  }

  /**
   * Returns the {@code name=number,...} text as an ordered map; empty text gives an empty map.
   *
   * @throws IllegalArgumentException naming the entry that is not name=number
   */
  public static Map<String, Double> parse(String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] kv = entry.split("=", 2);
      try {
        if (kv.length != 2 || kv[0].isBlank() || !PlainNumbers.isDecimal(kv[1].trim())) {
          throw new NumberFormatException();
        }
        out.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "expected name=number, got '" + entry.trim() + "' in '" + text + "'", e);
      }
    }
    return out;
  }

  /** Returns the comma-separated names of the text, trimmed, blanks dropped. */
  public static List<String> names(String text) {
    List<String> out = new ArrayList<>();
    for (String n : text.split(",")) {
      if (!n.isBlank()) {
        out.add(n.trim());
      }
    }
    return out;
  }
}
