package org.kylinupgrade.pipeline;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.kylinupgrade.rules.DiscardedJob;
import org.kylinupgrade.rules.PurgedCube;
import org.kylinupgrade.util.Immutables;

/**
 * What a purge did: the cubes emptied, the build jobs discarded, and the segment HTables no cube refers to any
 * more (listed for the operator; the upgrade never drops them, a rollback needs them).
 */
public final class PurgeOutcome {
  static final PurgeOutcome NONE = new PurgeOutcome(Collections.<PurgedCube>emptyList(),
      Collections.<DiscardedJob>emptyList(), Collections.<String>emptyList(), Collections.<String>emptyList());

  private final List<PurgedCube> cubes;
  private final List<DiscardedJob> discardedJobs;
  private final List<String> unusedTables;
  private final List<String> tablesStillUsed;

  public PurgeOutcome(List<PurgedCube> cubes, List<DiscardedJob> discardedJobs, List<String> unusedTables,
      List<String> tablesStillUsed) {
    this.cubes = Immutables.copyOfList(cubes);
    this.discardedJobs = Immutables.copyOfList(discardedJobs);
    this.unusedTables = Immutables.copyOfList(unusedTables);
    this.tablesStillUsed = Immutables.copyOfList(tablesStillUsed);
  }

  public List<PurgedCube> cubes() {
    return cubes;
  }

  public List<DiscardedJob> discardedJobs() {
    return discardedJobs;
  }

  public List<String> unusedTables() {
    return unusedTables;
  }

  public List<String> tablesStillUsed() {
    return tablesStillUsed;
  }

  public boolean isEmpty() {
    return cubes.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PurgeOutcome)) {
      return false;
    }
    PurgeOutcome other = (PurgeOutcome) o;
    return cubes.equals(other.cubes) && discardedJobs.equals(other.discardedJobs)
        && unusedTables.equals(other.unusedTables) && tablesStillUsed.equals(other.tablesStillUsed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cubes, discardedJobs, unusedTables, tablesStillUsed);
  }

  @Override
  public String toString() {
    return "PurgeOutcome[cubes=" + cubes + ", discardedJobs=" + discardedJobs + ", unusedTables=" + unusedTables
        + ", tablesStillUsed=" + tablesStillUsed + "]";
  }
}
