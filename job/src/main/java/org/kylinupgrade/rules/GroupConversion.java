package org.kylinupgrade.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;
import org.kylinupgrade.rules.v2.CubeDesc;
import org.kylinupgrade.rules.v2.DataModel;
import org.kylinupgrade.util.Immutables;

/**
 * One model group through Kylin 1.4-alpha's {@code CubeMetadataUpgradeV2}, applied to the objects v2 would load,
 * each resource written at most once: every in-scope cube desc takes the model's partition start, an empty model is
 * filled from the first desc with dimensions, the descs of empty cubes move to the v2 engine and storage, and every
 * desc's signature is recomputed.
 */
final class GroupConversion {
  private final String modelKey;
  private final Resource modelResource;
  private final List<Resource> descResources;
  private final List<Resource> cubeResources;
  private final TableCatalog tables;
  private final UpgradeOptions options;

  private final List<Problem> unloadable = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  /** Loadable descs, in the order {@code CubeDescManager.listAllDesc()} returns them. */
  private final List<LoadedCubeDesc> descs = new ArrayList<>();
  /** The descs v2 cannot load, with the name inside each (null when it has none). */
  private final Map<Resource, String> unloadableDescs = new LinkedHashMap<>();
  private final Map<LoadedCubeDesc, List<String>> descChanges = new IdentityHashMap<>();
  private final List<CubePurge> purges = new ArrayList<>();
  private ObjectNode modelTree;
  private LoadedModel model;
  private String modelProblem;
  private String modelDerivedFrom;

  GroupConversion(String modelKey, Resource model, List<Resource> cubeDescs, List<Resource> cubes,
      TableCatalog tables, UpgradeOptions options) {
    this.modelKey = Objects.requireNonNull(modelKey, "modelKey");
    this.modelResource = model;
    this.descResources = sortedByPath(cubeDescs);
    this.cubeResources = sortedByPath(cubes);
    this.tables = Objects.requireNonNull(tables, "tables");
    this.options = Objects.requireNonNull(options, "options");
  }

  GroupResult run() {
    modelTree = modelResource == null ? null : KylinJson.readObject(modelResource);
    Map<Resource, ObjectNode> descTrees = readDescs(descResources, modelKey);
    List<CubeUse> cubes = cubeResources.stream().map(c -> purgeIfAsked(c, options, purges)).map(CubeUse::read)
        .collect(Collectors.toList());
    if (!descResources.isEmpty()) {
      loadModel();
      loadDescs(descTrees);
    }
    reportCubesOfUnloadableDescs(cubes);

    // Kylin's upgradeModelMetadata() takes the descs in listAllDesc() order (by name, ignoring case) and runs, desc
    // by desc, upgradeCubeDesc (partition start), upgradeDataModelDesc (model fill) and upgradeCubeDescSignature;
    // only then does upgradeEmptyCubes() switch engine and storage. Recomputing every signature last gives Kylin's
    // values: a signature covers the desc's name, dimensions, measures, rowkey and hbase_mapping and the model's fact
    // table and partition_desc, none of which the other steps change. Kylin re-saves a desc after each step that
    // changes it; writing each resource once, with its final content, gives what Kylin's last save of it holds.
    List<LoadedCubeDesc> inScope = descs.stream().filter(d -> options.inScope(d.name())).collect(Collectors.toList());
    for (LoadedCubeDesc desc : inScope) {
      copyPartitionStartFromModel(desc);
      fillModelFromFirstDesc(desc);
    }
    for (LoadedCubeDesc desc : inScope) {
      switchDescOfEmptyCubesToV2(desc, cubes);
    }
    for (LoadedCubeDesc desc : inScope) {
      recomputeSignature(desc);
    }
    return output(descTrees);
  }

  /** A cube the operator asked to purge is emptied first, so that the rules see it without segments. */
  static Resource purgeIfAsked(Resource cube, UpgradeOptions options, List<CubePurge> purges) {
    if (options.purgeCubes().isEmpty() || !options.purges(UpgradeRules.nameOfCube(cube))) {
      return cube;
    }
    CubePurge purge = CubePurge.of(cube, options.runTimestamp());
    purges.add(purge);
    return purge.purged;
  }

  /** The descs as JSON objects, in the group's order; each must name the group's model. */
  static Map<Resource, ObjectNode> readDescs(List<Resource> descResources, String modelKey) {
    Map<Resource, ObjectNode> trees = new LinkedHashMap<>();
    for (Resource desc : descResources) {
      ObjectNode tree = KylinJson.readObject(desc);
      String key = Names.key(KylinJson.text(tree, "model_name"));
      if (!key.equals(modelKey)) {
        throw new IllegalArgumentException(desc.path() + " names model '" + KylinJson.text(tree, "model_name")
            + "', it does not belong to the group of model key '" + modelKey + "'");
      }
      trees.put(desc, tree);
    }
    return trees;
  }

