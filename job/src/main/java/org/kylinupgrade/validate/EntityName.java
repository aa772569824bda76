package org.kylinupgrade.validate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.Objects;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;

/**
 * The name under which Kylin v2 registers a resource: the {@code name} inside it ({@code DB.TABLE} for a table),
 * or its file name when it has none or is not JSON, so that one broken file is reported once, not again by
 * everything that refers to it.
 */
public final class EntityName implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String CUBE = "cube";
  static final String CUBE_DESC = "cube_desc";
  static final String MODEL = "model_desc";
  static final String PROJECT = "project";
  static final String HYBRID = "hybrid";
  static final String INVERTED_INDEX = "invertedindex";
  static final String TABLE = "table";

  private final String type;
  private final String name;
  private final String path;
  private final boolean declared;

  public EntityName(String type, String name, String path, boolean declared) {
    this.type = type;
    this.name = name;
    this.path = path;
    this.declared = declared;
  }

  public String type() {
    return type;
  }

  public String name() {
    return name;
  }

  public String path() {
    return path;
  }

  public boolean declared() {
    return declared;
  }

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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EntityName)) {
      return false;
    }
    EntityName other = (EntityName) o;
    return Objects.equals(type, other.type)
        && Objects.equals(name, other.name)
        && Objects.equals(path, other.path)
        && declared == other.declared;
  }

  /** The hash of a record of these components, so that hash-ordered collections keep their order. */
  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(type);
    h = 31 * h + Objects.hashCode(name);
    h = 31 * h + Objects.hashCode(path);
    h = 31 * h + Boolean.hashCode(declared);
    return h;
  }

  @Override
  public String toString() {
    return "EntityName[type=" + type + ", name=" + name + ", path=" + path + ", declared=" + declared + "]";
  }
}
