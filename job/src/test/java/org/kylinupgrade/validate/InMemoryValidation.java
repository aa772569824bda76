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
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeRules;

/** A test driver standing in for the Spark pipeline: groups a whole metadata store by model and validates it. */
final class InMemoryValidation {
  private InMemoryValidation() {
  }

  static Map<String, Resource> readFolder(Path folder) {
    return org.kylinupgrade.TestData.readFolder(folder);
  }

  static List<Finding> run(Map<String, Resource> store) {
    List<Resource> checked = store.values().stream().filter(MetadataChecks::isChecked).toList();
    List<Finding> findings = new ArrayList<>();
    checked.forEach(r -> findings.addAll(MetadataChecks.syntax(r)));
    List<Resource> json = checked.stream().filter(MetadataChecks::isJsonObject).toList();
    List<EntityName> names = checked.stream().map(MetadataChecks::name).toList();
    findings.addAll(MetadataChecks.duplicates(names));
    TableCatalog tables = UpgradeRules.tables(json.stream().filter(r -> r.type().equals("table")).toList());
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
          cubesByModel.getOrDefault(key, List.of()), tables, index));
    }
    json.forEach(r -> findings.addAll(MetadataChecks.references(r, index)));
    findings.sort(null);
    return findings;
  }
}
