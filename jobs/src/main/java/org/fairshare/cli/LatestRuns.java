package org.fairshare.cli;

import org.apache.spark.sql.SparkSession;
import org.fairshare.schema.RunLog;

/**
 * The {@code latest_runs} view that {@code sql} offers by name: per financial year and scenario,
 * the latest succeeded run, as long as the tables still hold its slice whole. Delta has no
 * transaction across tables, so a later run of the slice that is still marked running (running now,
 * or killed) may have replaced some tables and not others, and so may a run that failed while
 * writing them (its rows_written names a table besides quarantine and data_quality): such a slice
 * has no row until a run of it succeeds again. A run that failed before writing leaves the tables
 * as the succeeded run wrote them. The view reads run_log only and is never written to the
 * warehouse; docs/scheduling.md gives the same SQL for notebooks and Databricks.
 */
final class LatestRuns {
  private LatestRuns() {}

  static final String NAME = "latest_runs";

  /** The view's query over the run_log table (or a view of that name). */
  static final String SQL =
      """
      select s.financial_year, s.scenario, s.run_id, s.ended_at
      from (select financial_year, scenario, run_id, started_at, ended_at,
              row_number() over (partition by financial_year, scenario
                                 order by ended_at desc, run_id desc) as newest
            from run_log
            where status = 'succeeded') s
      where s.newest = 1
        and not exists (
          select 1 from run_log r
          where r.financial_year = s.financial_year and r.scenario = s.scenario
            and r.started_at > s.started_at
            and (r.status = 'running'
                 or (r.status = 'failed'
                     and exists(map_keys(r.rows_written),
                                t -> t not in ('quarantine', 'data_quality')))))
      """;

  /** Returns the table the view reads. */
  static String source() {
    return RunLog.TABLE.name();
  }

  /** Registers the view in the session; run_log must be registered under its name first. */
  static void register(SparkSession spark) {
    spark.sql(SQL).createOrReplaceTempView(NAME);
  }
}
