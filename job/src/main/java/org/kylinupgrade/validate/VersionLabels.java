package org.kylinupgrade.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.VersionRefresh;
import org.kylinupgrade.rules.v15.Versions;

/**
 * The {@code version} label Kylin 1.5's upgrade writes into every JSON resource outside {@code /dict} and
 * {@code /table_snapshot}. A label of any release from 1.5 on counts: Kylin 1.5.4.1 writes its own when it saves an
 * entity after the upgrade. Kylin 1.5 reads a cube desc's label before it checks the desc's signature (when a cube is
 * enabled or built) and fails on an explicit null or on a label that is not a release (three numbers).
 */
final class VersionLabels {
  /** How many unlabelled paths the one finding names. */
  static final int EXAMPLES = 5;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern RELEASE = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:\\.\\d+)*(?:-.*)?");

  private VersionLabels() {
  }

  /** What is wrong with the resource's label ("no version", "version null", ...); null when it has a good one. */
  static String problem(Resource resource) {
    if (!VersionRefresh.applies(resource.path())) {
      return null;
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(resource.content());
    } catch (IOException e) {
      return "not JSON";
    }
    if (tree == null || !tree.isObject()) {
      return "not a JSON object";
    }
    JsonNode version = tree.get("version");
    if (version == null) {
      return "no version";
    }
    if (version.isNull()) {
      return "version null";
    }
    if (!version.isTextual() || !isRelease15OrLater(version.asText())) {
      return "version " + version;
    }
    return null;
  }

  private static boolean isRelease15OrLater(String version) {
    Matcher m = RELEASE.matcher(version);
    if (!m.matches()) {
      return false;
    }
    try {
      int major = Integer.parseInt(m.group(1));
      int minor = Integer.parseInt(m.group(2));
      return major > 1 || (major == 1 && minor >= 5);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * One finding for all unlabelled resources, or none.
   *
   * @param count how many there are
   * @param examples some of them (the first by path), each as "path (problem)"
   */
  static List<Finding> summary(long count, List<String> examples) {
    List<Finding> findings = new ArrayList<Finding>();
    if (count == 0) {
      return findings;
    }
    String first = examples.isEmpty() ? "/" : examples.get(0);
    String path = first.contains(" (") ? first.substring(0, first.lastIndexOf(" (")) : first;
    StringBuilder message = new StringBuilder();
    message.append(count).append(count == 1 ? " JSON resource has" : " JSON resources have")
        .append(" no version label of Kylin 1.5 (its upgrade writes \"version\" : \"").append(Versions.UPGRADED)
        .append("\" into every JSON resource outside /dict and /table_snapshot): ")
        .append(String.join(", ", examples));
    if (count > examples.size()) {
      message.append(" and ").append(count - examples.size()).append(" more");
    }
    findings.add(new Finding(Finding.Kind.VERSION_LABEL, path, message.toString()));
    return findings;
  }
}
