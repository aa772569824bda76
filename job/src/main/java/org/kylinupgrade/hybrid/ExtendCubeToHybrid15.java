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

  private ExtendCubeToHybrid15(HybridInput input, HybridIds ids) {
    this.input = input;
    this.ids = ids;
  }

  static HybridPlan plan(HybridInput input, String project, String cube, String partitionDate, HybridIds ids) {
    return new ExtendCubeToHybrid15(input, ids).plan(project, cube, partitionDate);
  }

  private HybridPlan plan(String projectName, String cubeName, String partitionDateArg) {
    ProjectMoves15 projects = new ProjectMoves15(input.projects());
    Resource project = projects.target(projectName);
    Resource cubeResource = findCube(cubeName);
    CubeInstance cube = readCube(cubeResource);
    if (cube.segments == null) {
      throw new BadInputException(cubeResource.path() + ": cube " + cube.name + " has no segment list; Kylin 1.5 "
          + "cannot load it");
    }
    if (cube.segments.isEmpty()) {
      throw new BadInputException("cube " + cube.name + " has no segments: there is nothing to extend");
    }
    TableCatalog tables = UpgradeRules.tables(input.tables(), UpgradeTarget.V1_5);
    Resource descResource = findDesc(cube);
    Resource modelResource = findModel(descResource);
    V15Load.DescOutcome loaded = V15Load.cubeDesc(descResource, modelResource, tables);
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
    String model = requirePartitioned(cube, modelResource);
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
    SegmentSplit15 split = SegmentSplit15.of(cube.name, cube.segments, partitionDateArg);

    String oldCube = ExtendCubeToHybrid.freeName(cube.name + ExtendCubeToHybrid.OLD_SUFFIX,
        ExtendCubeToHybrid.OLD_SUFFIX, ExtendCubeToHybrid.names(input.cubes()));
    String oldDesc = ExtendCubeToHybrid.freeName(desc.name + ExtendCubeToHybrid.OLD_SUFFIX,
        ExtendCubeToHybrid.OLD_SUFFIX, ExtendCubeToHybrid.names(input.cubeDescs()));
    String hybrid = cube.name + ExtendCubeToHybrid.HYBRID_SUFFIX;
    if (ExtendCubeToHybrid.names(input.hybrids()).contains(hybrid)) {
      throw new BadInputException("hybrid " + hybrid + " exists already; Kylin would fail half-way on it");
    }
    Map<String, Boolean> others = otherCubesUsing(desc.name, cubeResource);
    List<String> sharers = new ArrayList<String>();
    for (Map.Entry<String, Boolean> other : others.entrySet()) {
      if (other.getValue()) {
        sharers.add(other.getKey());
      }
    }
    String ownDesc = sharers.isEmpty() ? null
        : ExtendCubeToHybrid.freeName(desc.name + ExtendCubeToHybrid.OWN_DESC_SUFFIX,
            ExtendCubeToHybrid.OWN_DESC_SUFFIX,
            ExtendCubeToHybrid.withName(ExtendCubeToHybrid.names(input.cubeDescs()), oldDesc));

    long now = ids.now();
    String cubeUuid = cube.uuid;
    List<HybridPlan.Write> writes = new ArrayList<HybridPlan.Write>();
    List<String> notes = new ArrayList<String>();
    CubeInstance old = oldCube(cube, oldCube, oldDesc, split.moved, now);
    writes.add(created(ResourcePaths.cubePath(oldCube), old, now, "segments of " + cube.name + " up to "
        + PartitionDate.format(split.partitionDate, model) + " (" + split.partitionDate + " ms)"));
    CubeDesc oldCopy = copyOf(desc, oldDesc);
    oldCopy.partitionDateEnd = split.partitionDate;
    signAndStamp(oldCopy, now);
    writes.add(created(ResourcePaths.cubeDescPath(oldDesc), oldCopy, now, "copy of " + desc.name + " for " + oldCube));
    if (ownDesc == null) {
      toV2(desc, split.partitionDate, now);
      writes.add(new HybridPlan.Write(descResource.withContent(V2Entities.write(desc), now), descResource,
          "engine/storage 2, partition_date_start " + split.partitionDate));
      if (!others.isEmpty()) {
        notes.add("cube " + String.join(", ", others.keySet()) + " (empty) uses cube desc " + desc.name
            + " too and moves to engine/storage 2 with it");
      }
    } else {
      CubeDesc own = copyOf(desc, ownDesc);
      toV2(own, split.partitionDate, now);
      writes.add(created(ResourcePaths.cubeDescPath(ownDesc), own, now, "copy of " + desc.name + " on engine/storage 2 "
          + "for " + cube.name));
      cube.descriptor = ownDesc;
      notes.add("cube desc " + desc.name + " is left as it is: other cubes with segments use it ("
          + String.join(", ", sharers) + "); " + cube.name + " uses its own copy " + ownDesc);
    }
    cube.segments = new ArrayList<CubeSegment>();
    cube.status = CubeInstance.Status.DISABLED;
    cube.lastModified = now;
    writes.add(new HybridPlan.Write(cubeResource.withContent(V2Entities.write(cube), now), cubeResource,
        "segments moved to " + oldCube + ", status DISABLED"));
    writes.add(created(ResourcePaths.hybridPath(hybrid), hybrid(hybrid, cube.name, oldCube, now), now,
        "hybrid of " + cube.name + " and " + oldCube));
    List<RealizationEntry> entries = Arrays.asList(RealizationEntry.of(RealizationEntry.Type.CUBE, oldCube),
        RealizationEntry.of(RealizationEntry.Type.HYBRID, hybrid));
    String projectUuid = projects.instance(project).uuid;
    String projectDisplayName = projects.instance(project).name;
    for (Resource changed : projects.move(project, entries, now)) {
      Resource before = null;
      for (Resource p : input.projects()) {
        if (p.path().equals(changed.path())) {
          before = p;
        }
      }
      writes.add(new HybridPlan.Write(changed, before, changed.path().equals(project.path())
          ? "lists " + oldCube + " and " + hybrid : "no longer lists " + oldCube + " or " + hybrid));
    }
    List<String> dropped = new ArrayList<String>();
    for (CubeSegment s : split.dropped) {
      dropped.add(s.name + " (" + s.storageLocationIdentifier + ")");
    }
    return new HybridPlan(cube.name, oldCube, oldDesc, ownDesc, hybrid, projectDisplayName, split.partitionDate,
        cubeUuid, old.uuid, projectUuid, writes, dropped, notes);
  }

  private Resource findCube(String name) {
    for (Resource cube : input.cubes()) {
      if (name.equalsIgnoreCase(ExtendCubeToHybrid.nameOf(cube))) {
        return cube;
      }
    }
    throw new BadInputException("cube '" + name + "' does not exist");
  }

  private static CubeInstance readCube(Resource resource) {
    try {
      return V2Entities.read(resource, CubeInstance.class);
    } catch (BadInputException e) {
      throw new BadInputException(resource.path() + ": Kylin 1.5 cannot read the cube: " + e.getMessage());
    }
  }

  private Resource findDesc(CubeInstance cube) {
    for (Resource desc : input.cubeDescs()) {
      String name = ExtendCubeToHybrid.nameOf(desc);
      if (name != null && name.equalsIgnoreCase(cube.descriptor)) {
        return desc;
      }
    }
    throw new BadInputException("cube " + cube.name + ": its cube desc '" + cube.descriptor + "' does not exist");
  }

  private Resource findModel(Resource desc) {
    String modelName = UpgradeRules.modelNameOfDesc(desc);
    for (Resource model : input.models()) {
      String name = ExtendCubeToHybrid.nameOf(model);
      if (name != null && name.equalsIgnoreCase(modelName)) {
        return model;
      }
    }
    return null;
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
