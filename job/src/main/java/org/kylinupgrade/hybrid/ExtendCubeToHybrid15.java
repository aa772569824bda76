package org.kylinupgrade.hybrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kylinupgrade.hybrid.v15.CubeInstance;
import org.kylinupgrade.hybrid.v15.CubeSegment;
import org.kylinupgrade.hybrid.v15.HybridInstance;
import org.kylinupgrade.hybrid.v15.Kylin15;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;
import org.kylinupgrade.rules.CubeDescValidator15;
import org.kylinupgrade.rules.Signature15;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.rules.V15Load;
import org.kylinupgrade.rules.V2Entities;
import org.kylinupgrade.rules.v15.CubeDesc;
import org.kylinupgrade.rules.v15.DataModel;
import org.kylinupgrade.rules.v2.RealizationEntry;

/**
 * Kylin 1.5.4.1's {@code ExtendCubeToHybridCLI} as a pure function, on metadata in Kylin 1.5's format: the cube's
 * segments move into a new {@code <cube>_old} with its own copy of the desc (still engine 0 / storage 0, ending at the
 * partition date), the cube itself becomes empty and DISABLED and its desc moves to engine 2 / storage 2 (starting at
 * the partition date), and a hybrid {@code <cube>_hybrid} of the two joins the project, as does the old cube. Every
 * resource is written as Kylin 1.5.4.1 writes it: the desc as its {@code CubeDescManager} holds it once loaded, signed
 * by 1.5's rule (which covers engine and storage), new entities labelled with Kylin's version, re-saved ones keeping
 * theirs, every {@code last_modified} the time of the run.
 *
 * <p>What differs from 1.4-alpha's tool: the desc copy keeps the aggregation groups and the overriding properties, a
 * {@code --partition-date} is read without the model's format, the old cube's segments pass 1.5's
 * {@code CubeValidator}, and the descs pass 1.5's {@code CubeMetadataValidator}.
 *
 * <p>Unlike Kylin, every input problem is found before anything is written (Kylin writes the old cube first and
 * carries on past a desc its validator refuses, or fails half-way), and a desc that other cubes with segments share is
 * not switched (their segments would become unreadable): the emptied cube gets a copy of its own, {@code <desc>_v2}.
 */
final class ExtendCubeToHybrid15 {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HybridInput input;
  private final HybridIds ids;
  private final int maxCombination;

  private ExtendCubeToHybrid15(HybridInput input, HybridIds ids, int maxCombination) {
    this.input = input;
    this.ids = ids;
    this.maxCombination = maxCombination;
  }

  /** @param maxCombination the operator's {@code kylin.cube.aggrgroup.max.combination}, which the desc must keep to */
  static HybridPlan plan(HybridInput input, String project, String cube, String partitionDate, HybridIds ids,
      int maxCombination) {
    return new ExtendCubeToHybrid15(input, ids, maxCombination).plan(project, cube, partitionDate);
  }

  private HybridPlan plan(String projectName, String cubeName, String partitionDateArg) {
    ProjectMoves15 projects = new ProjectMoves15(input.projects());
    Resource project = projects.target(projectName);
    CubeToExtend source = extendable(cubeName);
    SegmentSplit15 split = SegmentSplit15.of(source.cube.name, source.cube.segments, partitionDateArg);
    ExtendCubeToHybrid.Naming naming = ExtendCubeToHybrid.Naming.of(input, source.cube.name, source.desc.name,
        otherCubesUsing(source.desc.name, source.cubeResource));

    long now = ids.now();
    String cubeUuid = source.cube.uuid;
    List<HybridPlan.Write> writes = new ArrayList<HybridPlan.Write>();
    List<String> notes = new ArrayList<String>();
    CubeInstance old = createOldCubeAndDesc(source, naming, split, now, writes);
    moveDescToV2(source, naming, split.partitionDate, now, writes, notes);
    emptyCubeIntoHybrid(source, naming, now, writes);
    String projectUuid = projects.instance(project).uuid;
    String projectDisplayName = projects.instance(project).name;
    listInProject(projects, project, naming, now, writes);
    List<String> dropped = new ArrayList<String>();
    for (CubeSegment s : split.dropped) {
      dropped.add(s.name + " (" + s.storageLocationIdentifier + ")");
    }
    return new HybridPlan(source.cube.name, naming.oldCube, naming.oldDesc, naming.ownDesc, naming.hybrid,
        projectDisplayName, split.partitionDate, cubeUuid, old.uuid, projectUuid, writes, dropped, notes);
  }