  private void loadModel() {
    if (modelResource == null) {
      return;
    }
    String name = KylinJson.text(modelTree, "name");
    if (!Names.key(name).equals(modelKey)) {
      modelProblem = "the model file " + modelResource.path() + " declares the name '" + name
          + "' and v2 finds models by that name";
      warnings.add(new Problem(modelResource.path(), "model declares name '" + name + "', not the group's '"
          + modelKey + "'; v2 does not find it under that key"));
      return;
    }
    try {
      model = LoadedModel.load(modelResource, tables);
    } catch (NotLoadableException e) {
      modelProblem = "Kylin v2 cannot load " + modelResource.path() + ": " + e.getMessage();
      unloadable.add(new Problem(modelResource.path(), modelProblem));
    }
  }

  private void loadDescs(Map<Resource, ObjectNode> trees) {
    Set<String> loadedNames = new HashSet<>();
    for (Map.Entry<Resource, ObjectNode> entry : trees.entrySet()) {
      Resource resource = entry.getKey();
      String reason;
      try {
        LoadedCubeDesc desc = LoadedCubeDesc.load(resource, model, tables);
        if (loadedNames.add(Names.key(desc.name()))) {
          descs.add(desc);
          continue;
        }
        reason = "Dup CubeDesc name '" + desc.name() + "'";
      } catch (NotLoadableException e) {
        reason = e.getMessage();
        if (model == null && modelProblem != null) {
          reason += " (" + modelProblem + ")";
        }
      }
      String descName = KylinJson.text(entry.getValue(), "name");
      unloadableDescs.put(resource, descName);
      unloadable.add(new Problem(resource.path(), "Kylin v2 cannot load cube desc " + resource.path() + ": " + reason));
    }
    descs.sort(Comparator.comparing(LoadedCubeDesc::name, String.CASE_INSENSITIVE_ORDER));
  }

  private void reportCubesOfUnloadableDescs(List<CubeUse> cubes) {
    for (CubeUse cube : cubes) {
      if (cube.segments == CubeUse.Segments.UNREADABLE) {
        warnings.add(new Problem(cube.resource.path(), "cube " + cube.displayName()
            + ": 'segments' is not a list; treated as having segments"));
      }
      if (descs.stream().anyMatch(d -> cube.uses(d.name()))) {
        continue;
      }
      String unloadableDesc = unloadableDescs.entrySet().stream()
          .filter(e -> cube.uses(e.getValue()) || cube.uses(ResourcePaths.entityName(e.getKey().path())))
          .map(e -> e.getKey().path()).findFirst().orElse(null);
      String outcome = options.purges(cube.name) ? "cube purged, its desc left unchanged" : "cube left unchanged";
      String reason = unloadableDesc != null
          ? "cube desc " + unloadableDesc + " cannot be loaded by Kylin v2; " + outcome
          : "CubeInstance desc not found '" + cube.descName + "'; " + outcome;
      unloadable.add(new Problem(cube.resource.path(), reason));
    }
  }

  /**
   * Kylin's {@code upgradeCubeDesc}: a desc whose {@code partition_date_start} is 0 takes the model's partition start
   * when that is not 0. A model without a partition desc has none to give.
   */
  private void copyPartitionStartFromModel(LoadedCubeDesc desc) {
    DataModel modelDesc = desc.model.desc;
    if (modelDesc.partitionDesc == null) {
      return;
    }
    long modelStart = modelDesc.partitionDesc.partitionDateStart;
    if (desc.desc.partitionDateStart == 0 && modelStart != 0) {
      desc.desc.partitionDateStart = modelStart;
      changesOf(desc).add("partition_date_start 0 -> " + modelStart + " (from model " + modelDesc.name + ")");
    }
  }

  /**
   * Kylin's {@code upgradeDataModelDesc}: a model with neither dimensions nor metrics gets them from the desc, when
   * the desc has dimensions. A filled model has them, so the first in-scope desc (by name) with dimensions fills it
   * and the later ones leave it as it is. Not when Kylin would write the model to another path than it was read from.
   */
  private void fillModelFromFirstDesc(LoadedCubeDesc desc) {
    DataModel modelDesc = desc.model.desc;
    if (!ModelDerivation.needed(modelDesc) || !ModelDerivation.canDeriveFrom(desc)) {
      return;
    }
    String expectedPath = ResourcePaths.modelPath(modelDesc.name);
    if (!expectedPath.equals(modelResource.path())) {
      warnings.add(new Problem(modelResource.path(), "model dimensions/metrics not derived: Kylin would write model '"
          + modelDesc.name + "' to " + expectedPath + ", not to " + modelResource.path()));
      return;
    }
    ModelDerivation.derive(modelDesc, desc);
    modelDerivedFrom = desc.name();
  }

