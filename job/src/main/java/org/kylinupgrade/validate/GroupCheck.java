package org.kylinupgrade.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Signature;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.V2Load;
import org.kylinupgrade.rules.v2.CubeDesc;

/**
 * Checks one model group (the model, the cube descs naming it, the cubes using those descs): the model's tables,
 * each desc's model, tables, loadability, signature, engine and storage, and sharded storage under v1 segments.
 * A desc whose model is missing or broken gets no further checks; the model's problem is the cause.
 */
final class GroupCheck {
  private final Resource model;
  private final List<Resource> descs;
  private final List<Resource> cubes;
  private final TableCatalog tables;
  private final NameIndex names;
  private final List<Finding> findings = new ArrayList<>();

  GroupCheck(Resource model, List<Resource> descs, List<Resource> cubes, TableCatalog tables, NameIndex names) {
    this.model = model;
    this.descs = sortedByPath(descs);
    this.cubes = sortedByPath(cubes);
    this.tables = tables;
    this.names = names;
  }

  List<Finding> run() {
    boolean modelLoads = model != null && checkModel();
    for (Resource desc : descs) {
      checkDesc(desc, modelLoads);
    }
    return findings;
  }

  /** True when v2 loads the model. */
  private boolean checkModel() {
    ObjectNode tree = JsonTrees.object(model);
    String consequence = descs.isEmpty() ? "" : " (so Kylin v2 cannot load its cube descs either: " + descNames() + ")";
    boolean tablesExist = requireTable(model, "fact table", JsonTrees.text(tree, "fact_table"), consequence);
    for (JsonNode lookup : JsonTrees.elements(tree, "lookups")) {
      tablesExist &= requireTable(model, "lookup table", JsonTrees.text(lookup, "table"), consequence);
    }
    if (!tablesExist) {
      return false;
    }
    String reason = V2Load.modelNotLoadableReason(model, tables);
    if (reason != null) {
      add(Finding.Kind.UNLOADABLE, model, "Kylin v2 cannot load this model: " + reason + consequence);
      return false;
    }
    return true;
  }

  private void checkDesc(Resource desc, boolean modelLoads) {
    ObjectNode tree = JsonTrees.object(desc);
    String name = JsonTrees.text(tree, "name");
    checkEngineAndStorage(desc, tree);
    checkShardedStorage(desc, tree, name);
    String modelName = JsonTrees.text(tree, "model_name");
    if (JsonTrees.isBlank(modelName)) {
      add(Finding.Kind.MISSING_FIELD, desc, "no model_name; Kylin v2 cannot load a cube desc without its model");
      return;
    }
    if (model == null) {
      add(Finding.Kind.MISSING_MODEL, desc, "model '" + modelName + "' does not exist");
      return;
    }
    if (!modelLoads) {
      return;
    }
    boolean tablesExist = true;
    for (JsonNode dimension : JsonTrees.elements(tree, "dimensions")) {
      tablesExist &= requireTable(desc, "dimension " + JsonTrees.text(dimension, "name") + ": table",
          JsonTrees.text(dimension, "table"), "");
    }
    if (!tablesExist) {
      return;
    }
    V2Load.DescOutcome outcome = V2Load.cubeDesc(desc, model, tables);
    if (!outcome.loaded()) {
      List<String> users = cubesUsing(name).stream().map(GroupCheck::cubeName).toList();
      add(Finding.Kind.UNLOADABLE, desc, "Kylin v2 cannot load this cube desc: " + outcome.notLoadableReason()
          + (users.isEmpty() ? "" : " (used by cube " + String.join(", ", users) + ")"));
      return;
    }
    checkSignature(desc, JsonTrees.text(tree, "signature"), outcome.signature());
  }

  private void checkSignature(Resource desc, String stored, Signature computed) {
    if (JsonTrees.isBlank(stored)) {
      add(Finding.Kind.SIGNATURE, desc, "no signature; its content's is '" + computed.value() + "'");
    } else if (!stored.equals(computed.value())) {
      add(Finding.Kind.SIGNATURE, desc, "signature '" + stored + "' does not match its content, whose signature is '"
          + computed.value() + "'");
    }
  }

