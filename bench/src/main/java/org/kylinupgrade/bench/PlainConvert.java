package org.kylinupgrade.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Change;
import org.kylinupgrade.rules.CuboidCheckCounts;
import org.kylinupgrade.rules.GroupResult;
import org.kylinupgrade.rules.InputChecks;
import org.kylinupgrade.rules.Problem;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.rules.VersionRefresh;

/**
 * The upgrade's conversion step with the same rules as {@code UpgradePipeline.convert}, in one plain Java thread and
 * plain collections (no Spark): the input checks, cubes without a desc, duplicate names, the table catalog, every
 * model group, then the output (rewritten, labelled for 1.5, or as read), its counts by type and the labelled count.
 */
final class PlainConvert {
  record Outcome(List<Resource> output, int changes, int problems, long labelled, Map<String, Long> countsByType,
      CuboidCheckCounts cuboidChecks) {
  }

  private PlainConvert() {
  }

  static Outcome convert(List<Resource> resources, UpgradeOptions options) {
    UpgradeTarget target = options.target();
    List<Problem> problems = new ArrayList<>();
    List<Resource> tableResources = new ArrayList<>();
    Map<String, List<Resource>> descsByModel = new LinkedHashMap<>();
    Map<String, Set<String>> modelsOfDesc = new HashMap<>();
    Map<String, Resource> modelByKey = new HashMap<>();
    Map<String, List<String>> pathsByName = new TreeMap<>();
    List<Resource> cubes = new ArrayList<>();
    Map<String, Long> counts = new TreeMap<>();
    for (Resource r : resources) {
      counts.merge(r.type(), 1L, Long::sum);
      if (InputChecks.isRead(r, target)) {
        Problem p = InputChecks.check(r);
        if (p != null) {
          problems.add(p);
        }
      }
      switch (r.type()) {
        case "table" -> tableResources.add(r);
        case "cube_desc" -> {
          String[] names = UpgradeRules.namesOfDesc(r);
          String modelKey = UpgradeRules.groupKey(names[1]);
          descsByModel.computeIfAbsent(modelKey, k -> new ArrayList<>()).add(r);
          modelsOfDesc.computeIfAbsent(UpgradeRules.groupKey(names[0]), k -> new LinkedHashSet<>()).add(modelKey);
        }
        case "model_desc" -> {
          String key = UpgradeRules.groupKey(UpgradeRules.modelNameOfModel(r));
          modelByKey.putIfAbsent(key, r);
          pathsByName.computeIfAbsent("model_desc/" + key, k -> new ArrayList<>()).add(r.path());
        }
        case "cube" -> {
          cubes.add(r);
          pathsByName.computeIfAbsent("cube/" + UpgradeRules.groupKey(UpgradeRules.nameOfCube(r)),
              k -> new ArrayList<>()).add(r.path());
        }
        default -> {
        }
      }
    }
    Map<String, List<Resource>> cubesByModel = new HashMap<>();
    for (Resource cube : cubes) {
      String descKey = UpgradeRules.groupKey(UpgradeRules.descNameOfCube(cube));
      Set<String> models = modelsOfDesc.get(descKey);
      if (models == null) {
        problems.add(new Problem(cube.path(), "cube without desc"));
        continue;
      }
      for (String modelKey : models) {
        cubesByModel.computeIfAbsent(modelKey, k -> new ArrayList<>()).add(cube);
      }
    }
    pathsByName.forEach((name, paths) -> {
      if (paths.size() > 1) {
        paths.forEach(p -> problems.add(new Problem(p, "duplicate name " + name)));
      }
    });
    TableCatalog tables = UpgradeRules.tables(tableResources, target);
    Map<String, Resource> rewritten = new HashMap<>();
    Set<String> untouched = new HashSet<>();
    List<Change> changes = new ArrayList<>();
    CuboidCheckCounts checks = CuboidCheckCounts.NONE;
    for (Map.Entry<String, List<Resource>> group : descsByModel.entrySet()) {
      GroupResult result = UpgradeRules.convertGroup(group.getKey(), modelByKey.get(group.getKey()), group.getValue(),
          cubesByModel.getOrDefault(group.getKey(), List.of()), tables, options);
      result.rewritten().forEach(r -> rewritten.put(r.path(), r));
      untouched.addAll(result.untouched());
      changes.addAll(result.changes());
      problems.addAll(result.unloadable());
      problems.addAll(result.warnings());
      checks = checks.plus(result.cuboidChecks());
    }
    boolean v15 = target == UpgradeTarget.V1_5;
    long timestamp = options.runTimestamp();
    List<Resource> output = new ArrayList<>(resources.size());
    long labelled = 0;
    for (Resource r : resources) {
      Resource out = rewritten.get(r.path());
      if (out == null) {
        out = !v15 || untouched.contains(r.path()) ? r : VersionRefresh.refresh(r, timestamp);
        labelled += out != r ? 1 : 0;
      }
      output.add(out);
    }
    return new Outcome(output, changes.size(), problems.size(), labelled, counts, checks);
  }
}
