package org.kylinupgrade.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.AggregationGroupSpec;
import org.kylinupgrade.rules.GroupPlan;
import org.kylinupgrade.rules.GroupResult;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;

/**
 * Kylin 1.5.4.1's (corrected) output of the examples, under testdata/v15-expected, made whole: the descs Kylin could
 * not convert (their old aggregation groups share a column) are left out of the folder and listed in
 * {@code <example>.property-checked.txt}; here they are converted by the project's rules, whose aggregation groups keep
 * the v1 cuboid set (groups that overlap, which Kylin 1.5 loads).
 */
public final class V15Expected {
  public static final String SAMPLE = "kylin-1.3.0-sample-cube";
  public static final String LOCALMETA = "kylin-1.3.0-localmeta";
  private static final long RUN_TIMESTAMP = 1800000000123L;

  private V15Expected() {
  }

  /** The folder as it is. */
  static Map<String, Resource> folder(String example) {
    return TestData.readFolder(TestData.expected15(example));
  }

  /** The folder with the left-out descs put back. */
  public static Map<String, Resource> whole(String example) {
    Map<String, Resource> store = new TreeMap<>(folder(example));
    for (String path : leftOut(example)) {
      store.put(path, converted(example, path));
    }
    return store;
  }

  /** The descs the folder leaves out, as resource paths. */
  static List<String> leftOut(String example) {
    Path list = TestData.expected15(example + ".property-checked.txt");
    if (!Files.exists(list)) {
      return List.of();
    }
    try {
      return Files.readAllLines(list, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
          .map(l -> "/" + l.trim()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The v1 desc at {@code path} converted to 1.5 with its model group. */
  private static Resource converted(String example, String path) {
    Map<String, Resource> input = TestData.readFolder(TestData.example(example));
    Resource desc = input.get(path);
    String modelKey = UpgradeRules.groupKey(UpgradeRules.modelNameOfDesc(desc));
    Resource model = null;
    List<Resource> descs = new ArrayList<>();
    List<Resource> tableResources = new ArrayList<>();
    for (Resource r : input.values()) {
      if (!r.path().endsWith(".json")) {
        continue;
      }
      switch (r.type()) {
        case "model_desc" -> {
          if (modelKey.equals(UpgradeRules.groupKey(UpgradeRules.modelNameOfModel(r)))) {
            model = r;
          }
        }
        case "cube_desc" -> {
          if (modelKey.equals(UpgradeRules.groupKey(UpgradeRules.modelNameOfDesc(r)))) {
            descs.add(r);
          }
        }
        case "table" -> tableResources.add(r);
        default -> {
        }
      }
    }
    List<String> descKeys = descs.stream().map(d -> UpgradeRules.groupKey(UpgradeRules.descNameOfDesc(d))).toList();
    List<Resource> cubes = input.values().stream().filter(r -> r.type().equals("cube") && r.path().endsWith(".json"))
        .filter(c -> descKeys.contains(UpgradeRules.groupKey(UpgradeRules.descNameOfCube(c)))).toList();
    TableCatalog tables = UpgradeRules.tables(tableResources, UpgradeTarget.V1_5);
    GroupResult result = UpgradeRules.convertGroup(modelKey, model, descs, cubes, tables,
        UpgradeOptions.of(RUN_TIMESTAMP, UpgradeTarget.V1_5));
    return result.rewritten().stream().filter(r -> r.path().equals(path)).findFirst()
        .orElseThrow(() -> new IllegalStateException(path + " not converted: " + result));
  }
}
