package org.fairshare.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.fairshare.publish.RunSlices.Run;
import org.fairshare.schema.RunLog;

/**
 * The notes of a publication: which run (id, slice, times, code version), its configuration, the
 * data vintages and input checksums, the methods and the disclosure rule; the workbook's Notes
 * sheet, NOTES.txt and the report's notes section all show these lines.
 */
public final class PublicationNotes {
  private PublicationNotes() {}

  /** Returns the notes as (label, value) pairs; a pair with a null value is a section heading. */
  public static List<String[]> lines(
      Run run,
      Disclosure.Policy policy,
      List<TableFiles.Table> tables,
      Map<String, Long> withheld) {
    List<String[]> n = new ArrayList<>();
    n.add(new String[] {"fairshare publication", null});
    n.add(new String[] {"run id", run.runId()});
    n.add(new String[] {"financial year", run.financialYear()});
    n.add(new String[] {"scenario", run.scenario()});
    n.add(new String[] {"status", run.status()});
    n.add(new String[] {"started (UTC)", run.startedAt()});
    n.add(new String[] {"ended (UTC)", run.endedAt()});
    n.add(new String[] {"code version", run.codeVersion()});
    n.add(new String[] {"configuration hash", run.configHash()});

    n.add(new String[] {"Suppression rule", null});
    n.add(new String[] {"small numbers", suppressionRule(policy)});
    n.add(
        new String[] {
          "secondary suppression",
          "Where a withheld count could be found by subtracting published figures from a published"
              + " total (the deciles, quintiles or Core20/PLUS groups of a geography against its"
              + " overall figure; a quintile against its two deciles; places against their ICB and"
              + " ICBs against England; age bands against a service's national total), a further"
              + " figure is withheld: the smallest non-zero one in the same total. Findings and"
              + " shares that repeat a withheld count are withheld with it. Withheld rows have"
              + " is_suppressed = true and empty cells."
        });
    n.add(
        new String[] {
          "not published",
          "Small-area tables (health_inequalities_area, weighted_population_area), staging"
              + " tables, quarantine and data_quality hold area- or record-level values and stay in"
              + " the warehouse."
        });

    n.add(new String[] {"Tables", null});
    for (TableFiles.Table t : tables) {
      Long w = withheld.get(t.name());
      n.add(
          new String[] {
            t.name(),
            t.description()
                + " ("
                + t.rows().size()
                + " rows"
                + (w == null ? "" : ", " + w + " withheld")
                + ")"
          });
    }

    n.add(new String[] {"Methods", null});
    n.add(
        new String[] {
          "allocations",
          "Need-weighted capitation: age/sex cost weights, an additional-need model (GLM per"
              + " service, supply sterilised), a health-inequalities adjustment from avoidable"
              + " mortality, a cost adjustment, targets as shares of each ICB's envelope, then pace"
              + " of change towards target, penny-exact (docs/allocation-methods.md)."
        });
    n.add(
        new String[] {
          "inequality indicators",
          "Crude and ESP2013 directly standardised rates with Byars/Dobson limits, SII/RII with"
              + " simulated limits, concentration index, gap between most and least deprived"
              + " deciles; PHEindicatormethods and WHO HEAT methods (docs/indicators.md)."
        });
    n.add(
        new String[] {
          "equity of access",
          "Observed against need-expected use (indirect standardisation) with Poisson limits,"
              + " findings for the most deprived fifth per place, horizontal inequity index,"
              + " Core20PLUS shares (docs/equity.md)."
        });

    n.add(new String[] {"Data vintages and inputs", null});
    for (String line : run.config().split("\\R")) {
      String key = line.contains("=") ? line.substring(0, line.indexOf('=')).trim() : "";
      if (key.contains("vintage") || key.endsWith("year") || key.endsWith("years")) {
        n.add(new String[] {key, line.substring(line.indexOf('=') + 1).trim()});
      }
    }
    for (Row input : run.inputs()) {
      n.add(
          new String[] {
            "input " + input.getAs(RunLog.INPUT_DATASET),
            input.getAs(RunLog.INPUT_PATH)
                + " ("
                + input.getAs(RunLog.INPUT_FORMAT)
                + ", "
                + input.getAs(RunLog.INPUT_FILES)
                + " files, "
                + input.getAs(RunLog.INPUT_BYTES)
                + " bytes, sha256 "
                + input.getAs(RunLog.INPUT_SHA256)
                + ")"
          });
    }

    n.add(new String[] {"Configuration", null});
    for (String line : run.config().split("\\R")) {
      if (line.contains("=")) {
        n.add(
            new String[] {
              line.substring(0, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1)
            });
      }
    }
    return n;
  }

  /** Returns the small-number rule in words. */
  public static String suppressionRule(Disclosure.Policy policy) {
    return "Counts from "
        + policy.suppressFrom()
        + " to "
        + policy.suppressTo()
        + " are withheld with every value derived from them (rates, ratios, limits)"
        + (policy.suppressFrom() > 0 ? "; zero is published" : "")
        + (policy.roundTo() > 1
            ? "; other counts are rounded to a multiple of " + policy.roundTo()
            : "; other counts are exact")
        + ".";
  }

  /** Returns the notes as plain text, headings underlined. */
  public static String text(List<String[]> notes) {
    StringBuilder sb = new StringBuilder();
    for (String[] n : notes) {
      if (n.length < 2 || n[1] == null) {
        sb.append(sb.length() == 0 ? "" : "\n").append(n[0]).append('\n');
        sb.append("-".repeat(n[0].length())).append('\n');
      } else {
        sb.append(n[0]).append(": ").append(n[1]).append('\n');
      }
    }
    return sb.toString();
  }
}
