package org.kylinupgrade.validate;

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
import org.kylinupgrade.cuboid.V15Cuboids;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;

/** A test driver standing in for the Spark pipeline: groups a whole metadata store by model and validates it. */
final class InMemoryValidation {
  private InMemoryValidation() {
  }

  static Map<String, Resource> readFolder(Path folder) {
    return org.kylinupgrade.TestData.readFolder(folder);
  }

  /** Validation against 1.4-alpha's loading rules, as {@code validate --to 1.4-alpha}. */
  static List<Finding> run14(Map<String, Resource> store) {
    return run(store, UpgradeTarget.V1_4_ALPHA);
  }

  /** Validation against 1.5's loading rules, as {@code validate} (its default). */
  static List<Finding> run15(Map<String, Resource> store) {
    return run(store, UpgradeTarget.V1_5);
  }

  static List<Finding> run(Map<String, Resource> store, UpgradeTarget target) {
    List<Resource> checked = store.values().stream().filter(MetadataChecks::isChecked).toList();
    List<Finding> findings = new ArrayList<>();
    checked.forEach(r -> findings.addAll(MetadataChecks.syntax(r)));
    List<Resource> json = checked.stream().filter(MetadataChecks::isJsonObject).toList();
    List<EntityName> names = checked.stream().map(MetadataChecks::name).toList();
    findings.addAll(MetadataChecks.duplicates(names, target));
    TableCatalog tables = UpgradeRules.tables(json.stream().filter(r -> r.type().equals("table")).toList(), target);
    findings.addAll(MetadataChecks.tables(tables));
    NameIndex index = MetadataChecks.index(names);

    Map<String, Resource> models = new LinkedHashMap<>();
    Map<String, List<Resource>> descsByModel = new LinkedHashMap<>();
    Map<String, String> modelKeyByDescKey = new LinkedHashMap<>();
    for (Resource r : json) {
      switch (r.type()) {
        case "model_desc" -> models.putIfAbsent(UpgradeRules.groupKey(UpgradeRules.modelNameOfModel(r)), r);
        case "cube_desc" -> {
          String modelKey = UpgradeRules.groupKey(UpgradeRules.modelNameOfDesc(r));
          descsByModel.computeIfAbsent(modelKey, k -> new ArrayList<>()).add(r);
          modelKeyByDescKey.putIfAbsent(UpgradeRules.groupKey(UpgradeRules.descNameOfDesc(r)), modelKey);
        }
        default -> {
        }
      }
    }
    Map<String, List<Resource>> cubesByModel = new LinkedHashMap<>();
    for (Resource cube : json.stream().filter(r -> r.type().equals("cube")).toList()) {
      String modelKey = modelKeyByDescKey.get(UpgradeRules.groupKey(UpgradeRules.descNameOfCube(cube)));
      if (modelKey != null) {
        cubesByModel.computeIfAbsent(modelKey, k -> new ArrayList<>()).add(cube);
      }
    }
    Set<String> keys = new LinkedHashSet<>(models.keySet());
    keys.addAll(descsByModel.keySet());
    for (String key : keys) {
      findings.addAll(MetadataChecks.group(models.get(key), descsByModel.getOrDefault(key, List.of()),
          cubesByModel.getOrDefault(key, List.of()), tables, index, target, V15Cuboids.DEFAULT_MAX_COMBINATION));
    }
    json.forEach(r -> findings.addAll(MetadataChecks.references(r, index, target)));
    if (target == UpgradeTarget.V1_5) {
      List<String> unlabelled = store.values().stream().map(MetadataChecks::versionLabelProblem)
          .filter(p -> p != null).sorted().toList();
      findings.addAll(MetadataChecks.versionLabels(unlabelled.size(),
          unlabelled.subList(0, Math.min(MetadataChecks.VERSION_LABEL_EXAMPLES, unlabelled.size()))));
    }
    findings.sort(null);
    return findings;
  }
}
