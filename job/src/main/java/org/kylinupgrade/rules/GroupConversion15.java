package org.kylinupgrade.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kylinupgrade.cuboid.V1Cuboids;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;
import org.kylinupgrade.rules.v15.CubeDesc;
import org.kylinupgrade.rules.v15.DataModel;
import org.kylinupgrade.rules.v15.Versions;

/**
 * One model group through Kylin 1.5.4.1's upgrade ({@code CubeMetadataUpgradeEntry_v_1_5_1}), each resource written
 * at most once:
 * <ol>
 * <li>{@code CubeMetadataUpgrade_v_1_4_0}, desc by desc in path order: the desc is initialised in the old format;
 * the first one fills a model that has neither dimensions nor metrics; a zero {@code partition_date_start} is taken
 * from the model;</li>
 * <li>{@code CubeDescUpgrade_v_1_5_1}: every desc into the 1.5 format ({@link CubeDescUpgrade15});</li>
 * <li>the desc as Kylin 1.5 loads it ({@link CubeDescInit15}), moved to engine 2 / storage 2 when a cube without
 * segments uses it and none with segments does, and signed ({@link Signature15});</li>
 * <li>the version label ({@link VersionRefresh}) on what this group writes; the other resources of the group get it
 * from the caller, which labels every resource the group neither rewrote nor lists as untouched.</li>
 * </ol>
 * Where Kylin is wrong this is not: a desc it cannot load in either format is reported and left exactly as it is
 * (Kylin stops the whole run, or leaves the desc in a format 1.5 cannot load); a desc that a cube with segments uses
 * keeps its engine and storage (Kylin switches it when another cube using it is empty); old aggregation groups go
 * through the {@link AggregationGroupPlanner} of the options, and every converted desc must keep the row key order
 * and the cuboid set Kylin 1.3.0 builds for it (the HTables of built segments are keyed by cuboid id): a desc whose
 * set or order would change, or whose sets are too large to compare, is reported and left as it is.
 */
final class GroupConversion15 {
  private static final String KYLIN = "Kylin 1.5";

  private final String modelKey;
  private final Resource modelResource;
  private final List<Resource> descResources;
  private final List<Resource> cubeResources;
  private final TableCatalog tables;
  private final UpgradeOptions options;

  private final List<Problem> unloadable = new ArrayList<Problem>();
  private final List<Problem> warnings = new ArrayList<Problem>();
  private final List<String> untouched = new ArrayList<String>();
  /** Descs left untouched, with the name inside each (null when it has none). */
  private final Map<Resource, String> unloadableDescs = new LinkedHashMap<Resource, String>();
  private final List<CubePurge> purges = new ArrayList<CubePurge>();
  private LoadedModel15 model;
  private ObjectNode modelTree;
  private long refusedForCuboids;
  private long tooLargeToCheck;
  private String modelProblem;
  private String modelFilledFrom;

  /** A desc through the first step. */
  private static final class StepOne {
    final Resource resource;
    final ObjectNode tree;
    /** The desc as the second step reads it. */
    org.kylinupgrade.rules.v2.CubeDesc desc;
    List<HashMap<String, String>> configurations;
    List<List<String>> hierarchies;

    StepOne(Resource resource, ObjectNode tree) {
      this.resource = resource;
      this.tree = tree;
    }
  }

  /** A desc Kylin 1.5 loads after the conversion (or one already in the 1.5 format). */
  private static final class Converted {
    final Resource resource;
    final ObjectNode tree;
    final CubeDesc desc;
    final boolean alreadyUpgraded;
    final String storedSignature;
    final List<String> changes = new ArrayList<String>();
    /** The plan of the groups, for a desc converted in this run; null for one already in the 1.5 format. */
    GroupPlan plan;

    Converted(Resource resource, ObjectNode tree, CubeDesc desc, boolean alreadyUpgraded, String storedSignature) {
      this.resource = resource;
      this.tree = tree;
      this.desc = desc;
      this.alreadyUpgraded = alreadyUpgraded;
      this.storedSignature = storedSignature;
    }
  }

