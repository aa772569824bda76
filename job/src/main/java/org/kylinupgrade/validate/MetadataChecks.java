package org.kylinupgrade.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Problem;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeTarget;

/**
 * The checks of {@code validate}, pure: resources in, findings out, against the loading rules of the target's Kylin
 * ({@link UpgradeTarget}). The caller groups the resources as the upgrade does (by model) and hands out the small
 * shared parts: the table catalog ({@code UpgradeRules.tables(resources, target)}) and the names that exist.
 */
public final class MetadataChecks {
  private static final Set<String> CHECKED_TYPES = Collections.unmodifiableSet(new HashSet<String>(Arrays.asList(
      EntityName.CUBE, EntityName.CUBE_DESC, EntityName.MODEL, EntityName.PROJECT, EntityName.HYBRID,
      EntityName.INVERTED_INDEX, EntityName.TABLE)));

  /** How many paths the one finding about version labels names. */
  public static final int VERSION_LABEL_EXAMPLES = VersionLabels.EXAMPLES;

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
    List<Finding> findings = new ArrayList<Finding>();
    if (problem != null) {
      findings.add(new Finding(Finding.Kind.NOT_JSON, resource.path(), problem));
      return findings;
    }
    String after = org.kylinupgrade.rules.InputChecks.contentAfterObject(resource);
    if (after != null) {
      findings.add(new Finding(Finding.Kind.NOT_JSON, resource.path(), after));
    }
    return findings;
  }

  public static EntityName name(Resource resource) {
    return EntityName.of(resource);
  }

  public static NameIndex index(List<EntityName> names) {
    return NameIndex.of(names);
  }

  public static List<Finding> duplicates(List<EntityName> names, UpgradeTarget target) {
    return DuplicateNames.find(names, target);
  }

  /** Table resources the target's Kylin cannot load, from a catalog loaded for that target. */
  public static List<Finding> tables(TableCatalog tables) {
    List<Finding> findings = new ArrayList<Finding>();
    for (Problem p : tables.problems()) {
      findings.add(new Finding(Finding.Kind.UNLOADABLE, p.path(), p.reason()));
    }
    return findings;
  }

  /**
   * One model group.
   *
   * @param model the model, or null when none has the name the descs give
   * @param descs the cube descs whose {@code model_name} names the model
   * @param cubes the cubes whose {@code descriptor} names one of {@code descs}
   * @param tables the table catalog loaded for {@code target}
   * @param maxCombination for 1.5, the operator's {@code kylin.cube.aggrgroup.max.combination}
   */
  public static List<Finding> group(Resource model, List<Resource> descs, List<Resource> cubes, TableCatalog tables,
      NameIndex names, UpgradeTarget target, int maxCombination) {
    return new GroupCheck(model, descs, cubes, tables, names, target, maxCombination).run();
  }

  /** A cube's desc, a project's realizations, tables and models, a hybrid's members. */
  public static List<Finding> references(Resource resource, NameIndex names, UpgradeTarget target) {
    return ReferenceChecks.check(resource, names, target);
  }

  /**
   * For the 1.5 target: what is wrong with the resource's {@code version} label, as "path (problem)"; null when it
   * has a good one or Kylin 1.5's upgrade does not label it. Any resource, checked type or not.
   */
  public static String versionLabelProblem(Resource resource) {
    String problem = VersionLabels.problem(resource);
    return problem == null ? null : resource.path() + " (" + problem + ")";
  }

  /**
   * The one finding about version labels, or none.
   *
   * @param count how many resources {@link #versionLabelProblem} finds wanting
   * @param examples the first {@link #VERSION_LABEL_EXAMPLES} of them, as it gives them, in path order
   */
  public static List<Finding> versionLabels(long count, List<String> examples) {
    return VersionLabels.summary(count, examples);
  }
}
