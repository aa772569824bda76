package org.kylinupgrade.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kylinupgrade.report.JsonReport;
import org.kylinupgrade.rules.Change;
import org.kylinupgrade.rules.Problem;

/** The run's JSON report and its readable forms. */
public final class UpgradeReport extends JsonReport<UpgradeReport> {
  public UpgradeReport(String command, String source, String target, long runTimestamp, boolean dryRun) {
    super(command);
    root.put("source", source);
    if (target != null) {
      root.put("target", target);
    }
    root.put("runTimestamp", runTimestamp);
    root.put("dryRun", dryRun);
  }

  /** The Kylin release whose format the run writes ({@code --to}). */
  public UpgradeReport upgradeTarget(org.kylinupgrade.rules.UpgradeTarget target) {
    root.put("to", target.label());
    return this;
  }

  /** How many resources changed by Kylin 1.5's version label alone (not in {@code changes}). */
  public UpgradeReport versionLabelled(long count) {
    root.put("versionLabelled", count);
    return this;
  }

  public UpgradeReport counts(Map<String, Long> countsByType) {
    ObjectNode counts = root.putObject("resourcesByType");
    countsByType.forEach(counts::put);
    root.put("resources", countsByType.values().stream().mapToLong(Long::longValue).sum());
    return this;
  }

  public UpgradeReport conversion(List<Change> changes, List<Problem> unloadable, List<Problem> warnings) {
    root.put("changed", changes.size());
    ArrayNode changed = root.putArray("changes");
    for (Change c : changes) {
      ObjectNode n = changed.addObject();
      n.put("path", c.path());
      n.put("kind", c.kind().name());
      c.reasons().forEach(n.putArray("reasons")::add);
      ArrayNode dropped = n.putArray("droppedProperties");
      c.droppedProperties().forEach(dropped::add);
    }
    problems("unloadable", unloadable);
    problems("warnings", warnings);
    return this;
  }

  /**
   * The cuboid check of the conversion to 1.5: every converted desc must keep the v1 row key order and cuboid set,
   * or is refused (left as it is). {@code maxCombination}: the limit of combinations per aggregation group the
   * groups were written and checked for.
   */
  public UpgradeReport cuboidChecks(org.kylinupgrade.rules.CuboidCheckCounts counts, int maxCombination) {
    ObjectNode node = root.putObject("cuboidCheck");
    node.put("maxCombination", maxCombination);
    node.put("descsChecked", counts.checked());
    node.put("keptByKylinRule", counts.keptByKylinRule());
    node.put("writtenWithOwnGroups", counts.ownGroups());
    node.put("refused", counts.refused());
    node.put("tooLargeToCheck", counts.tooLarge());
    node.put("tooLargeToCheckOutcome", "refused");
    return this;
  }

  /** The cubes purged, the jobs discarded and the segment HTables now unused (never dropped by the upgrade). */
  public UpgradeReport purge(PurgeOutcome purge) {
    if (purge.isEmpty()) {
      return this;
    }
    ObjectNode node = root.putObject("purge");
    ArrayNode cubes = node.putArray("cubes");
    for (org.kylinupgrade.rules.PurgedCube cube : purge.cubes()) {
      ObjectNode n = cubes.addObject();
      n.put("name", cube.name());
      n.put("path", cube.path());
      n.put("previousStatus", cube.previousStatus());
      n.put("segmentsRemoved", cube.segmentsRemoved());
      cube.segmentTables().forEach(n.putArray("segmentTables")::add);
    }
    ArrayNode jobs = node.putArray("discardedJobs");
    for (org.kylinupgrade.rules.DiscardedJob job : purge.discardedJobs()) {
      ObjectNode n = jobs.addObject();
      n.put("id", job.id());
      n.put("cube", job.cubeName());
      n.put("previousStatus", job.previousStatus());
      job.discardedSteps().forEach(n.putArray("discardedSteps")::add);
    }
    purge.unusedTables().forEach(node.putArray("unusedSegmentTables")::add);
    purge.tablesStillUsed().forEach(node.putArray("segmentTablesStillUsedByOtherCubes")::add);
    return this;
  }

  private void problems(String name, List<Problem> problems) {
    ArrayNode array = root.putArray(name);
    for (Problem p : problems) {
      array.addObject().put("path", p.path()).put("reason", p.reason());
    }
  }

  /** A unified diff of one resource's old and new text. */
  public static String diff(String path, String before, String after) {
    List<String> a = Arrays.asList(before.split("\n", -1));
    List<String> b = Arrays.asList(after.split("\n", -1));
    List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("a" + path, "b" + path, a, DiffUtils.diff(a, b), 2);
    return String.join("\n", lines);
  }
}
