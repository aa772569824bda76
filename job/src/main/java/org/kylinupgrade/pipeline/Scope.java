package org.kylinupgrade.pipeline;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.ProjectJson;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.UpgradeRules;
import scala.Tuple2;

/**
 * The operator's selection (--models, --cubes, --projects) as the set of cube desc names to convert; null
 * when nothing is selected (everything in scope). Only names travel to the driver.
 */
public final class Scope {
  private Scope() {
  }

  public static Set<String> descsInScope(JavaRDD<Resource> resources, List<String> models, List<String> cubes,
      List<String> projects) {
    if (models.isEmpty() && cubes.isEmpty() && projects.isEmpty()) {
      return null;
    }
    Set<String> descs = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    if (!models.isEmpty()) {
      Set<String> wanted = upper(models);
      List<Tuple2<String, String>> descModel = resources.filter(r -> r.type().equals(UpgradePipeline.CUBE_DESC))
          .map(d -> new Tuple2<>(UpgradeRules.descNameOfDesc(d), UpgradeRules.modelNameOfDesc(d))).collect();
      requireKnown("model", wanted, upperSecond(descModel), resources.filter(r -> r.type().equals(UpgradePipeline.MODEL))
          .map(m -> String.valueOf(UpgradeRules.modelNameOfModel(m)).toUpperCase(Locale.ROOT)).collect());
      descModel.stream().filter(t -> t._2() != null && wanted.contains(t._2().toUpperCase(Locale.ROOT)))
          .forEach(t -> descs.add(t._1()));
    }
    Set<String> wantedCubes = upper(cubes);
    if (!projects.isEmpty()) {
      Set<String> wantedProjects = upper(projects);
      List<Tuple2<String, List<String>>> projectCubes = resources.filter(r -> r.type().equals("project"))
          .map(Scope::cubesOfProject).collect();
      requireKnown("project", wantedProjects, null,
          projectCubes.stream().map(t -> t._1().toUpperCase(Locale.ROOT)).collect(Collectors.toList()));
      projectCubes.stream().filter(t -> wantedProjects.contains(t._1().toUpperCase(Locale.ROOT)))
          .forEach(t -> wantedCubes.addAll(upper(t._2())));
    }
    if (!wantedCubes.isEmpty()) {
      List<Tuple2<String, String>> cubeDesc = resources.filter(r -> r.type().equals(UpgradePipeline.CUBE))
          .map(c -> new Tuple2<>(org.kylinupgrade.metadata.ResourcePaths.entityName(c.path()), UpgradeRules.descNameOfCube(c)))
          .collect();
      if (!cubes.isEmpty()) {
        requireKnown("cube", upper(cubes), null,
            cubeDesc.stream().map(t -> t._1().toUpperCase(Locale.ROOT)).collect(Collectors.toList()));
      }
      cubeDesc.stream().filter(t -> wantedCubes.contains(t._1().toUpperCase(Locale.ROOT)) && t._2() != null)
          .forEach(t -> descs.add(t._2()));
    }
    return descs;
  }

  private static Tuple2<String, List<String>> cubesOfProject(Resource project) {
    ProjectJson parsed = ProjectJson.read(project);
    return new Tuple2<>(parsed.name(), parsed.cubes());
  }

  private static Set<String> upper(List<String> names) {
    Set<String> out = new HashSet<>();
    names.forEach(n -> out.add(n.trim().toUpperCase(Locale.ROOT)));
    return out;
  }

  private static List<String> upperSecond(List<Tuple2<String, String>> pairs) {
    return pairs.stream().map(t -> String.valueOf(t._2()).toUpperCase(Locale.ROOT)).collect(Collectors.toList());
  }

  private static void requireKnown(String kind, Set<String> wanted, List<String> alsoKnown, List<String> known) {
    Set<String> all = new HashSet<>(known);
    if (alsoKnown != null) {
      all.addAll(alsoKnown);
    }
    for (String w : wanted) {
      if (!all.contains(w)) {
        throw new BadInputException("unknown " + kind + " '" + w + "' in the selection; check the name");
      }
    }
  }
}
