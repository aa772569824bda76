package org.kylinupgrade.pipeline;

import java.util.List;
import org.kylinupgrade.rules.DiscardedJob;
import org.kylinupgrade.rules.PurgedCube;

/**
 * What a purge did: the cubes emptied, the build jobs discarded, and the segment HTables no cube refers to any
 * more (listed for the operator; the upgrade never drops them, a rollback needs them).
 */
public record PurgeOutcome(List<PurgedCube> cubes, List<DiscardedJob> discardedJobs, List<String> unusedTables,
    List<String> tablesStillUsed) {
  static final PurgeOutcome NONE = new PurgeOutcome(List.of(), List.of(), List.of(), List.of());

  public PurgeOutcome {
    cubes = List.copyOf(cubes);
    discardedJobs = List.copyOf(discardedJobs);
    unusedTables = List.copyOf(unusedTables);
    tablesStillUsed = List.copyOf(tablesStillUsed);
  }

  public boolean isEmpty() {
    return cubes.isEmpty();
  }
}
