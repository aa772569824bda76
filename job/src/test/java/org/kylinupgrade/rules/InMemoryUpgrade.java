package org.kylinupgrade.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;

/**
 * A test driver standing in for the Spark pipeline: groups a whole metadata store by model and converts it; for the
 * 1.5 target it then puts the version label on every resource no group rewrote or kept untouched.
 */
final class InMemoryUpgrade {
  private InMemoryUpgrade() {
  }

  /** The converted store and everything the groups reported. */
  record Outcome(Map<String, Resource> output, List<Resource> rewritten, List<Change> changes,
      List<Problem> unloadable, List<Problem> warnings, TableCatalog tables, List<Resource> versionRefreshed,
      CuboidCheckCounts cuboidChecks) {

    byte[] bytes(String path) {
      return output.get(path).content();
    }
  }

  static Map<String, Resource> readFolder(Path folder) {
    return org.kylinupgrade.TestData.readFolder(folder);
  }

  static Outcome run(Map<String, Resource> input, UpgradeOptions options) {
    List<Resource> tableResources = new ArrayList<>();
    Map<String, Resource> models = new LinkedHashMap<>();
    Map<String, List<Resource>> descsByModel = new LinkedHashMap<>();
    Map<String, String> modelKeyByDescKey = new LinkedHashMap<>();
    List<Resource> cubes = new ArrayList<>();
    for (Resource resource : input.values()) {
      if (!resource.path().endsWith(".json")) {
        continue;
      }
      switch (ResourcePaths.typeOf(resource.path())) {
        case "table" -> tableResources.add(resource);
        case "model_desc" -> models.putIfAbsent(UpgradeRules.groupKey(UpgradeRules.modelNameOfModel(resource)), resource);
        case "cube_desc" -> {
          String modelKey = UpgradeRules.groupKey(UpgradeRules.modelNameOfDesc(resource));
          descsByModel.computeIfAbsent(modelKey, k -> new ArrayList<>()).add(resource);
          modelKeyByDescKey.putIfAbsent(Names.key(UpgradeRules.descNameOfDesc(resource)), modelKey);
        }
        case "cube" -> cubes.add(resource);
        default -> {
        }
      }
    }
    Map<String, List<Resource>> cubesByModel = new LinkedHashMap<>();
    for (Resource cube : cubes) {
      String modelKey = modelKeyByDescKey.get(Names.key(UpgradeRules.descNameOfCube(cube)));
      if (modelKey != null) {
        cubesByModel.computeIfAbsent(modelKey, k -> new ArrayList<>()).add(cube);
      }
    }

    TableCatalog tables = UpgradeRules.tables(tableResources, options.target());
    Set<String> keys = new LinkedHashSet<>(models.keySet());
    keys.addAll(descsByModel.keySet());
    Map<String, Resource> output = new TreeMap<>(input);
    List<Resource> rewritten = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    List<Problem> unloadable = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>(tables.problems());
    Set<String> untouched = new java.util.HashSet<>();
    CuboidCheckCounts cuboidChecks = CuboidCheckCounts.NONE;
    for (String key : keys) {
      GroupResult result = UpgradeRules.convertGroup(key, models.get(key), descsByModel.getOrDefault(key, List.of()),
          cubesByModel.getOrDefault(key, List.of()), tables, options);
      for (Resource resource : result.rewritten()) {
        output.put(resource.path(), resource);
      }
      rewritten.addAll(result.rewritten());
      changes.addAll(result.changes());
      unloadable.addAll(result.unloadable());
      warnings.addAll(result.warnings());
      untouched.addAll(result.untouched());
      cuboidChecks = cuboidChecks.plus(result.cuboidChecks());
    }
    List<Resource> refreshed = new ArrayList<>();
    if (options.target() == UpgradeTarget.V1_5) {
      Set<String> rewrittenPaths = new java.util.HashSet<>();
      rewritten.forEach(r -> rewrittenPaths.add(r.path()));
      for (Resource resource : input.values()) {
        if (rewrittenPaths.contains(resource.path()) || untouched.contains(resource.path())) {
          continue;
        }
        Resource labelled = VersionRefresh.refresh(resource, options.runTimestamp());
        if (labelled != resource) {
          output.put(labelled.path(), labelled);
          refreshed.add(labelled);
        }
      }
    }
    return new Outcome(output, rewritten, changes, unloadable, warnings, tables, refreshed, cuboidChecks);
  }
}
