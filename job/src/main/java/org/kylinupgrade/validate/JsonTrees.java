package org.kylinupgrade.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.util.Strings;

/** Reads resources as JSON trees for the reference checks; binding to Kylin's classes is the rules' business. */
final class JsonTrees {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonTrees() {
  }

  /** Why the resource is not a JSON object; null when it is one. */
  static String notAnObject(Resource resource) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(resource.content());
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      int newline = message.indexOf('\n');
      return "not JSON: " + (newline < 0 ? message : message.substring(0, newline));
    }
    if (tree == null || tree.isMissingNode()) {
      return "empty, expected a JSON object";
    }
    return tree.isObject() ? null : "expected a JSON object, found " + tree.getNodeType();
  }

  /** The resource as a JSON object; callers have checked it is one. */
  static ObjectNode object(Resource resource) {
    try {
      return (ObjectNode) MAPPER.readTree(resource.content());
    } catch (IOException | ClassCastException e) {
      throw new IllegalArgumentException(resource.path() + " is not a JSON object", e);
    }
  }

  /** A scalar property as text; null when absent, null or not a scalar. */
  static String text(JsonNode object, String property) {
    JsonNode value = object.get(property);
    return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
  }

  /** The elements of an array property; empty when absent or not an array. */
  static List<JsonNode> elements(JsonNode object, String property) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode array = object.get(property);
    if (array != null && array.isArray()) {
      array.forEach(out::add);
    }
    return out;
  }

  static boolean isBlank(String s) {
    return s == null || Strings.isBlank(s);
  }
}
