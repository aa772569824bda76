package org.kylinupgrade.conf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.kylinupgrade.util.Immutables;

/**
 * Carries an operator's v1 {@code kylin.properties} into the v2 template: the template's order and comments; per
 * key the operator's value where it is the operator's own (it differs from the v1 template's default, or the v1
 * template does not have the key; without the v1 template every operator value counts as the operator's own), else
 * the v2 default; the operator's keys the v2 template lacks are kept in a marked section at the end.
 */
public final class ConfMerge {
  static final List<String> KEPT_SECTION_HEADER = Immutables.listOf(
      "",
      "###########################kept from the v1 kylin.properties#######################",
      "# Set in the v1 kylin.properties but not in the v2 template; kept as they were by kylin-upgrade merge-conf.");

  private final PropertiesFile operator;
  private final PropertiesFile v2Template;
  private final PropertiesFile v1Template;
  private final Map<String, String> operatorValues;
  private final Map<String, String> v2Defaults;
  private final Map<String, String> v1Defaults;

  private ConfMerge(PropertiesFile operator, PropertiesFile v2Template, PropertiesFile v1Template) {
    this.operator = Objects.requireNonNull(operator, "operator");
    this.v2Template = Objects.requireNonNull(v2Template, "v2Template");
    this.v1Template = v1Template;
    this.operatorValues = operator.values();
    this.v2Defaults = v2Template.values();
    this.v1Defaults = v1Template == null ? null : v1Template.values();
  }

  /**
   * @param v1Template the v1 template the operator's file started from, or null when unknown
   */
  public static MergeResult merge(PropertiesFile operator, PropertiesFile v2Template, PropertiesFile v1Template) {
    return new ConfMerge(operator, v2Template, v1Template).run();
  }

  private MergeResult run() {
    MergeReport report = new MergeReport(v1Template != null);
    Map<String, Boolean> carried = new LinkedHashMap<>();
    for (Map.Entry<String, String> v2 : v2Defaults.entrySet()) {
      carried.put(v2.getKey(), decide(v2.getKey(), v2.getValue(), report));
    }
    List<String> out = new ArrayList<>();
    for (PropertiesFile.Line line : v2Template.lines()) {
      out.add(line.isEntry() && carried.get(line.key()) ? operator.definition(line.key()).raw() : line.raw());
    }
    List<PropertiesFile.Line> kept = operatorValues.keySet().stream()
        .filter(key -> !v2Defaults.containsKey(key)).map(operator::definition).collect(Collectors.toList());
    if (!kept.isEmpty()) {
      out.addAll(KEPT_SECTION_HEADER);
      for (PropertiesFile.Line entry : kept) {
        List<PropertiesFile.Line> comments = operator.commentsAbove(entry);
        if (!comments.isEmpty()) {
          out.add("");
          comments.forEach(c -> out.add(c.raw()));
        }
        out.add(entry.raw());
        report.unknownToV2(entry.key(), entry.value(), v1Defaults != null && v1Defaults.containsKey(entry.key()));
      }
    }
    return new MergeResult(String.join("\n", out) + "\n", report);
  }

  /** True when the operator's value goes into the merged file for this v2 key. */
  private boolean decide(String key, String v2Default, MergeReport report) {
    String value = operatorValues.get(key);
    boolean inV1Template = v1Defaults != null && v1Defaults.containsKey(key);
    if (value == null) {
      if (v1Defaults == null || !inV1Template) {
        report.newInV2(key, v2Default);
      } else {
        report.notSetByOperator(key, v2Default);
      }
      return false;
    }
    if (v1Defaults == null || !inV1Template || !value.equals(v1Defaults.get(key))) {
      report.carried(key, value, inV1Template ? v1Defaults.get(key) : null, v2Default);
      return true;
    }
    if (!value.equals(v2Default)) {
      report.defaultChanged(key, value, v2Default);
    }
    return false;
  }
}
