package org.kylinupgrade.hybrid;

import java.util.List;
import org.kylinupgrade.metadata.Resource;

/**
 * Everything extending a cube into a hybrid writes, in Kylin's order, with what each resource held before (null for
 * a new one) so that the writes can be undone.
 */
public record HybridPlan(String cube, String oldCube, String oldDesc, String ownDesc, String hybrid, String project,
    long partitionDate, String cubeUuid, String oldCubeUuid, String projectUuid, List<Write> writes,
    List<String> droppedSegments, List<String> notes) {
  public HybridPlan {
    writes = List.copyOf(writes);
    droppedSegments = List.copyOf(droppedSegments);
    notes = List.copyOf(notes);
  }

  /** One resource written: {@code before} is null when it is new. */
  public record Write(Resource after, Resource before, String why) {
    public boolean creates() {
      return before == null;
    }
  }
}
