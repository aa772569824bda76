package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.kylinupgrade.util.Immutables;

/** Why one resource was rewritten, and which of its JSON properties the v2 re-serialisation dropped. */
public final class Change implements Serializable {
  private static final long serialVersionUID = 1L;

  public enum Kind {
    CUBE_DESC, MODEL, CUBE, JOB_OUTPUT
  }

  private final String path;
  private final Kind kind;
  private final List<String> reasons;
  private final List<String> droppedProperties;

  public Change(String path, Kind kind, List<String> reasons, List<String> droppedProperties) {
    this.path = Objects.requireNonNull(path, "path");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.reasons = Immutables.copyOfList(reasons);
    this.droppedProperties = Immutables.copyOfList(droppedProperties);
  }

  public String path() {
    return path;
  }

  public Kind kind() {
    return kind;
  }

  /** Human-readable, one entry per rule that changed the resource. */
  public List<String> reasons() {
    return reasons;
  }

  /** JSON pointers (into the input) of properties v2's classes do not know; Kylin drops them on re-save. */
  public List<String> droppedProperties() {
    return droppedProperties;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Change)) {
      return false;
    }
    Change other = (Change) o;
    return path.equals(other.path) && kind == other.kind && reasons.equals(other.reasons)
        && droppedProperties.equals(other.droppedProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, kind, reasons, droppedProperties);
  }

  @Override
  public String toString() {
    return kind + " " + path + " " + reasons + (droppedProperties.isEmpty() ? "" : " dropped " + droppedProperties);
  }
}
