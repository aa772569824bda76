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

/** A test driver standing in for the Spark pipeline: groups a whole metadata store by model and converts it. */
final class InMemoryUpgrade {
  private InMemoryUpgrade() {
  }

  /** The converted store and everything the groups reported. */
  record Outcome(Map<String, Resource> output, List<Resource> rewritten, List<Change> changes,
      List<Problem> unloadable, List<Problem> warnings, TableCatalog tables) {

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

    TableCatalog tables = UpgradeRules.tables(tableResources);
    Set<String> keys = new LinkedHashSet<>(models.keySet());
    keys.addAll(descsByModel.keySet());
    Map<String, Resource> output = new TreeMap<>(input);
    List<Resource> rewritten = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    List<Problem> unloadable = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>(tables.problems());
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
    }
    return new Outcome(output, rewritten, changes, unloadable, warnings, tables);
  }
}
