package org.kylinupgrade.hybrid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.kylinupgrade.cuboid.V15Cuboids;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;
import org.kylinupgrade.rules.Signature;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.rules.V2Entities;
import org.kylinupgrade.rules.V2Load;
import org.kylinupgrade.rules.v2.CubeDesc;
import org.kylinupgrade.rules.v2.CubeInstance;
import org.kylinupgrade.rules.v2.CubeSegment;
import org.kylinupgrade.rules.v2.DataModel;
import org.kylinupgrade.rules.v2.HybridInstance;
import org.kylinupgrade.rules.v2.RealizationEntry;
import org.kylinupgrade.util.Immutables;

/**
 * Kylin 1.4-alpha's {@code ExtendCubeToHybridCLI} as a pure function: the cube's segments move into a new
 * {@code <cube>_old} with its own copy of the desc (still engine 0 / storage 0), the cube itself becomes empty and v2
 * (engine 2 / storage 2), and a hybrid {@code <cube>_hybrid} of the two joins the project.
 *
 * <p>Unlike Kylin, every input problem is found before anything is written, and a desc that other cubes with
 * segments share is not switched (their segments would become unreadable): the emptied cube gets a copy of its own,
 * {@code <desc>_v2}.
 *
 * <p>{@link #plan(HybridInput, UpgradeTarget, String, String, String, HybridIds)} picks the tool of a release: this
 * one, or Kylin 1.5.4.1's ({@link ExtendCubeToHybrid15}).
 */
public final class ExtendCubeToHybrid {
  static final String OLD_SUFFIX = "_old";
  static final String HYBRID_SUFFIX = "_hybrid";
  static final String OWN_DESC_SUFFIX = "_v2";

  private final HybridInput input;
  private final HybridIds ids;

  private ExtendCubeToHybrid(HybridInput input, HybridIds ids) {
    this.input = input;
    this.ids = ids;
  }

  /**
   * Kylin 1.4-alpha's tool, on metadata in 1.4-alpha's format.
   *
   * @param partitionDate the operator's date (model format or epoch ms), or null for the end of the last segment
   * @throws BadInputException for anything Kylin would refuse or fail on, before anything is written
   */
  public static HybridPlan plan(HybridInput input, String project, String cube, String partitionDate, HybridIds ids) {
    return new ExtendCubeToHybrid(input, ids).plan(project, cube, partitionDate);
  }

  /**
   * The tool of the target release, on metadata in that release's format: Kylin 1.4-alpha's, or Kylin 1.5.4.1's
   * ({@link ExtendCubeToHybrid15}).
   *
   * @param partitionDate the operator's date, or null for the end of the last segment
   * @throws BadInputException for anything Kylin would refuse or fail on, before anything is written
   */
  public static HybridPlan plan(HybridInput input, UpgradeTarget target, String project, String cube,
      String partitionDate, HybridIds ids) {
    return plan(input, target, V15Cuboids.DEFAULT_MAX_COMBINATION, project, cube, partitionDate, ids);
  }

  /**
   * As {@link #plan(HybridInput, UpgradeTarget, String, String, String, HybridIds)}, for 1.5 by a Kylin whose {@code
   * kylin.cube.aggrgroup.max.combination} is {@code maxCombination}.
   */
  public static HybridPlan plan(HybridInput input, UpgradeTarget target, int maxCombination, String project,
      String cube, String partitionDate, HybridIds ids) {
    if (target == UpgradeTarget.V1_5) {
      return ExtendCubeToHybrid15.plan(input, project, cube, partitionDate, ids, maxCombination);
    }
    return plan(input, project, cube, partitionDate, ids);
  }

