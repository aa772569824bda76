package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.List;

/**
 * A cube emptied as Kylin's purge empties it: what it was before and the HTables its segments were stored in
 * (the upgrade never drops them; a rollback needs them).
 */
public record PurgedCube(String path, String name, String previousStatus, int segmentsRemoved,
    List<String> segmentTables) implements Serializable {
  public PurgedCube {
    segmentTables = List.copyOf(segmentTables);
  }
}
