package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
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
    return Objects.equals(id, other.id)
        && Objects.equals(cubeName, other.cubeName)
        && Objects.equals(previousStatus, other.previousStatus)
        && Objects.equals(discardedSteps, other.discardedSteps);
  }

  /** The hash of a record of these components, so that hash-ordered collections keep their order. */
  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(id);
    h = 31 * h + Objects.hashCode(cubeName);
    h = 31 * h + Objects.hashCode(previousStatus);
    h = 31 * h + Objects.hashCode(discardedSteps);
    return h;
  }

  @Override
  public String toString() {
    return "DiscardedJob[id=" + id + ", cubeName=" + cubeName + ", previousStatus=" + previousStatus
        + ", discardedSteps=" + discardedSteps + "]";
  }
}
