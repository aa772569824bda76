package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.List;
import org.kylinupgrade.util.Immutables;

/** A cube build job that a purge discarded: its state before, and the steps discarded with it. */
public final class DiscardedJob implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String id;
  private final String cubeName;
  private final String previousStatus;
  private final List<String> discardedSteps;

  public DiscardedJob(String id, String cubeName, String previousStatus, List<String> discardedSteps) {
    discardedSteps = Immutables.copyOfList(discardedSteps);

    this.id = id;
    this.cubeName = cubeName;
    this.previousStatus = previousStatus;
    this.discardedSteps = discardedSteps;
  }

  public String id() {
    return id;
  }

  public String cubeName() {
    return cubeName;
  }

  public String previousStatus() {
    return previousStatus;
  }

  public List<String> discardedSteps() {
    return discardedSteps;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DiscardedJob)) {
      return false;
    }
    DiscardedJob other = (DiscardedJob) o;
    return java.util.Objects.equals(id, other.id)
        && java.util.Objects.equals(cubeName, other.cubeName)
        && java.util.Objects.equals(previousStatus, other.previousStatus)
        && java.util.Objects.equals(discardedSteps, other.discardedSteps);
  }

  /** Combines the components as a record does: {@code 31 * h + hash(component)} from 0. */
  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + java.util.Objects.hashCode(id);
    h = 31 * h + java.util.Objects.hashCode(cubeName);
    h = 31 * h + java.util.Objects.hashCode(previousStatus);
    h = 31 * h + java.util.Objects.hashCode(discardedSteps);
    return h;
  }

  @Override
  public String toString() {
    return "DiscardedJob[id=" + id + ", cubeName=" + cubeName + ", previousStatus=" + previousStatus
        + ", discardedSteps=" + discardedSteps + "]";
  }
}