  private HybridPlan plan(String projectName, String cubeName, String partitionDateArg) {
    ProjectMoves projects = new ProjectMoves(input.projects());
    Resource project = projects.target(projectName);
    CubeToExtend source = extendable(cubeName);
    SegmentSplit split = SegmentSplit.of(source.cube.name, source.cube.segments, partitionDateArg, source.dateFormat);
    Naming naming = Naming.of(input, source.cube.name, source.desc.name,
        otherCubesUsing(source.desc.name, source.cubeResource));

    long now = ids.now();
    String cubeUuid = source.cube.uuid;
    List<HybridPlan.Write> writes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    CubeInstance old = createOldCubeAndDesc(source, naming, split, now, writes);
    moveDescToV2(source, naming, split.partitionDate, now, writes, notes);
    emptyCubeIntoHybrid(source, naming, now, writes);
    listInProject(projects, project, naming, now, writes);
    List<String> dropped = split.dropped.stream()
        .map(s -> s.name + " (" + s.storageLocationIdentifier + ")").collect(Collectors.toList());
    String projectUuid = ProjectMoves.read(project).uuid;
    return new HybridPlan(source.cube.name, naming.oldCube, naming.oldDesc, naming.ownDesc, naming.hybrid,
        ProjectMoves.read(project).name, split.partitionDate, cubeUuid, old.uuid, projectUuid, writes, dropped, notes);
  }

  /** The cube, its desc and model as Kylin v2 loads them; refused when Kylin would refuse or fail on them. */
  private CubeToExtend extendable(String cubeName) {
    Resource cubeResource = findCube(input, cubeName);
    CubeInstance cube = V2Entities.read(cubeResource, CubeInstance.class);
    if (cube.segments == null || cube.segments.isEmpty()) {
      throw new BadInputException("cube " + cube.name + " has no segments: there is nothing to extend");
    }
    Resource descResource = findDesc(input, cube.name, cube.descriptor);
    Resource modelResource = findModel(input, descResource);
    V2Load.LoadedDesc loaded = V2Load.loadCubeDesc(descResource, modelResource, UpgradeRules.tables(input.tables()));
    if (!loaded.loaded()) {
      throw new BadInputException("cube desc " + descResource.path() + " of cube " + cube.name + " cannot be loaded by "
          + "Kylin v2: " + loaded.notLoadableReason() + "; fix it (validate lists it) before extending the cube");
    }
    CubeDesc desc = loaded.desc();
    DataModel model = loaded.model();
    String dateFormat = requirePartitioned(cube, model);
    if (desc.engineType != CubeDesc.ENGINE_MR_V1 || desc.storageType != CubeDesc.STORAGE_HBASE) {
      throw new BadInputException("cube desc " + desc.name + " is on engine " + desc.engineType + " / storage "
          + desc.storageType + " already: the segments of cube " + cube.name + " are not v1 ones, there is nothing to "
          + "move into an old cube");
    }
    return new CubeToExtend(cubeResource, cube, descResource, desc, model, dateFormat);
  }

  /** The old cube with the moved segments, and its copy of the desc, still v1, ending at the partition date. */
  private CubeInstance createOldCubeAndDesc(CubeToExtend source, Naming naming, SegmentSplit split, long now,
      List<HybridPlan.Write> writes) {
    CubeInstance old = oldCube(source.cube, naming.oldCube, naming.oldDesc, split.moved, now);
    writes.add(created(ResourcePaths.cubePath(naming.oldCube), old, now, "segments of " + source.cube.name + " up to "
        + PartitionDate.format(split.partitionDate, source.dateFormat)));
    CubeDesc oldCopy = copyOf(source.desc, naming.oldDesc, false);
    oldCopy.partitionDateEnd = split.partitionDate;
    signAndStamp(oldCopy, source.model, now);
    writes.add(created(ResourcePaths.cubeDescPath(naming.oldDesc), oldCopy, now, "copy of " + source.desc.name + " for "
        + naming.oldCube));
    return old;
  }

