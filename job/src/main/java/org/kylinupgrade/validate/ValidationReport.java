package org.kylinupgrade.validate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kylinupgrade.report.JsonReport;
import org.kylinupgrade.rules.UpgradeTarget;

/** The JSON report of a {@code validate} run. */
public final class ValidationReport extends JsonReport<ValidationReport> {
  /** @param target the release whose loading rules were applied ({@code --to}) */
  public ValidationReport(String source, UpgradeTarget target, Map<String, Long> countsByType, List<Finding> findings,
      int exitCode) {
    super("validate");
    root.put("source", source);
    root.put("to", target.label());
    root.put("resources", countsByType.values().stream().mapToLong(Long::longValue).sum());
    ObjectNode counts = root.putObject("resourcesByType");
    countsByType.forEach(counts::put);
    root.put("problemCount", findings.size());
    ObjectNode byKind = root.putObject("problemsByKind");
    countByKind(findings).forEach(byKind::put);
    ArrayNode problems = root.putArray("problems");
    for (Finding f : findings) {
      problems.addObject().put("kind", f.kind().name()).put("path", f.path()).put("message", f.message());
    }
    outcome(findings.isEmpty() ? "clean" : "problems", exitCode);
  }

  public static Map<String, Long> countByKind(List<Finding> findings) {
    Map<String, Long> counts = new TreeMap<>();
    findings.forEach(f -> counts.merge(f.kind().name(), 1L, Long::sum));
    return counts;
  }
}
