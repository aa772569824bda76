package org.kylinupgrade.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.kylinupgrade.cuboid.V15Cuboids;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Signature;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.rules.V15Load;
import org.kylinupgrade.rules.V2Load;
import org.kylinupgrade.rules.v2.CubeDesc;

/**
 * Checks one model group (the model, the cube descs naming it, the cubes using those descs) against the loading
 * rules of the target's Kylin: the model's tables, each desc's model, tables, loadability (for 1.5 its aggregation
 * groups first), signature, engine and storage, and sharded storage under v1 segments. A desc whose model is
 * missing or broken gets no further checks; the model's problem is the cause.
 */
final class GroupCheck {
  private final Resource model;
  private final List<Resource> descs;
  private final List<Resource> cubes;
  private final TableCatalog tables;
  private final NameIndex names;
  private final UpgradeTarget target;
  private final int maxCombination;
  private final String kylin;
  private final List<Finding> findings = new ArrayList<Finding>();

  /**
   * @param tables {@link UpgradeRules#tables(Iterable, UpgradeTarget)} for {@code target}
   * @param maxCombination for 1.5, Kylin's {@code kylin.cube.aggrgroup.max.combination}
   */
  GroupCheck(Resource model, List<Resource> descs, List<Resource> cubes, TableCatalog tables, NameIndex names,
      UpgradeTarget target, int maxCombination) {
    this.maxCombination = maxCombination;
    this.model = model;
    this.descs = sortedByPath(descs);
    this.cubes = sortedByPath(cubes);
    this.tables = tables;
    this.names = names;
    this.target = target;
    this.kylin = Wording.kylin(target);
  }

  List<Finding> run() {
    boolean modelLoads = model != null && checkModel();
    for (Resource desc : descs) {
      checkDesc(desc, modelLoads);
    }
    return findings;
  }

