package org.kylinupgrade.report;

import org.kylinupgrade.pipeline.UpgradePipeline;
import org.kylinupgrade.rules.Change;
import org.kylinupgrade.rules.DiscardedJob;
import org.kylinupgrade.rules.Problem;
import org.kylinupgrade.rules.PurgedCube;

/**
 * What a conversion found, as the operator reads it: the rewritten resources (and the properties they drop) and the
 * warnings as summaries (the first {@link Summary#SHOWN}, all with {@code --verbose}), every resource the target
 * Kylin cannot load (printed at every level), and what a purge did.
 */
public final class ConversionFindings {
  private ConversionFindings() {
  }

  /**
   * The findings of a conversion for {@code kylin}, the release that must load its output ("Kylin 1.5"): the changes
   * and the warnings as a {@link Summary} (every one with {@code --verbose}), each resource the target cannot load.
   * {@code where} says where the report that holds every change is ("in the report r.json"), {@code null} for none.
   */
  public static void print(Console console, UpgradePipeline.ConversionResult conversion, String kylin, String where) {
    changes(conversion.changes).printInfo(console, where);
    for (Problem p : conversion.unloadable) {
      console.warn("  unloadable by " + kylin + ": " + p.path() + ": " + p.reason());
    }
    warnings(conversion.warnings).printWarnings(console, where);
    printPurge(console, conversion);
  }

  /** A line per rewritten resource, and one for the properties it drops, by kind of resource. */
  public static Summary changes(java.util.List<Change> changes) {
    Summary summary = new Summary("changes");
    for (Change c : changes) {
      String line = "  " + c.path() + ": " + String.join("; ", c.reasons());
      if (c.droppedProperties().isEmpty()) {
        summary.add(kind(c.kind()), line);
      } else {
        summary.add(kind(c.kind()), line,
            "      drops properties v2 does not know: " + String.join(", ", c.droppedProperties()));
      }
    }
    return summary;
  }

  /** A line per warning. */
  public static Summary warnings(java.util.List<Problem> warnings) {
    Summary summary = new Summary("warnings");
    for (Problem p : warnings) {
      summary.add("", "  warning: " + p.path() + ": " + p.reason());
    }
    return summary;
  }

  /** "cube desc", "model", "cube", "job output". */
  public static String kind(Change.Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /**
   * Where the report of a run that holds every change is: the file of {@code --report} and, for a live run, its rows
   * in the history table; {@code null} for none.
   */
  public static String where(String reportFile, String historyRows) {
    if (reportFile == null && historyRows == null) {
      return null;
    }
    return "in the report" + (reportFile != null ? " " + reportFile : "")
        + (reportFile != null && historyRows != null ? " and" : "") + (historyRows != null ? " " + historyRows : "");
  }

  private static void printPurge(Console console, UpgradePipeline.ConversionResult conversion) {
    for (PurgedCube cube : conversion.purge.cubes()) {
      boolean already = cube.segmentsRemoved() == 0 && "DISABLED".equals(cube.previousStatus());
      console.info("  purged cube " + cube.name() + ": " + (already ? "already empty and DISABLED"
          : cube.segmentsRemoved() + " segment(s) removed, status " + cube.previousStatus() + " -> DISABLED"));
    }
    for (DiscardedJob job : conversion.purge.discardedJobs()) {
      console.info("  discarded job " + job.id() + " of cube " + job.cubeName() + " (was " + job.previousStatus()
          + (job.discardedSteps().isEmpty() ? "" : ", with steps " + String.join(", ", job.discardedSteps())) + ")");
    }
    if (!conversion.purge.unusedTables().isEmpty()) {
      console.info("  segment HTables no cube uses any more (not dropped; a rollback needs them): "
          + String.join(", ", conversion.purge.unusedTables()));
    }
  }
}