  /** The desc moves to engine/storage 2, or, when other cubes with segments share it, the cube gets its own copy. */
  private void moveDescToV2(CubeToExtend source, Naming naming, long partitionDate, long now,
      List<HybridPlan.Write> writes, List<String> notes) {
    CubeDesc desc = source.desc;
    if (naming.ownDesc == null) {
      toV2(desc, partitionDate, source.model, now);
      writes.add(new HybridPlan.Write(source.descResource.withContent(V2Entities.write(desc), now),
          source.descResource, "engine/storage 2, partition_date_start " + partitionDate));
      if (!naming.others.isEmpty()) {
        notes.add("cube " + String.join(", ", naming.others.keySet()) + " (empty) uses cube desc " + desc.name
            + " too and moves to engine/storage 2 with it");
      }
    } else {
      CubeDesc own = copyOf(desc, naming.ownDesc, true);
      toV2(own, partitionDate, source.model, now);
      writes.add(created(ResourcePaths.cubeDescPath(naming.ownDesc), own, now, "copy of " + desc.name
          + " on engine/storage 2 for " + source.cube.name));
      source.cube.descriptor = naming.ownDesc;
      notes.add("cube desc " + desc.name + " is left as it is: other cubes with segments use it ("
          + String.join(", ", naming.sharers) + "); " + source.cube.name + " uses its own copy " + naming.ownDesc);
    }
  }

  /** The cube, emptied and disabled, and the hybrid of it and the old cube. */
  private void emptyCubeIntoHybrid(CubeToExtend source, Naming naming, long now, List<HybridPlan.Write> writes) {
    CubeInstance cube = source.cube;
    cube.segments = new ArrayList<>();
    cube.status = CubeInstance.Status.DISABLED;
    cube.lastModified = now;
    writes.add(new HybridPlan.Write(source.cubeResource.withContent(V2Entities.write(cube), now), source.cubeResource,
        "segments moved to " + naming.oldCube + ", status DISABLED"));
    writes.add(created(ResourcePaths.hybridPath(naming.hybrid), hybrid(naming.hybrid, cube.name, naming.oldCube, now),
        now, "hybrid of " + cube.name + " and " + naming.oldCube));
  }

  /** The target project lists the old cube and the hybrid; any other project that listed them no longer does. */
  private void listInProject(ProjectMoves projects, Resource project, Naming naming, long now,
      List<HybridPlan.Write> writes) {
    List<RealizationEntry> entries = Immutables.listOf(RealizationEntry.of(RealizationEntry.Type.CUBE, naming.oldCube),
        RealizationEntry.of(RealizationEntry.Type.HYBRID, naming.hybrid));
    for (Resource changed : projects.move(project, entries, now)) {
      Resource before = input.projects().stream().filter(p -> p.path().equals(changed.path())).findFirst().get();
      writes.add(new HybridPlan.Write(changed, before, changed.path().equals(project.path())
          ? "lists " + naming.oldCube + " and " + naming.hybrid
          : "no longer lists " + naming.oldCube + " or " + naming.hybrid));
    }
  }

  /** The cube to extend, with its desc and model as Kylin v2 loads them. */
  private static final class CubeToExtend {
    final Resource cubeResource;
    final CubeInstance cube;
    final Resource descResource;
    final CubeDesc desc;
    final DataModel model;
    final String dateFormat;

    CubeToExtend(Resource cubeResource, CubeInstance cube, Resource descResource, CubeDesc desc, DataModel model,
        String dateFormat) {
      this.cubeResource = cubeResource;
      this.cube = cube;
      this.descResource = descResource;
      this.desc = desc;
      this.model = model;
      this.dateFormat = dateFormat;
    }
  }

  /**
   * The new entities' names as Kylin takes them ({@code ownDesc} null when the cube keeps its desc) and the other
   * cubes on the desc: with segments (true) or without (false); {@code sharers} are those with segments.
   */
  static final class Naming {
    final String oldCube;
    final String oldDesc;
    final String hybrid;
    final String ownDesc;
    final Map<String, Boolean> others;
    final List<String> sharers;