  /** The cube, its desc and model as Kylin 1.5 loads them; refused when Kylin would refuse or fail on them. */
  private CubeToExtend extendable(String cubeName) {
    Resource cubeResource = ExtendCubeToHybrid.findCube(input, cubeName);
    CubeInstance cube = readCube(cubeResource);
    if (cube.segments == null) {
      throw new BadInputException(cubeResource.path() + ": cube " + cube.name + " has no segment list; Kylin 1.5 "
          + "cannot load it");
    }
    if (cube.segments.isEmpty()) {
      throw new BadInputException("cube " + cube.name + " has no segments: there is nothing to extend");
    }
    TableCatalog tables = UpgradeRules.tables(input.tables(), UpgradeTarget.V1_5);
    Resource descResource = ExtendCubeToHybrid.findDesc(input, cube.name, cube.descriptor);
    Resource modelResource = ExtendCubeToHybrid.findModel(input, descResource);
    V15Load.DescOutcome loaded = V15Load.cubeDesc(descResource, modelResource, tables, maxCombination);
    if (!loaded.loaded()) {
      throw new BadInputException("cube desc " + descResource.path() + " of cube " + cube.name + " cannot be loaded by "
          + "Kylin 1.5: " + loaded.notLoadableReason() + "; fix it (validate lists it) before extending the cube (a "
          + "table upgraded to 1.4-alpha's format takes --to 1.4-alpha)");
    }
    CubeDesc desc = loaded.desc();
    JsonNode descTree = tree(descResource);
    if (!descTree.has("version")) {
      desc.version = Kylin15.NEW_ENTITY_VERSION;
    }
    if (descTree.hasNonNull("dictionaries")) {
      throw new BadInputException("cube desc " + desc.name + " has 'dictionaries', which this tool does not carry "
          + "into the copies it writes; extend the cube with Kylin's own tool");
    }
    String dateFormat = requirePartitioned(cube, modelResource);
    if (desc.engineType != CubeDesc.ENGINE_MR_V1 || desc.storageType != CubeDesc.STORAGE_HBASE) {
      throw new BadInputException("cube desc " + desc.name + " is on engine " + desc.engineType + " / storage "
          + desc.storageType + " already: the segments of cube " + cube.name + " are not v1 ones, there is nothing to "
          + "move into an old cube");
    }
    List<String> invalid = CubeDescValidator15.errors(desc, modelResource, tables);
    if (!invalid.isEmpty()) {
      throw new BadInputException("cube desc " + desc.name + " does not pass Kylin 1.5's CubeMetadataValidator ("
          + String.join("; ", invalid) + "): Kylin would leave its copy unsaved and the old cube without a desc");
    }
    return new CubeToExtend(cubeResource, cube, descResource, desc, dateFormat);
  }

  /** The old cube with the moved segments, and its copy of the desc, still v1, ending at the partition date. */
  private CubeInstance createOldCubeAndDesc(CubeToExtend source, ExtendCubeToHybrid.Naming naming, SegmentSplit15 split,
      long now, List<HybridPlan.Write> writes) {
    CubeInstance old = oldCube(source.cube, naming.oldCube, naming.oldDesc, split.moved, now);
    writes.add(created(ResourcePaths.cubePath(naming.oldCube), old, now, "segments of " + source.cube.name + " up to "
        + PartitionDate.format(split.partitionDate, source.dateFormat) + " (" + split.partitionDate + " ms)"));
    CubeDesc oldCopy = copyOf(source.desc, naming.oldDesc);
    oldCopy.partitionDateEnd = split.partitionDate;
    signAndStamp(oldCopy, now);
    writes.add(created(ResourcePaths.cubeDescPath(naming.oldDesc), oldCopy, now, "copy of " + source.desc.name + " for "
        + naming.oldCube));
    return old;
  }

