package org.kylinupgrade.validate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kylinupgrade.metadata.ProjectJson;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.util.Immutables;

/** What cubes, projects and hybrids refer to by name must exist. */
final class ReferenceChecks {
  /** Kylin's {@code RealizationType} and the resource type each names. */
  private static final Map<String, String> REALIZATION_TYPES = Immutables.mapOf(
      "CUBE", EntityName.CUBE, "HYBRID", EntityName.HYBRID, "INVERTED_INDEX", EntityName.INVERTED_INDEX);

  private ReferenceChecks() {
  }

  /** Kylin v2.0 and 1.5 resolve these references alike; only the wording names the target. */
  static List<Finding> check(Resource resource, NameIndex names, UpgradeTarget target) {
    String kylin = Wording.kylin(target);
    if (resource.type().equals(EntityName.CUBE)) {
      return cube(resource, names, kylin);
    }
    if (resource.type().equals(EntityName.PROJECT)) {
      return project(resource, names, kylin);
    }
    if (resource.type().equals(EntityName.HYBRID)) {
      return realizations(resource, ProjectJson.realizations(JsonTrees.object(resource)), names, kylin);
    }
    return new ArrayList<Finding>();
  }

  private static List<Finding> cube(Resource cube, NameIndex names, String kylin) {
    ObjectNode tree = JsonTrees.object(cube);
    List<Finding> findings = new ArrayList<>();
    if (JsonTrees.isBlank(JsonTrees.text(tree, "name"))) {
      findings.add(new Finding(Finding.Kind.MISSING_FIELD, cube.path(), "no name; " + kylin
          + " skips a cube without one"));
    }
    String descriptor = JsonTrees.text(tree, "descriptor");
    if (JsonTrees.isBlank(descriptor)) {
      findings.add(new Finding(Finding.Kind.MISSING_FIELD, cube.path(), "no descriptor (the name of its cube desc)"));
    } else if (!names.has(EntityName.CUBE_DESC, descriptor)) {
      findings.add(new Finding(Finding.Kind.MISSING_DESC, cube.path(), "cube desc '" + descriptor + "' does not exist"));
    }
    return findings;
  }

  private static List<Finding> project(Resource project, NameIndex names, String kylin) {
    ProjectJson parsed = ProjectJson.of(JsonTrees.object(project), project.path());
    List<Finding> findings = realizations(project, parsed.realizations(), names, kylin);
    for (String table : parsed.tables()) {
      if (!names.has(EntityName.TABLE, table)) {
        findings.add(new Finding(Finding.Kind.MISSING_TABLE, project.path(), "lists table '" + table
            + "', which does not exist"));
      }
    }
    for (String model : parsed.models()) {
      if (!names.has(EntityName.MODEL, model)) {
        findings.add(new Finding(Finding.Kind.MISSING_MODEL, project.path(), "lists model '" + model
            + "', which does not exist"));
      }
    }
    return findings;
  }

  private static List<Finding> realizations(Resource resource, List<ProjectJson.RealizationRef> entries,
      NameIndex names, String kylin) {
    List<Finding> findings = new ArrayList<>();
    for (ProjectJson.RealizationRef entry : entries) {
      String type = entry.type();
      String name = entry.name();
      String resourceType = type == null ? null : REALIZATION_TYPES.get(type);
      if (resourceType == null) {
        findings.add(new Finding(Finding.Kind.MISSING_REALIZATION, resource.path(), "lists realization '" + name
            + "' of type '" + type + "', which " + kylin + " does not know (CUBE, HYBRID, INVERTED_INDEX)"));
      } else if (!names.has(resourceType, name)) {
        findings.add(new Finding(Finding.Kind.MISSING_REALIZATION, resource.path(), "lists " + type + " '" + name
            + "', which does not exist"));
      }
    }
    return findings;
  }
}