  /**
   * Kylin's {@code upgradeEmptyCubes}: the desc of a cube without segments, still on engine 0 (MapReduce v1) and
   * storage 0 (HBase), moves to engine 2 (MapReduce v2) and storage 2 (sharded HBase). Kylin switches it even when
   * another cube using the same desc has segments, whose unsharded v1 HTables sharded storage then cannot read; such
   * a desc is left as it is here, with a warning.
   */
  private void switchDescOfEmptyCubesToV2(LoadedCubeDesc desc, List<CubeUse> cubes) {
    CubeDesc cubeDesc = desc.desc;
    if (cubeDesc.engineType != CubeDesc.ENGINE_MR_V1 || cubeDesc.storageType != CubeDesc.STORAGE_HBASE) {
      return;
    }
    List<CubeUse> users = cubes.stream().filter(c -> c.uses(desc.name())).collect(Collectors.toList());
    List<CubeUse> empty = users.stream().filter(CubeUse::isEmptyLoadableCube).collect(Collectors.toList());
    List<CubeUse> withSegments = users.stream().filter(CubeUse::mayHaveSegments).collect(Collectors.toList());
    if (empty.isEmpty()) {
      return;
    }
    if (withSegments.isEmpty()) {
      cubeDesc.engineType = CubeDesc.ENGINE_MR_V2;
      cubeDesc.storageType = CubeDesc.STORAGE_SHARDED_HBASE;
      changesOf(desc).add("engine_type/storage_type 0/0 -> 2/2 (no cube using it has segments)");
    } else {
      warnings.add(new Problem(desc.resource.path(), "desc " + desc.name()
          + " left on engine 0/storage 0 because cube " + names(withSegments) + " has segments while empty cube "
          + names(empty) + " uses it (Kylin 1.4-alpha would have switched it)"));
    }
  }

  /**
   * Kylin's {@code upgradeCubeDescSignature} ({@code CubeDescSignatureUpdate}): the stored signature is replaced when
   * it differs from the one computed over the desc, here over its final content (see {@link #run()} for why that
   * gives Kylin's value).
   */
  private void recomputeSignature(LoadedCubeDesc desc) {
    String stored = desc.desc.signature;
    String computed = Signature.compute(desc.desc, desc.model.desc).value();
    if (!computed.equals(stored)) {
      desc.desc.signature = computed;
      changesOf(desc).add("signature " + stored + " -> " + computed);
    }
  }

  private GroupResult output(Map<Resource, ObjectNode> descTrees) {
    long timestamp = options.runTimestamp();
    List<Resource> rewritten = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    List<LoadedCubeDesc> changed = descs.stream().filter(descChanges::containsKey)
        .sorted(Comparator.comparing(d -> d.resource.path())).collect(Collectors.toList());
    for (LoadedCubeDesc desc : changed) {
      desc.desc.lastModified = timestamp;
      addIfChanged(desc.resource, KylinJson.indented(desc.desc), timestamp, rewritten, changes,
          new Change(desc.resource.path(), Change.Kind.CUBE_DESC, descChanges.get(desc),
              DroppedProperties.find(descTrees.get(desc.resource), CubeDesc.class)));
    }
    if (modelDerivedFrom != null) {
      model.desc.lastModified = timestamp;
      addIfChanged(modelResource, KylinJson.indented(model.desc), timestamp, rewritten, changes,
          new Change(modelResource.path(), Change.Kind.MODEL,
              Immutables.listOf("dimensions/metrics derived from cube desc " + modelDerivedFrom),
              DroppedProperties.find(modelTree, DataModel.class)));
    }
    for (CubePurge purge : purges.stream().filter(p -> p.changed).collect(Collectors.toList())) {
      rewritten.add(purge.purged);
      changes.add(new Change(purge.purged.path(), Change.Kind.CUBE, Immutables.listOf(purge.reason()),
          purge.droppedProperties));
    }
    return new GroupResult(rewritten, changes, unloadable, warnings,
        purges.stream().map(p -> p.record).collect(Collectors.toList()));
  }

  private static void addIfChanged(Resource input, byte[] content, long timestamp, List<Resource> rewritten,
      List<Change> changes, Change change) {
    if (!Arrays.equals(input.content(), content)) {
      rewritten.add(input.withContent(content, timestamp));
      changes.add(change);
    }
  }

  private List<String> changesOf(LoadedCubeDesc desc) {
    return descChanges.computeIfAbsent(desc, d -> new ArrayList<>());
  }

  private static String names(List<CubeUse> cubes) {
    return cubes.stream().map(CubeUse::displayName).collect(Collectors.joining(", "));
  }

  private static List<Resource> sortedByPath(List<Resource> resources) {
    List<Resource> sorted = resources == null ? new ArrayList<Resource>() : new ArrayList<>(resources);
    sorted.sort(Comparator.comparing(Resource::path));
    return sorted;
  }
}