  /** True when the target's Kylin loads the model. */
  private boolean checkModel() {
    ObjectNode tree = JsonTrees.object(model);
    String consequence = descs.isEmpty() ? ""
        : " (so " + kylin + " cannot load its cube descs either: " + descNames() + ")";
    boolean tablesExist = requireTable(model, "fact table", JsonTrees.text(tree, "fact_table"), consequence);
    for (JsonNode lookup : JsonTrees.elements(tree, "lookups")) {
      tablesExist &= requireTable(model, "lookup table", JsonTrees.text(lookup, "table"), consequence);
    }
    if (!tablesExist) {
      return false;
    }
    String reason = target == UpgradeTarget.V1_5 ? V15Load.modelNotLoadableReason(model, tables)
        : V2Load.modelNotLoadableReason(model, tables);
    if (reason != null) {
      add(Finding.Kind.UNLOADABLE, model, kylin + " cannot load this model: " + reason + consequence);
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
      add(Finding.Kind.MISSING_FIELD, desc, "no model_name; " + kylin + " cannot load a cube desc without its model");
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
    if (target == UpgradeTarget.V1_5) {
      checkDesc15(desc, tree, name);
      return;
    }
    V2Load.DescOutcome outcome = V2Load.cubeDesc(desc, model, tables);
    if (!outcome.loaded()) {
      add(Finding.Kind.UNLOADABLE, desc, "Kylin v2 cannot load this cube desc: " + outcome.notLoadableReason()
          + usedBy(name));
      return;
    }
    checkSignature(desc, JsonTrees.text(tree, "signature"), outcome.signature());
  }

  /**
   * A 1.5 desc: its aggregation groups against Kylin 1.5.4.1's rules for loading them, then the whole desc as Kylin
   * 1.5 loads it, then its signature. A desc without an array of aggregation groups (not in the 1.5 format) is left
   * to the loader, which says where it fails first.
   */
  private void checkDesc15(Resource desc, ObjectNode tree, String name) {
    String groupProblem = aggregationGroupProblem(tree, maxCombination);
    if (groupProblem != null) {
      add(Finding.Kind.AGGREGATION_GROUP, desc, "Kylin 1.5 cannot load this cube desc: " + groupProblem
          + usedBy(name));
      return;
    }
    V15Load.DescOutcome outcome = V15Load.cubeDesc(desc, model, tables, maxCombination);
    if (!outcome.loaded()) {
      add(Finding.Kind.UNLOADABLE, desc, "Kylin 1.5 cannot load this cube desc: " + outcome.notLoadableReason()
          + usedBy(name));
      return;
    }
    checkSignature(desc, JsonTrees.text(tree, "signature"), outcome.signature());
  }

  /** The first of Kylin 1.5.4.1's load checks of the aggregation groups that the desc fails; null when none. */
  private static String aggregationGroupProblem(ObjectNode tree, int maxCombination) {
    JsonNode groups = tree.get("aggregation_groups");
    if (groups == null || !groups.isArray()) {
      return null;
    }
    List<String> problems;
    try {
      problems = V15Cuboids.of(tree, maxCombination).loadProblems();
    } catch (RuntimeException e) {
      // a row key the cuboid rules cannot read (none, or more columns than a cuboid id has bits): the loader says why
      return null;
    }
    return problems.isEmpty() ? null : problems.get(0);
  }

  private String usedBy(String descName) {
    List<String> users = cubeNames(cubesUsing(descName));
    return users.isEmpty() ? "" : " (used by cube " + String.join(", ", users) + ")";
  }

  private void checkSignature(Resource desc, String stored, Signature computed) {
    if (JsonTrees.isBlank(stored)) {
      add(Finding.Kind.SIGNATURE, desc, "no signature; its content's is '" + computed.value() + "'");
    } else if (!stored.equals(computed.value())) {
      add(Finding.Kind.SIGNATURE, desc, "signature '" + stored + "' does not match its content, whose signature is '"
          + computed.value() + "'");
    }
  }

  /**
   * A cube runs on engine MR_V1 (0) or MR_V2 (2), on storage HBASE (0) or SHARDED_HBASE (2), in Kylin v2.0 and
   * Kylin 1.5 alike.
   */
  private void checkEngineAndStorage(Resource desc, ObjectNode tree) {
    String release = target.release();
    Integer engine = intOrNull(tree, "engine_type", CubeDesc.ENGINE_MR_V1);
    if (engine != null && engine != CubeDesc.ENGINE_MR_V1 && engine != CubeDesc.ENGINE_MR_V2) {
      add(Finding.Kind.ENGINE_STORAGE, desc, "engine_type " + engine
          + " is not a cube engine of " + release + " (0 = MR_V1, 2 = MR_V2)");
    }
    Integer storage = intOrNull(tree, "storage_type", CubeDesc.STORAGE_HBASE);
    if (storage != null && storage != CubeDesc.STORAGE_HBASE && storage != CubeDesc.STORAGE_SHARDED_HBASE) {
      add(Finding.Kind.ENGINE_STORAGE, desc, "storage_type " + storage
          + " is not a cube storage of " + release + " (0 = HBASE, 2 = SHARDED_HBASE)");
    }
  }

  /** A segment's storage layout is its desc's, so a sharded desc cannot serve segments built unsharded. */
  private void checkShardedStorage(Resource desc, ObjectNode tree, String name) {
    Integer storage = intOrNull(tree, "storage_type", CubeDesc.STORAGE_HBASE);
    if (storage == null || storage != CubeDesc.STORAGE_SHARDED_HBASE) {
      return;
    }
    List<Resource> withV1Segments = new ArrayList<Resource>();
    for (Resource cube : cubesUsing(name)) {
      if (hasV1Segments(cube)) {
        withV1Segments.add(cube);
      }
    }
    if (!withV1Segments.isEmpty()) {
      add(Finding.Kind.V1_SEGMENTS_ON_SHARDED_STORAGE, desc, "storage_type 2 (sharded) but cube "
          + String.join(", ", cubeNames(withV1Segments)) + " has segments in the unsharded v1 layout");
    }
  }

  /**
   * A v1 segment has no shards: its HTable, if built, is unsharded; Kylin v2.0 and 1.5 set {@code total_shards}
   * when they build one.
   */
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
      return Collections.emptyList();
    }
    String key = UpgradeRules.groupKey(descName);
    List<Resource> using = new ArrayList<Resource>();
    for (Resource cube : cubes) {
      if (key.equals(UpgradeRules.groupKey(UpgradeRules.descNameOfCube(cube)))) {
        using.add(cube);
      }
    }
    return using;
  }

  private String descNames() {
    List<String> out = new ArrayList<String>();
    for (Resource desc : descs) {
      out.add(String.valueOf(JsonTrees.text(JsonTrees.object(desc), "name")));
    }
    return String.join(", ", out);
  }

  private static List<String> cubeNames(List<Resource> cubes) {
    List<String> out = new ArrayList<String>();
    for (Resource cube : cubes) {
      String name = JsonTrees.text(JsonTrees.object(cube), "name");
      out.add(name != null ? name : cube.path());
    }
    return out;
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
    List<Resource> sorted = new ArrayList<Resource>(resources);
    Collections.sort(sorted, new Comparator<Resource>() {
      @Override
      public int compare(Resource a, Resource b) {
        return a.path().compareTo(b.path());
      }
    });
    return sorted;
  }
}
