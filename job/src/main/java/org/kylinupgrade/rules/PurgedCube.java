package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.List;
import org.kylinupgrade.util.Immutables;

/**
 * A cube emptied as Kylin's purge empties it: what it was before and the HTables its segments were stored in
 * (the upgrade never drops them; a rollback needs them).
 */
public final class PurgedCube implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String path;
  private final String name;
  private final String previousStatus;
  private final int segmentsRemoved;
  private final List<String> segmentTables;

  public PurgedCube(String path, String name, String previousStatus, int segmentsRemoved, List<String> segmentTables) {
    segmentTables = Immutables.copyOfList(segmentTables);

    this.path = path;
    this.name = name;
    this.previousStatus = previousStatus;
    this.segmentsRemoved = segmentsRemoved;
    this.segmentTables = segmentTables;
  }

  public String path() {
    return path;
  }

  public String name() {
    return name;
  }

  public String previousStatus() {
    return previousStatus;
  }

  public int segmentsRemoved() {
    return segmentsRemoved;
  }

  public List<String> segmentTables() {
    return segmentTables;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PurgedCube)) {
      return false;
    }
    PurgedCube other = (PurgedCube) o;
    return java.util.Objects.equals(path, other.path)
        && java.util.Objects.equals(name, other.name)
        && java.util.Objects.equals(previousStatus, other.previousStatus)
        && segmentsRemoved == other.segmentsRemoved
        && java.util.Objects.equals(segmentTables, other.segmentTables);
  }

  /** Combines the components as a record does: {@code 31 * h + hash(component)} from 0. */
  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + java.util.Objects.hashCode(path);
    h = 31 * h + java.util.Objects.hashCode(name);
    h = 31 * h + java.util.Objects.hashCode(previousStatus);
    h = 31 * h + Integer.hashCode(segmentsRemoved);
    h = 31 * h + java.util.Objects.hashCode(segmentTables);
    return h;
  }

  @Override
  public String toString() {
    return "PurgedCube[path=" + path + ", name=" + name + ", previousStatus=" + previousStatus
        + ", segmentsRemoved=" + segmentsRemoved + ", segmentTables=" + segmentTables + "]";
  }
}