  GroupConversion15(String modelKey, Resource model, List<Resource> cubeDescs, List<Resource> cubes,
      TableCatalog tables, UpgradeOptions options) {
    this.modelKey = Objects.requireNonNull(modelKey, "modelKey");
    this.modelResource = model;
    this.descResources = sortedByPath(cubeDescs);
    this.cubeResources = sortedByPath(cubes);
    this.tables = Objects.requireNonNull(tables, "tables");
    this.options = Objects.requireNonNull(options, "options");
    if (tables.dataTypes() != KylinDataTypes.KYLIN_1_5) {
      throw new IllegalArgumentException("the tables were loaded for another Kylin release than 1.5");
    }
  }

  GroupResult run() {
    modelTree = modelResource == null ? null : KylinJson.readObject(modelResource);
    Map<Resource, ObjectNode> descTrees = GroupConversion.readDescs(descResources, modelKey);
    List<CubeUse> cubes = new ArrayList<CubeUse>();
    for (Resource cube : cubeResources) {
      cubes.add(CubeUse.read(GroupConversion.purgeIfAsked(cube, options, purges)));
    }
    if (!descResources.isEmpty()) {
      loadModel();
    }
    List<StepOne> stepOnes = new ArrayList<StepOne>();
    List<Converted> converted = new ArrayList<Converted>();
    for (Map.Entry<Resource, ObjectNode> entry : descTrees.entrySet()) {
      Resource resource = entry.getKey();
      ObjectNode tree = entry.getValue();
      String name = KylinJson.text(tree, "name");
      if (!options.inScope(name)) {
        leaveUntouched(resource, name);
        warnings.add(new Problem(resource.path(), "cube desc " + name + " is out of scope: left in its format, which "
            + KYLIN + " cannot load"));
      } else if (isInTheFormatOf15(tree)) {
        Converted desc = loadAlreadyUpgraded(resource, tree);
        if (desc != null) {
          converted.add(desc);
        }
      } else {
        StepOne desc = stepOne(resource, tree);
        if (desc != null) {
          stepOnes.add(desc);
        }
      }
    }
    for (StepOne desc : stepOnes) {
      Converted result = stepTwo(desc);
      if (result != null) {
        converted.add(result);
      }
    }
    List<Converted> loaded = dropDuplicates(converted);
    reportCubesOfUntouchedDescs(cubes, loaded);
    long keptByKylinRule = 0;
    long ownGroups = 0;
    for (Converted desc : loaded) {
      if (desc.plan != null && desc.plan.deviatesFromKylin()) {
        ownGroups++;
        warnings.add(new Problem(desc.resource.path(), "cube desc " + desc.desc.name + " written with aggregation "
            + "groups that keep the v1 cuboid set; Kylin's converter would have " + desc.plan.kylinWouldHave()));
      } else if (desc.plan != null) {
        keptByKylinRule++;
      }
      switchEmptyCubesToV2(desc, cubes);
      sign(desc);
    }
    return output(loaded, modelTree, new CuboidCheckCounts(keptByKylinRule, ownGroups, refusedForCuboids,
        tooLargeToCheck));
  }

  private void loadModel() {
    if (modelResource == null) {
      return;
    }
    String name = KylinJson.text(KylinJson.readObject(modelResource), "name");
    if (!Names.key(name).equals(modelKey)) {
      modelProblem = "the model file " + modelResource.path() + " declares the name '" + name
          + "' and Kylin finds models by that name";
      warnings.add(new Problem(modelResource.path(), "model declares name '" + name + "', not the group's '"
          + modelKey + "'; Kylin does not find it under that key"));
      return;
    }
    try {
      model = LoadedModel15.load(modelResource, tables);
    } catch (NotLoadableException e) {
      modelProblem = KYLIN + " cannot load " + modelResource.path() + ": " + e.getMessage();
      unloadable.add(new Problem(modelResource.path(), modelProblem));
    }
  }

