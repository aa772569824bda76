package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.Objects;

/** Something about one resource the operator should know: a resource v2 cannot load, or a warning. */
public final class Problem implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String reason;

  public Problem(String path, String reason) {
    this.path = Objects.requireNonNull(path, "path");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public String path() {
    return path;
  }

  public String reason() {
    return reason;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Problem && path.equals(((Problem) o).path) && reason.equals(((Problem) o).reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, reason);
  }

  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