    private Naming(String oldCube, String oldDesc, String hybrid, String ownDesc, Map<String, Boolean> others,
        List<String> sharers) {
      this.oldCube = oldCube;
      this.oldDesc = oldDesc;
      this.hybrid = hybrid;
      this.ownDesc = ownDesc;
      this.others = others;
      this.sharers = sharers;
    }

    /** Refused when the hybrid exists already. */
    static Naming of(HybridInput input, String cube, String desc, Map<String, Boolean> others) {
      String oldCube = freeName(cube + OLD_SUFFIX, OLD_SUFFIX, names(input.cubes()));
      String oldDesc = freeName(desc + OLD_SUFFIX, OLD_SUFFIX, names(input.cubeDescs()));
      String hybrid = cube + HYBRID_SUFFIX;
      if (names(input.hybrids()).contains(hybrid)) {
        throw new BadInputException("hybrid " + hybrid + " exists already; Kylin would fail half-way on it");
      }
      List<String> sharers = others.keySet().stream().filter(others::get).collect(Collectors.toList());
      String ownDesc = sharers.isEmpty() ? null
          : freeName(desc + OWN_DESC_SUFFIX, OWN_DESC_SUFFIX, withName(names(input.cubeDescs()), oldDesc));
      return new Naming(oldCube, oldDesc, hybrid, ownDesc, others, sharers);
    }
  }

  /** The cube of that name (case-insensitively); bad input when there is none. */
  static Resource findCube(HybridInput input, String name) {
    for (Resource cube : input.cubes()) {
      if (name.equalsIgnoreCase(nameOf(cube))) {
        return cube;
      }
    }
    throw new BadInputException("cube '" + name + "' does not exist");
  }

  /** The cube desc a cube names as its descriptor (case-insensitively); bad input when there is none. */
  static Resource findDesc(HybridInput input, String cube, String descriptor) {
    for (Resource desc : input.cubeDescs()) {
      String name = nameOf(desc);
      if (name != null && name.equalsIgnoreCase(descriptor)) {
        return desc;
      }
    }
    throw new BadInputException("cube " + cube + ": its cube desc '" + descriptor + "' does not exist");
  }

  /** The model a cube desc names (case-insensitively); null when there is none. */
  static Resource findModel(HybridInput input, Resource desc) {
    String modelName = UpgradeRules.modelNameOfDesc(desc);
    for (Resource model : input.models()) {
      String name = nameOf(model);
      if (name != null && name.equalsIgnoreCase(modelName)) {
        return model;
      }
    }
    return null;
  }

  private static String requirePartitioned(CubeInstance cube, DataModel model) {
    if (model.partitionDesc == null || model.partitionDesc.partitionDateColumn == null
        || model.partitionDesc.partitionDateColumn.isEmpty()) {
      throw new BadInputException("cube " + cube.name + " is not incremental: model " + model.name + " has no "
          + "partition date column, so there is nothing to extend");
    }
    return model.partitionDesc.partitionDateFormat;
  }

  /** The other cubes Kylin v2 loads with this desc: with segments (true) or without (false). */
  private Map<String, Boolean> otherCubesUsing(String descName, Resource self) {
    Map<String, Boolean> others = new LinkedHashMap<>();
    for (Resource other : input.cubes()) {
      if (other == self) {
        continue;
      }
      CubeInstance instance;
      try {
        instance = V2Entities.read(other, CubeInstance.class);
      } catch (BadInputException e) {
        continue;
      }
      if (instance.name != null && descName.equalsIgnoreCase(instance.descriptor)) {
        others.put(instance.name, instance.segments != null && !instance.segments.isEmpty());
      }
    }
    return others;
  }