  /**
   * {@code CubeMetadataUpgrade_v_1_4_0} for one desc. Null, with the desc reported, where Kylin's run would stop: the
   * desc does not bind or does not initialise. A desc whose file is not named after it is refused here too (Kylin's
   * first step would write a second file, named after the desc).
   */
  private StepOne stepOne(Resource resource, ObjectNode tree) {
    StepOne step = new StepOne(resource, tree);
    String name = KylinJson.text(tree, "name");
    org.kylinupgrade.rules.v2.CubeDesc desc;
    CubeDescInit.Result init;
    try {
      desc = KylinJson.bind(resource, org.kylinupgrade.rules.v2.CubeDesc.class);
      step.configurations = measureConfigurations(tree);
      if (Names.isBlank(desc.name)) {
        throw new NotLoadableException("CubeDesc name must not be blank");
      }
      String expectedPath = ResourcePaths.cubeDescPath(desc.name);
      if (!expectedPath.equals(resource.path())) {
        throw new NotLoadableException("Skip suspicious desc at " + resource.path() + ", CubeDesc [name=" + desc.name
            + "] should be at " + expectedPath);
      }
      try {
        init = CubeDescInit.run(desc, model == null ? null : model.tables, tables, DescInitRules.KYLIN_1_5_OLD_FORMAT);
      } catch (RuntimeException e) {
        throw new NotLoadableException("init failed: " + e);
      }
    } catch (NotLoadableException e) {
      String reason = e.getMessage();
      if (model == null && modelProblem != null) {
        reason += " (" + modelProblem + ")";
      }
      reportUntouched(resource, name, KYLIN + " cannot load cube desc " + resource.path() + " in the old format: "
          + reason);
      return null;
    }
    step.hierarchies = init.hierarchies();
    fillModel(desc, init.metricColumns());
    if (model.desc.partitionDesc == null) {
      // Kylin's step dies of a NullPointerException before it writes the desc (the error is only logged); the next
      // step then converts the desc as it was written, not initialised
      warnings.add(new Problem(resource.path(), "model " + model.desc.name + " has no partition_desc: Kylin converts "
          + "cube desc " + desc.name + " as written (names keep their case, dimensions their order)"));
      try {
        step.desc = KylinJson.bind(resource, org.kylinupgrade.rules.v2.CubeDesc.class);
      } catch (NotLoadableException e) {
        throw new IllegalStateException("bound before: " + e.getMessage(), e);
      }
      return step;
    }
    long modelStart = model.desc.partitionDesc.partitionDateStart;
    if (desc.partitionDateStart == 0 && modelStart != 0) {
      desc.partitionDateStart = modelStart;
    }
    step.desc = desc;
    return step;
  }

  /** Each measure's {@code function.configuration} as Kylin 1.5's {@code FunctionDesc} binds it (v1 has none). */
  private static List<HashMap<String, String>> measureConfigurations(ObjectNode tree) throws NotLoadableException {
    List<HashMap<String, String>> configurations = new ArrayList<HashMap<String, String>>();
    JsonNode measures = tree.get("measures");
    if (measures == null || !measures.isArray()) {
      return configurations;
    }
    for (JsonNode measure : measures) {
      JsonNode configuration = measure.path("function").path("configuration");
      if (configuration.isMissingNode() || configuration.isNull()) {
        configurations.add(null);
        continue;
      }
      try {
        configurations.add(KylinJson.MAPPER.readerFor(KylinJson.MAPPER.getTypeFactory()
            .constructMapType(HashMap.class, String.class, String.class)).<HashMap<String, String>>readValue(
                configuration));
      } catch (java.io.IOException e) {
        throw new NotLoadableException("a measure's function configuration does not bind to Kylin 1.5's "
            + "FunctionDesc: " + e.getMessage());
      }
    }
    return configurations;
  }