  /** The desc moves to engine/storage 2, or, when other cubes with segments share it, the cube gets its own copy. */
  private void moveDescToV2(CubeToExtend source, ExtendCubeToHybrid.Naming naming, long partitionDate, long now,
      List<HybridPlan.Write> writes, List<String> notes) {
    CubeDesc desc = source.desc;
    if (naming.ownDesc == null) {
      toV2(desc, partitionDate, now);
      writes.add(new HybridPlan.Write(source.descResource.withContent(V2Entities.write(desc), now),
          source.descResource, "engine/storage 2, partition_date_start " + partitionDate));
      if (!naming.others.isEmpty()) {
        notes.add("cube " + String.join(", ", naming.others.keySet()) + " (empty) uses cube desc " + desc.name
            + " too and moves to engine/storage 2 with it");
      }
    } else {
      CubeDesc own = copyOf(desc, naming.ownDesc);
      toV2(own, partitionDate, now);
      writes.add(created(ResourcePaths.cubeDescPath(naming.ownDesc), own, now, "copy of " + desc.name
          + " on engine/storage 2 for " + source.cube.name));
      source.cube.descriptor = naming.ownDesc;
      notes.add("cube desc " + desc.name + " is left as it is: other cubes with segments use it ("
          + String.join(", ", naming.sharers) + "); " + source.cube.name + " uses its own copy " + naming.ownDesc);
    }
  }

  /** The cube, emptied and disabled, and the hybrid of it and the old cube. */
  private void emptyCubeIntoHybrid(CubeToExtend source, ExtendCubeToHybrid.Naming naming, long now,
      List<HybridPlan.Write> writes) {
    CubeInstance cube = source.cube;
    cube.segments = new ArrayList<CubeSegment>();
    cube.status = CubeInstance.Status.DISABLED;
    cube.lastModified = now;
    writes.add(new HybridPlan.Write(source.cubeResource.withContent(V2Entities.write(cube), now), source.cubeResource,
        "segments moved to " + naming.oldCube + ", status DISABLED"));
    writes.add(created(ResourcePaths.hybridPath(naming.hybrid), hybrid(naming.hybrid, cube.name, naming.oldCube, now),
        now, "hybrid of " + cube.name + " and " + naming.oldCube));
  }

  /** The target project lists the old cube and the hybrid; any other project that listed them no longer does. */
  private void listInProject(ProjectMoves15 projects, Resource project, ExtendCubeToHybrid.Naming naming, long now,
      List<HybridPlan.Write> writes) {
    List<RealizationEntry> entries = Arrays.asList(RealizationEntry.of(RealizationEntry.Type.CUBE, naming.oldCube),
        RealizationEntry.of(RealizationEntry.Type.HYBRID, naming.hybrid));
    for (Resource changed : projects.move(project, entries, now)) {
      Resource before = null;
      for (Resource p : input.projects()) {
        if (p.path().equals(changed.path())) {
          before = p;
        }
      }
      writes.add(new HybridPlan.Write(changed, before, changed.path().equals(project.path())
          ? "lists " + naming.oldCube + " and " + naming.hybrid
          : "no longer lists " + naming.oldCube + " or " + naming.hybrid));
    }
  }

  /** The cube to extend, with its desc as Kylin 1.5 loads it and the model's partition date format. */
  private static final class CubeToExtend {
    final Resource cubeResource;
    final CubeInstance cube;
    final Resource descResource;
    final CubeDesc desc;
    final String dateFormat;

    CubeToExtend(Resource cubeResource, CubeInstance cube, Resource descResource, CubeDesc desc, String dateFormat) {
      this.cubeResource = cubeResource;
      this.cube = cube;
      this.descResource = descResource;
      this.desc = desc;
      this.dateFormat = dateFormat;
    }
  }


