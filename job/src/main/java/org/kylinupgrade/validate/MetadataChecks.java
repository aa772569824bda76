package org.kylinupgrade.validate;

import java.util.List;
import java.util.Set;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.TableCatalog;

/**
 * The checks of {@code validate}, pure: resources in, findings out. The caller groups the resources as the upgrade
 * does (by model) and hands out the small shared parts: the table catalog and the names that exist.
 */
public final class MetadataChecks {
  private static final Set<String> CHECKED_TYPES = Set.of(EntityName.CUBE, EntityName.CUBE_DESC, EntityName.MODEL,
      EntityName.PROJECT, EntityName.HYBRID, EntityName.INVERTED_INDEX, EntityName.TABLE);

  private MetadataChecks() {
  }

  /** The resources validate looks at (Kylin's managers read only {@code .json} files under these roots). */
  public static boolean isChecked(Resource resource) {
    return resource.path().endsWith(".json") && CHECKED_TYPES.contains(resource.type());
  }

  public static boolean isJsonObject(Resource resource) {
    return JsonTrees.notAnObject(resource) == null;
  }

  /** A finding when the resource is not a JSON object; the other checks skip such resources. */
  public static List<Finding> syntax(Resource resource) {
    String problem = JsonTrees.notAnObject(resource);
    return problem == null ? List.of() : List.of(new Finding(Finding.Kind.NOT_JSON, resource.path(), problem));
  }

  public static EntityName name(Resource resource) {
    return EntityName.of(resource);
  }

  public static NameIndex index(List<EntityName> names) {
    return NameIndex.of(names);
  }

  public static List<Finding> duplicates(List<EntityName> names) {
    return DuplicateNames.find(names);
  }

  /** Table resources Kylin v2 cannot load. */
  public static List<Finding> tables(TableCatalog tables) {
    return tables.problems().stream().map(p -> new Finding(Finding.Kind.UNLOADABLE, p.path(), p.reason())).toList();
  }

  /**
   * One model group.
   *
   * @param model the model, or null when none has the name the descs give
   * @param descs the cube descs whose {@code model_name} names the model
   * @param cubes the cubes whose {@code descriptor} names one of {@code descs}
   */
  public static List<Finding> group(Resource model, List<Resource> descs, List<Resource> cubes, TableCatalog tables,
      NameIndex names) {
    return new GroupCheck(model, descs, cubes, tables, names).run();
  }

  /** A cube's desc, a project's realizations, tables and models, a hybrid's members. */
  public static List<Finding> references(Resource resource, NameIndex names) {
    return ReferenceChecks.check(resource, names);
  }
}