  /** {@code upgradeDataModelDesc}: the first desc (in path order) with dimensions fills a model that has neither. */
  private void fillModel(org.kylinupgrade.rules.v2.CubeDesc desc, List<String> metricColumns) {
    DataModel modelDesc = model.desc;
    if (modelDesc.dimensions != null || modelDesc.metrics != null || desc.dimensions == null
        || desc.dimensions.isEmpty()) {
      return;
    }
    String expectedPath = ResourcePaths.modelPath(modelDesc.name);
    if (!expectedPath.equals(modelResource.path())) {
      warnings.add(new Problem(modelResource.path(), "model dimensions/metrics not derived: Kylin would write model '"
          + modelDesc.name + "' to " + expectedPath + ", not to " + modelResource.path()));
      return;
    }
    ModelDerivation.derive(modelDesc, desc.dimensions, metricColumns);
    modelFilledFrom = desc.name;
  }

  /**
   * {@code CubeDescUpgrade_v_1_5_1}, then the load of the result by Kylin 1.5 and the cuboid check. Null, reported,
   * where any fails.
   */
  private Converted stepTwo(StepOne step) {
    CubeDesc converted;
    GroupPlan plan;
    String name = step.desc.name;
    V1Cuboids v1 = null;
    String v1Problem = null;
    try {
      v1 = modelTree == null ? V1Cuboids.of(step.tree) : V1Cuboids.of(step.tree, modelTree);
    } catch (IllegalArgumentException e) {
      v1Problem = e.getMessage();
    }
    try {
      CubeDescUpgrade15.Result result = CubeDescUpgrade15.convert(step.desc, step.configurations, step.hierarchies,
          options.groupPlanner(), v1, options.maxCombination());
      converted = result.desc;
      plan = result.plan;
    } catch (NotLoadableException | RuntimeException e) {
      String reason = e instanceof NotLoadableException ? e.getMessage() : e.toString();
      reportUntouched(step.resource, name, "cube desc " + step.resource.path() + " cannot be converted to the "
          + KYLIN + " format: " + reason);
      return null;
    }
    if (!plan.isExpressible()) {
      if (plan.isTooLargeToCheck()) {
        tooLargeToCheck++;
      } else {
        refusedForCuboids++;
      }
      reportUntouched(step.resource, name, "cube desc " + step.resource.path() + " cannot be converted to the "
          + KYLIN + " format: " + plan.notExpressibleReason());
      return null;
    }
    List<String> rewrittenHierarchies = new ArrayList<String>();
    try {
      CubeDescInit15.run(converted, model.tables, tables, options.maxCombination());
    } catch (NotLoadableException e) {
      CubeDescUpgrade15.Result other = e.getMessage().startsWith("Cannot find rowkey column")
          && CubeDescUpgrade15.hasHierarchyWithDerived(step.desc) ? convertKeepingHierarchyColumns(step, v1) : null;
      if (other == null) {
        reportUntouched(step.resource, name, KYLIN + " cannot load cube desc " + step.resource.path()
            + " once converted: " + e.getMessage() + (CubeDescUpgrade15.hasHierarchyWithDerived(step.desc)
                ? "; nor with the hierarchy columns kept as dimensions" : ""));
        return null;
      }
      converted = other.desc;
      rewrittenHierarchies = other.rewrittenHierarchies;
    }
    if (v1 == null) {
      refusedForCuboids++;
    }
    String refusal = v1 == null ? "the cuboids Kylin 1.3.0 builds for it cannot be computed (" + v1Problem
        + "), so the conversion cannot show that they stay the same" : cuboidCheck(v1, converted);
    if (refusal != null) {
      reportUntouched(step.resource, name, "cube desc " + step.resource.path() + " is not converted to the " + KYLIN
          + " format: " + refusal);
      return null;
    }
    Converted result = new Converted(step.resource, step.tree, converted, false, KylinJson.text(step.tree,
        "signature"));
    result.plan = plan;
    result.changes.add("converted to the " + KYLIN + " format");
    if (!rewrittenHierarchies.isEmpty()) {
      warnings.add(new Problem(step.resource.path(), "cube desc " + name + " written with the hierarchy dimension(s) "
          + rewrittenHierarchies + " as one dimension per hierarchy column, their derived columns hosted "
          + hostOf(converted, rewrittenHierarchies) + ": Kylin's dimension conversion makes each a single {FK} "
          + "dimension, which loses row key columns, and " + KYLIN + " would refuse the desc"));
    }
    return result;
  }