  /** Spec §2.8: a cube runs on engine MR_V1 (0) or MR_V2 (2), on storage HBASE (0) or SHARDED_HBASE (2). */
  private void checkEngineAndStorage(Resource desc, ObjectNode tree) {
    Integer engine = intOrNull(tree, "engine_type", CubeDesc.ENGINE_MR_V1);
    if (engine != null && engine != CubeDesc.ENGINE_MR_V1 && engine != CubeDesc.ENGINE_MR_V2) {
      add(Finding.Kind.ENGINE_STORAGE, desc, "engine_type " + engine
          + " is not a cube engine of Kylin v2.0 (0 = MR_V1, 2 = MR_V2)");
    }
    Integer storage = intOrNull(tree, "storage_type", CubeDesc.STORAGE_HBASE);
    if (storage != null && storage != CubeDesc.STORAGE_HBASE && storage != CubeDesc.STORAGE_SHARDED_HBASE) {
      add(Finding.Kind.ENGINE_STORAGE, desc, "storage_type " + storage
          + " is not a cube storage of Kylin v2.0 (0 = HBASE, 2 = SHARDED_HBASE)");
    }
  }

  /** A segment's storage layout is its desc's, so a sharded desc cannot serve segments built unsharded (spec §2.3). */
  private void checkShardedStorage(Resource desc, ObjectNode tree, String name) {
    Integer storage = intOrNull(tree, "storage_type", CubeDesc.STORAGE_HBASE);
    if (storage == null || storage != CubeDesc.STORAGE_SHARDED_HBASE) {
      return;
    }
    List<String> cubesWithV1Segments = cubesUsing(name).stream().filter(GroupCheck::hasV1Segments)
        .map(GroupCheck::cubeName).toList();
    if (!cubesWithV1Segments.isEmpty()) {
      add(Finding.Kind.V1_SEGMENTS_ON_SHARDED_STORAGE, desc, "storage_type 2 (sharded) but cube "
          + String.join(", ", cubesWithV1Segments) + " has segments in the unsharded v1 layout");
    }
  }

  /** A v1 segment has no shards: its HTable, if built, is unsharded; v2 sets {@code total_shards} when it builds one. */
  private static boolean hasV1Segments(Resource cube) {
    for (JsonNode segment : JsonTrees.elements(JsonTrees.object(cube), "segments")) {
      JsonNode shards = segment.get("total_shards");
      if (shards == null || shards.asInt(0) <= 0) {
        return true;
      }
    }
    return false;
  }

  private boolean requireTable(Resource resource, String role, String table, String consequence) {
    if (table != null && names.has(EntityName.TABLE, table)) {
      return true;
    }
    add(Finding.Kind.MISSING_TABLE, resource, table == null ? role + " is not named" + consequence
        : role + " '" + table + "' does not exist" + consequence);
    return false;
  }

  private List<Resource> cubesUsing(String descName) {
    if (descName == null) {
      return List.of();
    }
    String key = UpgradeRules.groupKey(descName);
    return cubes.stream().filter(c -> key.equals(UpgradeRules.groupKey(UpgradeRules.descNameOfCube(c))))
        .collect(Collectors.toList());
  }

  private String descNames() {
    return descs.stream().map(d -> String.valueOf(JsonTrees.text(JsonTrees.object(d), "name")))
        .collect(Collectors.joining(", "));
  }

  private static String cubeName(Resource cube) {
    String name = JsonTrees.text(JsonTrees.object(cube), "name");
    return name != null ? name : cube.path();
  }

  /** The int Kylin binds (the default when absent or null); null when it is no number, which binding reports. */
  private static Integer intOrNull(ObjectNode tree, String property, int absent) {
    JsonNode value = tree.get(property);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (value.isIntegralNumber()) {
      return value.intValue();
    }
    if (value.isTextual()) {
      try {
        return Integer.parseInt(value.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private void add(Finding.Kind kind, Resource resource, String message) {
    findings.add(new Finding(kind, resource.path(), message));
  }

  private static List<Resource> sortedByPath(List<Resource> resources) {
    List<Resource> sorted = new ArrayList<>(resources);
    sorted.sort(Comparator.comparing(Resource::path));
    return sorted;
  }
}
