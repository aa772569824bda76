package org.kylinupgrade.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A Kylin project resource as the tool reads it: its name, the realizations it lists (type and name), its tables
 * and its models. Lenient as a reader of user metadata must be: a property that is absent or of another shape reads
 * as nothing, and it is for the callers to judge what is missing. A hybrid lists its members the same way, so
 * {@link #realizations(JsonNode)} serves hybrids too.
 */
public final class ProjectJson implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final List<RealizationRef> realizations;
  private final List<String> tables;
  private final List<String> models;

  private ProjectJson(String name, List<RealizationRef> realizations, List<String> tables, List<String> models) {
    this.name = name;
    this.realizations = realizations;
    this.tables = tables;
    this.models = models;
  }

  /**
   * Parses a project resource.
   *
   * @throws BadInputException when its bytes are not a JSON object
   */
  public static ProjectJson read(Resource project) {
    return of(object(project), project.path());
  }

  /** The project a JSON object describes; {@code path} names it when the object has no textual name. */
  public static ProjectJson of(JsonNode object, String path) {
    JsonNode name = object.path("name");
    return new ProjectJson(name.isTextual() ? name.asText() : ResourcePaths.entityName(path), realizations(object),
        texts(object, "tables"), texts(object, "models"));
  }

  private static JsonNode object(Resource resource) {
    JsonNode root;
    try {
      root = JSON.readTree(resource.content());
    } catch (IOException e) {
      throw new BadInputException("resource " + resource.path() + " is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new BadInputException("resource " + resource.path() + " is not a JSON object");
    }
    return root;
  }

  /** The {@code realizations} array of a project or a hybrid; empty when absent or not an array. */
  public static List<RealizationRef> realizations(JsonNode object) {
    List<RealizationRef> out = new ArrayList<>();
    for (JsonNode entry : elements(object, "realizations")) {
      out.add(new RealizationRef(text(entry, "type"), text(entry, "realization")));
    }
    return Collections.unmodifiableList(out);
  }

  /** The name property, or the resource's file name when the project has no textual name. */
  public String name() {
    return name;
  }

  public List<RealizationRef> realizations() {
    return realizations;
  }

  /** The names of the realizations of type {@code CUBE} (in any case), in the project's order. */
  public List<String> cubes() {
    List<String> out = new ArrayList<>();
    for (RealizationRef r : realizations) {
      if (r.isCube() && r.name() != null) {
        out.add(r.name());
      }
    }
    return out;
  }

  /** The texts of the {@code tables} array. */
  public List<String> tables() {
    return tables;
  }

  /** The texts of the {@code models} array. */
  public List<String> models() {
    return models;
  }

  /** A scalar property as text; null when absent, null or not a scalar. */
  private static String text(JsonNode object, String property) {
    JsonNode value = object.get(property);
    return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
  }

  private static List<JsonNode> elements(JsonNode object, String property) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode array = object.get(property);
    if (array != null && array.isArray()) {
      array.forEach(out::add);
    }
    return out;
  }

  /** The texts of an array property's scalar elements. */
  private static List<String> texts(JsonNode object, String property) {
    List<String> out = new ArrayList<>();
    for (JsonNode element : elements(object, property)) {
      if (element.isValueNode() && !element.isNull()) {
        out.add(element.asText());
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * One entry of a {@code realizations} array: Kylin's {@code RealizationType} ({@code CUBE}, {@code HYBRID},
   * {@code INVERTED_INDEX}) and the realization's name, each null when absent or not a scalar.
   */
  public static final class RealizationRef implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String type;
    private final String name;

    public RealizationRef(String type, String name) {
      this.type = type;
      this.name = name;
    }

    public String type() {
      return type;
    }

    public String name() {
      return name;
    }

    boolean isCube() {
      return "CUBE".equalsIgnoreCase(type);
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof RealizationRef)) {
        return false;
      }
      RealizationRef other = (RealizationRef) o;
      return Objects.equals(type, other.type) && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(type, name);
    }

    @Override
    public String toString() {
      return type + " " + name;
    }
  }
}