  /**
   * A desc Kylin's dimension conversion leaves without some of its row key columns, converted with its hierarchy
   * dimensions that have derived columns kept column by column: the derived columns on the foreign keys, else on
   * the finest level. Null when neither form loads in Kylin 1.5.
   */
  private CubeDescUpgrade15.Result convertKeepingHierarchyColumns(StepOne step, V1Cuboids v1) {
    for (CubeDescUpgrade15.DerivedHierarchy form : new CubeDescUpgrade15.DerivedHierarchy[] {
        CubeDescUpgrade15.DerivedHierarchy.FOREIGN_KEY_HOST, CubeDescUpgrade15.DerivedHierarchy.FINEST_LEVEL_HOST}) {
      try {
        CubeDescUpgrade15.Result result = CubeDescUpgrade15.convert(step.desc, step.configurations,
            step.hierarchies, options.groupPlanner(), v1, options.maxCombination(), form);
        if (result.desc == null) {
          return null;
        }
        CubeDescInit15.run(result.desc, model.tables, tables, options.maxCombination());
        return result;
      } catch (NotLoadableException | RuntimeException e) {
        // the next form, if any
      }
    }
    return null;
  }

  /** Where the derived columns of the rewritten hierarchies went: on {FK} or on their finest level. */
  private static String hostOf(CubeDesc converted, List<String> rewritten) {
    for (org.kylinupgrade.rules.v15.Dimension dimension : converted.dimensions) {
      for (String name : rewritten) {
        if (name.equalsIgnoreCase(dimension.name)
            && org.kylinupgrade.rules.v15.Dimension.FOREIGN_KEYS.equalsIgnoreCase(dimension.column)) {
          return "on the lookup's foreign keys ({FK})";
        }
      }
    }
    return "on the finest hierarchy level";
  }

  /**
   * Why the converted desc would not answer from the segments built by Kylin 1.3.0, counted; null when its row key
   * order and cuboid set are the v1 ones.
   */
  private String cuboidCheck(V1Cuboids v1, CubeDesc converted) {
    CuboidCheck check = CuboidCheck.of(v1, KylinJson.MAPPER.<JsonNode>valueToTree(converted), V1Cuboids.DEFAULT_BOUND,
        options.maxCombination());
    if (check.verdict == CuboidCheck.Verdict.TOO_LARGE) {
      tooLargeToCheck++;
    } else if (check.verdict == CuboidCheck.Verdict.REFUSED) {
      refusedForCuboids++;
    }
    return check.reason;
  }

  /** A desc already in the 1.5 format, from an earlier upgrade: loaded as Kylin 1.5 loads it, nothing converted. */
  private Converted loadAlreadyUpgraded(Resource resource, ObjectNode tree) {
    String name = KylinJson.text(tree, "name");
    try {
      CubeDesc desc = KylinJson.bind(resource, CubeDesc.class);
      if (Names.isBlank(desc.name)) {
        throw new NotLoadableException("CubeDesc name must not be blank");
      }
      String expectedPath = ResourcePaths.cubeDescPath(desc.name);
      if (!expectedPath.equals(resource.path())) {
        throw new NotLoadableException("Skip suspicious desc at " + resource.path() + ", CubeDesc [name=" + desc.name
            + "] should be at " + expectedPath);
      }
      CubeDescInit15.run(desc, model == null ? null : model.tables, tables, options.maxCombination());
      return new Converted(resource, tree, desc, true, desc.signature);
    } catch (NotLoadableException e) {
      String reason = e.getMessage();
      if (model == null && modelProblem != null) {
        reason += " (" + modelProblem + ")";
      }
      reportUntouched(resource, name, KYLIN + " cannot load cube desc " + resource.path() + ": " + reason);
      return null;
    }
  }