  /** {@code CubeInstance.getCopyOf}, renamed, with the moved segments, a new uuid and creation time. */
  private CubeInstance oldCube(CubeInstance cube, String name, String descName, List<CubeSegment> segments, long now) {
    CubeInstance old = new CubeInstance();
    old.uuid = ids.newUuid();
    old.name = name;
    old.descriptor = descName;
    old.owner = cube.owner;
    old.version = cube.version;
    old.cost = cube.cost;
    old.status = cube.status;
    old.segments = new ArrayList<>(segments);
    old.createTimeUtc = now;
    old.lastModified = now;
    return old;
  }

  /**
   * {@code CubeDesc.getCopyOf} with a new name and uuid; Kylin's copy leaves {@code override_kylin_properties} out,
   * the emptied cube's own copy keeps them (it continues the original desc).
   */
  private CubeDesc copyOf(CubeDesc desc, String name, boolean keepOverrides) {
    CubeDesc copy = new CubeDesc();
    copy.uuid = ids.newUuid();
    copy.name = name;
    copy.modelName = desc.modelName;
    copy.description = desc.description;
    copy.nullStrings = desc.nullStrings;
    copy.dimensions = desc.dimensions;
    copy.measures = desc.measures;
    copy.rowkey = desc.rowkey;
    copy.hbaseMapping = desc.hbaseMapping;
    copy.signature = desc.signature;
    copy.notifyList = desc.notifyList;
    copy.statusNeedNotify = desc.statusNeedNotify;
    copy.autoMergeTimeRanges = desc.autoMergeTimeRanges;
    copy.partitionDateStart = desc.partitionDateStart;
    copy.partitionDateEnd = desc.partitionDateEnd;
    copy.retentionRange = desc.retentionRange;
    copy.engineType = desc.engineType;
    copy.storageType = desc.storageType;
    if (keepOverrides) {
      copy.overrideKylinProperties = desc.overrideKylinProperties;
    }
    return copy;
  }

  private static void toV2(CubeDesc desc, long partitionDate, DataModel model, long now) {
    desc.partitionDateStart = partitionDate;
    desc.engineType = CubeDesc.ENGINE_MR_V2;
    desc.storageType = CubeDesc.STORAGE_SHARDED_HBASE;
    signAndStamp(desc, model, now);
  }

  private static void signAndStamp(CubeDesc desc, DataModel model, long now) {
    desc.signature = Signature.compute(desc, model).value();
    desc.lastModified = now;
  }

  private HybridInstance hybrid(String name, String cube, String oldCube, long now) {
    HybridInstance hybrid = new HybridInstance();
    hybrid.uuid = ids.newUuid();
    hybrid.name = name;
    hybrid.realizations = Immutables.listOf(RealizationEntry.of(RealizationEntry.Type.CUBE, cube),
        RealizationEntry.of(RealizationEntry.Type.CUBE, oldCube));
    hybrid.lastModified = now;
    return hybrid;
  }

  private static HybridPlan.Write created(String path, Object entity, long now, String why) {
    return new HybridPlan.Write(new Resource(path, V2Entities.write(entity), now), null, why);
  }

  /** Kylin appends the suffix until no entity of that type has the name (case-insensitively). */
  static String freeName(String name, String suffix, Set<String> taken) {
    String candidate = name;
    while (taken.contains(candidate)) {
      candidate = candidate + suffix;
    }
    return candidate;
  }

  /** The names resources declare and their file names, compared case-insensitively. */
  static Set<String> names(List<Resource> resources) {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Resource resource : resources) {
      names.add(ResourcePaths.entityName(resource.path()));
      String name = nameOf(resource);
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  static Set<String> withName(Set<String> names, String name) {
    Set<String> more = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    more.addAll(names);
    more.add(name);
    return more;
  }

  /** The {@code name} inside a JSON resource; null when it has none or is not JSON. */
  static String nameOf(Resource resource) {
    try {
      return UpgradeRules.nameOfCube(resource);
    } catch (BadInputException e) {
      return null;
    }
  }
}
