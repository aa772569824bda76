package org.kylinupgrade.validate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;

/**
 * The name under which Kylin v2 registers a resource: the {@code name} inside it ({@code DB.TABLE} for a table),
 * or its file name when it has none or is not JSON, so that one broken file is reported once, not again by
 * everything that refers to it.
 */
public record EntityName(String type, String name, String path, boolean declared) implements Serializable {
  static final String CUBE = "cube";
  static final String CUBE_DESC = "cube_desc";
  static final String MODEL = "model_desc";
  static final String PROJECT = "project";
  static final String HYBRID = "hybrid";
  static final String INVERTED_INDEX = "invertedindex";
  static final String TABLE = "table";

  public static EntityName of(Resource resource) {
    String fileName = ResourcePaths.entityName(resource.path());
    if (JsonTrees.notAnObject(resource) != null) {
      return new EntityName(resource.type(), fileName, resource.path(), false);
    }
    ObjectNode tree = JsonTrees.object(resource);
    String name = JsonTrees.text(tree, "name");
    if (resource.type().equals(TABLE) && name != null) {
      String database = JsonTrees.text(tree, "database");
      name = database == null ? null : database + "." + name;
    }
    return JsonTrees.isBlank(name) ? new EntityName(resource.type(), fileName, resource.path(), false)
        : new EntityName(resource.type(), name, resource.path(), true);
  }
}