  private static CubeInstance readCube(Resource resource) {
    try {
      return V2Entities.read(resource, CubeInstance.class);
    } catch (BadInputException e) {
      throw new BadInputException(resource.path() + ": Kylin 1.5 cannot read the cube: " + e.getMessage());
    }
  }

  private static JsonNode tree(Resource resource) {
    try {
      return JSON.readTree(resource.content());
    } catch (IOException e) {
      throw new BadInputException(resource.path() + ": not JSON: " + e.getMessage());
    }
  }

  /** The model's partition date format; bad input when the model has no partition date column. */
  private static String requirePartitioned(CubeInstance cube, Resource modelResource) {
    DataModel model = V2Entities.read(modelResource, DataModel.class);
    if (model.partitionDesc == null) {
      throw new BadInputException("cube " + cube.name + ": model " + model.name + " has no partition_desc (Kylin's "
          + "tool dies of a NullPointerException on it)");
    }
    if (model.partitionDesc.partitionDateColumn == null || model.partitionDesc.partitionDateColumn.isEmpty()) {
      throw new BadInputException("cube " + cube.name + " is not incremental: model " + model.name + " has no "
          + "partition date column, so there is nothing to extend");
    }
    return model.partitionDesc.partitionDateFormat;
  }

  /** The other cubes using this desc: with segments (true) or without (false). */
  private Map<String, Boolean> otherCubesUsing(String descName, Resource self) {
    Map<String, Boolean> others = new LinkedHashMap<String, Boolean>();
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

  /**
   * {@code CubeInstance.getCopyOf}, renamed, with the moved segments (in Kylin's order), a new uuid, creation time and
   * Kylin's version.
   */
  private CubeInstance oldCube(CubeInstance cube, String name, String descName, List<CubeSegment> segments, long now) {
    CubeInstance old = new CubeInstance();
    old.uuid = ids.newUuid();
    old.name = name;
    old.descriptor = descName;
    old.owner = cube.owner;
    old.cost = cube.cost;
    old.status = cube.status;
    old.segments = new ArrayList<CubeSegment>(segments);
    old.createTimeUtc = now;
    old.lastModified = now;
    return old;
  }

  /** Kylin 1.5's {@code CubeDesc.getCopyOf} of the loaded desc, with a new name, uuid and Kylin's version. */
  private CubeDesc copyOf(CubeDesc desc, String name) {
    CubeDesc copy = new CubeDesc();
    copy.uuid = ids.newUuid();
    copy.version = Kylin15.NEW_ENTITY_VERSION;
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
    copy.aggregationGroups = desc.aggregationGroups;
    copy.overrideKylinProperties = desc.overrideKylinProperties;
    return copy;
  }

  private static void toV2(CubeDesc desc, long partitionDate, long now) {
    desc.partitionDateStart = partitionDate;
    desc.engineType = CubeDesc.ENGINE_MR_V2;
    desc.storageType = CubeDesc.STORAGE_SHARDED_HBASE;
    signAndStamp(desc, now);
  }

  private static void signAndStamp(CubeDesc desc, long now) {
    desc.signature = Signature15.compute(desc).value();
    desc.lastModified = now;
  }

  private HybridInstance hybrid(String name, String cube, String oldCube, long now) {
    HybridInstance hybrid = new HybridInstance();
    hybrid.uuid = ids.newUuid();
    hybrid.name = name;
    hybrid.realizations = new ArrayList<RealizationEntry>(Arrays.asList(
        RealizationEntry.of(RealizationEntry.Type.CUBE, cube),
        RealizationEntry.of(RealizationEntry.Type.CUBE, oldCube)));
    hybrid.lastModified = now;
    return hybrid;
  }

  private static HybridPlan.Write created(String path, Object entity, long now, String why) {
    return new HybridPlan.Write(new Resource(path, V2Entities.write(entity), now), null, why);
  }
}
