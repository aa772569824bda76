package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
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
    return Objects.equals(path, other.path)
        && Objects.equals(name, other.name)
        && Objects.equals(previousStatus, other.previousStatus)
        && segmentsRemoved == other.segmentsRemoved
        && Objects.equals(segmentTables, other.segmentTables);
  }

  /** The hash of a record of these components, so that hash-ordered collections keep their order. */
  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(path);
    h = 31 * h + Objects.hashCode(name);
    h = 31 * h + Objects.hashCode(previousStatus);
    h = 31 * h + Integer.hashCode(segmentsRemoved);
    h = 31 * h + Objects.hashCode(segmentTables);
    return h;
  }

  @Override
  public String toString() {
    return "PurgedCube[path=" + path + ", name=" + name + ", previousStatus=" + previousStatus
        + ", segmentsRemoved=" + segmentsRemoved + ", segmentTables=" + segmentTables + "]";
  }
}
