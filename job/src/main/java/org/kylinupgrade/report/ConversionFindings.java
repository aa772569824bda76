package org.kylinupgrade.report;

import org.kylinupgrade.pipeline.UpgradePipeline;
import org.kylinupgrade.rules.Change;
import org.kylinupgrade.rules.DiscardedJob;
import org.kylinupgrade.rules.Problem;
import org.kylinupgrade.rules.PurgedCube;

/**
 * What a conversion found, as the operator reads it: a line per rewritten resource (and the properties it drops),
 * the resources the target Kylin cannot load and the warnings (printed at every level), and what a purge did.
 */
public final class ConversionFindings {
  /** The Kylin the 1.4-alpha target writes for. */
  public static final String KYLIN_V2 = "Kylin v2.0";

  private ConversionFindings() {
  }

  /** The findings of a conversion for {@code kylin}, the release that must load its output ("Kylin 1.5"). */
  public static void print(Console console, UpgradePipeline.ConversionResult conversion, String kylin) {
    for (Change c : conversion.changes) {
      console.info("  " + c.path() + ": " + String.join("; ", c.reasons()));
      if (!c.droppedProperties().isEmpty()) {
        console.info("      drops properties v2 does not know: " + String.join(", ", c.droppedProperties()));
      }
    }
    for (Problem p : conversion.unloadable) {
      console.warn("  unloadable by " + kylin + ": " + p.path() + ": " + p.reason());
    }
    for (Problem p : conversion.warnings) {
      console.warn("  warning: " + p.path() + ": " + p.reason());
    }
    printPurge(console, conversion);
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
