package org.kylinupgrade.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.v2.CubeInstance;

/**
 * Kylin's {@code CubeService.purgeCube} on the cube itself, for a cube the operator asked to purge before the
 * conversion (a cube with segments keeps its desc on the v1 engine and storage; emptied, it no longer does): no
 * segments, status DISABLED (forced: the operator asked for the purge), everything else kept, re-saved as Kylin
 * writes a cube. HTables, dictionaries and snapshots stay where they are.
 */
final class CubePurge {
  final Resource purged;
  final PurgedCube record;
  final List<String> droppedProperties;
  /** False for a cube already empty and DISABLED: purging it again changes nothing, so it is not re-saved. */
  final boolean changed;

  private CubePurge(Resource purged, PurgedCube record, List<String> droppedProperties, boolean changed) {
    this.purged = purged;
    this.record = record;
    this.droppedProperties = droppedProperties;
    this.changed = changed;
  }

  static CubePurge of(Resource cube, long timestamp) {
    CubeInstance instance = V2Entities.read(cube, CubeInstance.class);
    int segments = instance.segments == null ? 0 : instance.segments.size();
    PurgedCube record = new PurgedCube(cube.path(), instance.name,
        instance.status == null ? null : instance.status.name(), segments, UpgradeRules.segmentTables(cube));
    if (segments == 0 && instance.segments != null && instance.status == CubeInstance.Status.DISABLED) {
      return new CubePurge(cube, record, Collections.<String>emptyList(), false);
    }
    instance.segments = new ArrayList<>();
    instance.status = CubeInstance.Status.DISABLED;
    instance.lastModified = timestamp;
    return new CubePurge(cube.withContent(KylinJson.indented(instance), timestamp), record,
        DroppedProperties.find(KylinJson.readObject(cube), CubeInstance.class), true);
  }

  String reason() {
    return "purged: " + record.segmentsRemoved() + " segment(s) removed, status " + record.previousStatus()
        + " -> DISABLED";
  }
}