  /** A desc whose JSON has what only the 1.5 format has: top-level aggregation groups, or row key encodings. */
  static boolean isInTheFormatOf15(ObjectNode tree) {
    if (tree.has("aggregation_groups")) {
      return true;
    }
    for (JsonNode column : tree.path("rowkey").path("rowkey_columns")) {
      if (column.has("encoding")) {
        return true;
      }
    }
    return false;
  }

  /** Kylin 1.5's {@code CubeDescManager} keeps the first desc of a name (in path order) and skips the others. */
  private List<Converted> dropDuplicates(List<Converted> converted) {
    List<Converted> sorted = new ArrayList<Converted>(converted);
    Collections.sort(sorted, new Comparator<Converted>() {
      @Override
      public int compare(Converted a, Converted b) {
        return a.resource.path().compareTo(b.resource.path());
      }
    });
    Set<String> names = new HashSet<String>();
    List<Converted> kept = new ArrayList<Converted>();
    for (Converted desc : sorted) {
      if (names.add(Names.key(desc.desc.name))) {
        kept.add(desc);
      } else {
        reportUntouched(desc.resource, desc.desc.name, KYLIN + " cannot load cube desc " + desc.resource.path()
            + ": Dup CubeDesc name '" + desc.desc.name + "'");
      }
    }
    return kept;
  }

  private void reportUntouched(Resource resource, String name, String reason) {
    leaveUntouched(resource, name);
    unloadable.add(new Problem(resource.path(), reason));
  }

  private void leaveUntouched(Resource resource, String name) {
    unloadableDescs.put(resource, name);
    untouched.add(resource.path());
  }

  private void reportCubesOfUntouchedDescs(List<CubeUse> cubes, List<Converted> loaded) {
    for (CubeUse cube : cubes) {
      if (cube.segments == CubeUse.Segments.UNREADABLE) {
        warnings.add(new Problem(cube.resource.path(), "cube " + cube.displayName()
            + ": 'segments' is not a list; treated as having segments"));
      }
      boolean descLoads = false;
      for (Converted desc : loaded) {
        descLoads |= cube.uses(desc.desc.name);
      }
      if (descLoads) {
        continue;
      }
      String untouchedDesc = null;
      boolean outOfScope = false;
      for (Map.Entry<Resource, String> entry : unloadableDescs.entrySet()) {
        if (cube.uses(entry.getValue()) || cube.uses(ResourcePaths.entityName(entry.getKey().path()))) {
          untouchedDesc = entry.getKey().path();
          outOfScope = !options.inScope(entry.getValue());
          break;
        }
      }
      if (outOfScope) {
        continue;
      }
      String reason = untouchedDesc != null
          ? "cube desc " + untouchedDesc + " cannot be loaded by " + KYLIN + "; the cube only gets the version label"
          : "CubeInstance desc not found '" + cube.descName + "'; the cube only gets the version label";
      unloadable.add(new Problem(cube.resource.path(), reason));
    }
  }

