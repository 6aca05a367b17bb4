package org.fairshare.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairshare.schema.Activity;

/**
 * The floor of a run: a bare Spark job that reads the activity input and does only the group-by
 * every run needs (events per area x sex x age x service of the data year), writing nowhere.
 */
final class FloorJob {
  private FloorJob() {}

  /** Runs the job to the end; the noop sink costs nothing, so only the read and group-by count. */
  static void run(SparkSession spark, Path activity, int year) {
    activityOfYear(spark, activity, year)
        .groupBy(Activity.AREA_CODE, Activity.SEX, Activity.AGE, Activity.SERVICE)
        .agg(sum(Activity.EVENTS).as(Activity.EVENTS))
        .write()
        .format("noop")
        .mode("overwrite")
        .save();
  }

  /** Returns the activity rows of the data year (what rows per second is measured in). */
  static long inputRows(SparkSession spark, Path activity, int year) {
    return activityOfYear(spark, activity, year).count();
  }

  private static Dataset<Row> activityOfYear(SparkSession spark, Path activity, int year) {
    return spark
        .read()
        .schema(Activity.SCHEMA)
        .parquet(activity.toString())
        .where(col(Activity.YEAR).equalTo(year));
  }
}
