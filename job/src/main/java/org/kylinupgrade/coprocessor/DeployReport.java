package org.kylinupgrade.coprocessor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kylinupgrade.report.JsonReport;

/** The coprocessor run's JSON report: the jar, the counts, and per table its coprocessors before and after. */
public final class DeployReport extends JsonReport<DeployReport> {
  public DeployReport(String target, String localJar, boolean dryRun, int parallelism, String runner) {
    super("coprocessor");
    root.put("target", target);
    root.put("jar", localJar);
    root.put("dryRun", dryRun);
    root.put("parallelism", parallelism);
    root.put("runner", runner);
  }

  public DeployReport deployedJar(String path, boolean reused) {
    root.put("deployedJar", path);
    root.put("jarReused", reused);
    return this;
  }

  public DeployReport outcomes(List<TableOutcome> outcomes) {
    Map<TableOutcome.Status, Integer> counts = countByStatus(outcomes);
    root.put("tables", outcomes.size());
    counts.forEach((status, n) -> root.put(status.name().toLowerCase(Locale.ROOT).replace('_', '-'), n));
    ArrayNode failed = root.putArray("failedTables");
    ArrayNode missing = root.putArray("missingTables");
    ArrayNode results = root.putArray("results");
    for (TableOutcome o : outcomes) {
      if (o.status() == TableOutcome.Status.FAILED) {
        failed.add(o.table());
      } else if (o.status() == TableOutcome.Status.MISSING) {
        missing.add(o.table());
      }
      ObjectNode n = results.addObject();
      n.put("table", o.table());
      n.put("status", o.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      n.put("skipped", o.status() == TableOutcome.Status.SKIPPED);
      n.put("enabledBefore", o.enabledBefore());
      n.put("enabledAfter", o.enabledAfter());
      entries(n.putArray("before"), o.before());
      entries(n.putArray("after"), o.after());
      o.changes().forEach(n.putArray("changes")::add);
      if (o.error() != null) {
        n.put("error", o.error());
      }
    }
    return this;
  }

  public static Map<TableOutcome.Status, Integer> countByStatus(List<TableOutcome> outcomes) {
    Map<TableOutcome.Status, Integer> counts = new EnumMap<>(TableOutcome.Status.class);
    for (TableOutcome.Status s : TableOutcome.Status.values()) {
      counts.put(s, 0);
    }
    outcomes.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
    return counts;
  }

  private static void entries(ArrayNode array, List<CoprocessorEntry> entries) {
    for (CoprocessorEntry e : entries) {
      ObjectNode n = array.addObject();
      n.put("class", e.className());
      if (e.jarPath() != null) {
        n.put("jar", e.jarPath());
      }
      n.put("priority", e.priority());
      if (!e.parameters().isEmpty()) {
        e.parameters().forEach(n.putObject("parameters")::put);
      }
    }
  }
}