  /** Kylin's switch of a desc with an empty cube, without its switch of a desc a cube with segments still uses. */
  private void switchEmptyCubesToV2(Converted desc, List<CubeUse> cubes) {
    CubeDesc cubeDesc = desc.desc;
    if (cubeDesc.engineType != CubeDesc.ENGINE_MR_V1 || cubeDesc.storageType != CubeDesc.STORAGE_HBASE) {
      return;
    }
    List<CubeUse> empty = new ArrayList<CubeUse>();
    List<CubeUse> withSegments = new ArrayList<CubeUse>();
    for (CubeUse cube : cubes) {
      if (cube.uses(cubeDesc.name)) {
        if (cube.isEmptyLoadableCube()) {
          empty.add(cube);
        }
        if (cube.mayHaveSegments()) {
          withSegments.add(cube);
        }
      }
    }
    if (empty.isEmpty()) {
      return;
    }
    if (withSegments.isEmpty()) {
      cubeDesc.engineType = CubeDesc.ENGINE_MR_V2;
      cubeDesc.storageType = CubeDesc.STORAGE_SHARDED_HBASE;
      desc.changes.add("engine_type/storage_type 0/0 -> 2/2 (no cube using it has segments)");
    } else {
      warnings.add(new Problem(desc.resource.path(), "desc " + cubeDesc.name
          + " left on engine 0/storage 0 because cube " + names(withSegments) + " has segments while empty cube "
          + names(empty) + " uses it (Kylin 1.5.4.1 would have switched it)"));
    }
  }

  private void sign(Converted desc) {
    String computed = Signature15.compute(desc.desc).value();
    if (!computed.equals(desc.storedSignature)) {
      desc.changes.add("signature " + desc.storedSignature + " -> " + computed);
    }
    desc.desc.signature = computed;
  }

  private GroupResult output(List<Converted> loaded, ObjectNode modelTree, CuboidCheckCounts cuboidChecks) {
    long timestamp = options.runTimestamp();
    List<Resource> rewritten = new ArrayList<Resource>();
    List<Change> changes = new ArrayList<Change>();
    for (Converted desc : loaded) {
      if (desc.alreadyUpgraded && desc.changes.isEmpty()) {
        // nothing to do but the version label, which the caller puts on every resource the group leaves
        continue;
      }
      desc.desc.version = Versions.UPGRADED;
      desc.desc.lastModified = timestamp;
      rewritten.add(desc.resource.withContent(KylinJson.indented(desc.desc), timestamp));
      changes.add(new Change(desc.resource.path(), Change.Kind.CUBE_DESC, desc.changes, desc.alreadyUpgraded
          ? Collections.<String>emptyList()
          : DroppedProperties.find(desc.tree, org.kylinupgrade.rules.v2.CubeDesc.class)));
    }
    if (modelFilledFrom != null) {
      model.desc.version = Versions.UPGRADED;
      model.desc.lastModified = timestamp;
      rewritten.add(modelResource.withContent(KylinJson.indented(model.desc), timestamp));
      List<String> reasons = new ArrayList<String>();
      reasons.add("dimensions/metrics derived from cube desc " + modelFilledFrom);
      changes.add(new Change(modelResource.path(), Change.Kind.MODEL, reasons,
          DroppedProperties.find(modelTree, DataModel.class)));
    }
    List<PurgedCube> purged = new ArrayList<PurgedCube>();
    for (CubePurge purge : purges) {
      purged.add(purge.record);
      if (purge.changed) {
        rewritten.add(VersionRefresh.refresh(purge.purged, timestamp));
        List<String> reasons = new ArrayList<String>();
        reasons.add(purge.reason());
        changes.add(new Change(purge.purged.path(), Change.Kind.CUBE, reasons, purge.droppedProperties));
      }
    }
    return new GroupResult(rewritten, changes, unloadable, warnings, purged, untouched, cuboidChecks);
  }

  private static String names(List<CubeUse> cubes) {
    StringBuilder out = new StringBuilder();
    for (CubeUse cube : cubes) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(cube.displayName());
    }
    return out.toString();
  }

  private static List<Resource> sortedByPath(List<Resource> resources) {
    List<Resource> sorted = new ArrayList<Resource>(resources == null ? Collections.<Resource>emptyList() : resources);
    Collections.sort(sorted, new Comparator<Resource>() {
      @Override
      public int compare(Resource a, Resource b) {
        return a.path().compareTo(b.path());
      }
    });
    return sorted;
  }
}
