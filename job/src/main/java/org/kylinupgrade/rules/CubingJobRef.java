package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.kylinupgrade.util.Immutables;

/** A cube build job ({@code /execute/<id>}, a {@code CubingJob}): its id, its cube and the ids of its steps. */
public final class CubingJobRef implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String id;
  private final String cubeName;
  private final List<String> stepIds;

  public CubingJobRef(String id, String cubeName, List<String> stepIds) {
    stepIds = Immutables.copyOfList(stepIds);

    this.id = id;
    this.cubeName = cubeName;
    this.stepIds = stepIds;
  }

  public String id() {
    return id;
  }

  public String cubeName() {
    return cubeName;
  }

  public List<String> stepIds() {
    return stepIds;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CubingJobRef)) {
      return false;
    }
    CubingJobRef other = (CubingJobRef) o;
    return Objects.equals(id, other.id)
        && Objects.equals(cubeName, other.cubeName)
        && Objects.equals(stepIds, other.stepIds);
  }

  /** The hash of a record of these components, so that hash-ordered collections keep their order. */
  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(id);
    h = 31 * h + Objects.hashCode(cubeName);
    h = 31 * h + Objects.hashCode(stepIds);
    return h;
  }

  @Override
  public String toString() {
    return "CubingJobRef[id=" + id + ", cubeName=" + cubeName + ", stepIds=" + stepIds + "]";
  }
}
