package org.kylinupgrade.cuboid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small readers for the desc JSON trees. */
final class Json {
  private Json() {
  }

  static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** A text field, or null. */
  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return isAbsent(v) ? null : v.asText();
  }

  /** A string array (a lone string counts as one element), or null when absent. */
  static List<String> strings(JsonNode node) {
    if (isAbsent(node)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode e : node) {
        out.add(isAbsent(e) ? null : e.asText());
      }
    } else {
      out.add(node.asText());
    }
    return out;
  }

  /** An array of string arrays, or null when absent; a null inner array stays null. */
  static List<List<String>> stringArrays(JsonNode node) {
    if (isAbsent(node)) {
      return null;
    }
    List<List<String>> out = new ArrayList<>();
    for (JsonNode e : node) {
      out.add(strings(e));
    }
    return out;
  }

  static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  static List<String> upper(List<String> in) {
    if (in == null) {
      return null;
    }
    List<String> out = new ArrayList<>(in.size());
    for (String s : in) {
      out.add(upper(s));
    }
    return out;
  }
}
