package org.kylinupgrade.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;

/**
 * The checks every resource the upgrade rules read as JSON goes through before any rule runs. A resource that is not a
 * JSON object at all is bad input. Two things Kylin's loaders let pass but that leave the resource unusable are
 * reported as unloadable: content after the JSON object (Jackson reads the first value and ignores the rest, so a
 * second object or an editor's leftover is silently dropped), and a cube desc whose {@code engine_type} or
 * {@code storage_type} is not one of Kylin's cube ids. Resources under {@code /dict} and {@code /table_snapshot}, and
 * every file not named {@code .json}, are not read by the rules and are not checked.
 */
public final class InputChecks {
  private InputChecks() {
  }

  /** Whether the upgrade to {@code target} reads the resource as JSON. */
  public static boolean isRead(Resource resource, UpgradeTarget target) {
    String path = resource.path();
    if (!VersionRefresh.applies(path)) {
      return false;
    }
    if (target == UpgradeTarget.V1_5) {
      return true;
    }
    String type = resource.type();
    return type.equals("cube") || type.equals("cube_desc") || type.equals("model_desc") || type.equals("table")
        || type.equals("project");
  }

  /**
   * What keeps Kylin from using the resource although it parses; null when nothing does.
   *
   * @throws NotAJsonObjectException when the resource is not a JSON object
   */
  public static Problem check(Resource resource) {
    String after = contentAfterObject(resource);
    if (after != null) {
      return new Problem(resource.path(), after);
    }
    if (resource.type().equals("cube_desc")) {
      return engineAndStorage(resource);
    }
    return null;
  }

  /**
   * Null when the resource is exactly one JSON object (whitespace around it allowed); else what follows it.
   *
   * @throws NotAJsonObjectException when the resource does not start with a well-formed JSON object
   */
  public static String contentAfterObject(Resource resource) {
    JsonParser parser = null;
    try {
      parser = KylinJson.MAPPER.getFactory().createParser(resource.content());
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        KylinJson.readObject(resource);
        throw new NotAJsonObjectException(resource.path(), "expected a JSON object", null);
      }
      parser.skipChildren();
    } catch (IOException e) {
      KylinJson.readObject(resource);
      throw new NotAJsonObjectException(resource.path(), "not JSON: " + e.getMessage(), e);
    }
    try {
      JsonToken next = parser.nextToken();
      return next == null ? null : "content after the JSON object (" + describe(next) + "); Kylin reads the first "
          + "object and drops the rest";
    } catch (IOException e) {
      return "content after the JSON object that is not JSON; Kylin reads the first object and drops the rest";
    } finally {
      try {
        parser.close();
      } catch (IOException ignored) {
        // nothing was written
      }
    }
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case START_OBJECT:
        return "a second object";
      case START_ARRAY:
        return "an array";
      default:
        return "a " + token.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  /** The desc's engine and storage ids, when it names them, must be Kylin's (MR_V1 0, MR_V2 2; HBASE 0, SHARDED 2). */
  private static Problem engineAndStorage(Resource desc) {
    ObjectNode tree = KylinJson.readObject(desc);
    String name = KylinJson.text(tree, "name");
    String what = "cube desc " + (name == null ? ResourcePaths.entityName(desc.path()) : name);
    String engine = unknownId(tree.get("engine_type"));
    if (engine != null) {
      return new Problem(desc.path(), what + " has engine_type " + engine + ", not a cube engine of Kylin "
          + "(0 = MR_V1, 2 = MR_V2)");
    }
    String storage = unknownId(tree.get("storage_type"));
    if (storage != null) {
      return new Problem(desc.path(), what + " has storage_type " + storage + ", not a cube storage of Kylin "
          + "(0 = HBASE, 2 = SHARDED_HBASE)");
    }
    return null;
  }

  /** The value as written when it is present and not 0 or 2; null when absent, null or one of those. */
  private static String unknownId(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToInt() && (value.intValue() == 0 || value.intValue() == 2)) {
      return null;
    }
    if (value.isTextual() && (value.asText().equals("0") || value.asText().equals("2"))) {
      return null;
    }
    return value.toString();
  }
}
