package org.kylinupgrade.hybrid;

import java.util.List;
import java.util.Objects;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.util.Immutables;

/**
 * Everything extending a cube into a hybrid writes, in Kylin's order, with what each resource held before (null for
 * a new one) so that the writes can be undone.
 */
public final class HybridPlan {
  private final String cube;
  private final String oldCube;
  private final String oldDesc;
  private final String ownDesc;
  private final String hybrid;
  private final String project;
  private final long partitionDate;
  private final String cubeUuid;
  private final String oldCubeUuid;
  private final String projectUuid;
  private final List<Write> writes;
  private final List<String> droppedSegments;
  private final List<String> notes;

  public HybridPlan(String cube, String oldCube, String oldDesc, String ownDesc, String hybrid, String project,
      long partitionDate, String cubeUuid, String oldCubeUuid, String projectUuid, List<Write> writes,
      List<String> droppedSegments, List<String> notes) {
    writes = Immutables.copyOfList(writes);
    droppedSegments = Immutables.copyOfList(droppedSegments);
    notes = Immutables.copyOfList(notes);

    this.cube = cube;
    this.oldCube = oldCube;
    this.oldDesc = oldDesc;
    this.ownDesc = ownDesc;
    this.hybrid = hybrid;
    this.project = project;
    this.partitionDate = partitionDate;
    this.cubeUuid = cubeUuid;
    this.oldCubeUuid = oldCubeUuid;
    this.projectUuid = projectUuid;
    this.writes = writes;
    this.droppedSegments = droppedSegments;
    this.notes = notes;
  }

  public String cube() {
    return cube;
  }

  public String oldCube() {
    return oldCube;
  }

  public String oldDesc() {
    return oldDesc;
  }

  public String ownDesc() {
    return ownDesc;
  }

  public String hybrid() {
    return hybrid;
  }

  public String project() {
    return project;
  }

  public long partitionDate() {
    return partitionDate;
  }

  public String cubeUuid() {
    return cubeUuid;
  }

  public String oldCubeUuid() {
    return oldCubeUuid;
  }

  public String projectUuid() {
    return projectUuid;
  }

  public List<Write> writes() {
    return writes;
  }

  public List<String> droppedSegments() {
    return droppedSegments;
  }

  public List<String> notes() {
    return notes;
  }

  /** One resource written: {@code before} is null when it is new. */
  public static final class Write {
    private final Resource after;
    private final Resource before;
    private final String why;

    public Write(Resource after, Resource before, String why) {
      this.after = after;
      this.before = before;
      this.why = why;
    }

    public Resource after() {
      return after;
    }

    public Resource before() {
      return before;
    }

    public String why() {
      return why;
    }

    public boolean creates() {
      return before == null;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof Write)) {
        return false;
      }
      Write other = (Write) o;
      return Objects.equals(after, other.after)
          && Objects.equals(before, other.before)
          && Objects.equals(why, other.why);
    }

    /** The hash of a record of these components, so that hash-ordered collections keep their order. */
    @Override
    public int hashCode() {
      int h = 0;
      h = 31 * h + Objects.hashCode(after);
      h = 31 * h + Objects.hashCode(before);
      h = 31 * h + Objects.hashCode(why);
      return h;
    }

    @Override
    public String toString() {
      return "Write[after=" + after + ", before=" + before + ", why=" + why + "]";
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof HybridPlan)) {
      return false;
    }
    HybridPlan other = (HybridPlan) o;
    return Objects.equals(cube, other.cube)
        && Objects.equals(oldCube, other.oldCube)
        && Objects.equals(oldDesc, other.oldDesc)
        && Objects.equals(ownDesc, other.ownDesc)
        && Objects.equals(hybrid, other.hybrid)
        && Objects.equals(project, other.project)
        && partitionDate == other.partitionDate
        && Objects.equals(cubeUuid, other.cubeUuid)
        && Objects.equals(oldCubeUuid, other.oldCubeUuid)
        && Objects.equals(projectUuid, other.projectUuid)
        && Objects.equals(writes, other.writes)
        && Objects.equals(droppedSegments, other.droppedSegments)
        && Objects.equals(notes, other.notes);
  }

  /** The hash of a record of these components, so that hash-ordered collections keep their order. */
  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(cube);
    h = 31 * h + Objects.hashCode(oldCube);
    h = 31 * h + Objects.hashCode(oldDesc);
    h = 31 * h + Objects.hashCode(ownDesc);
    h = 31 * h + Objects.hashCode(hybrid);
    h = 31 * h + Objects.hashCode(project);
    h = 31 * h + Long.hashCode(partitionDate);
    h = 31 * h + Objects.hashCode(cubeUuid);
    h = 31 * h + Objects.hashCode(oldCubeUuid);
    h = 31 * h + Objects.hashCode(projectUuid);
    h = 31 * h + Objects.hashCode(writes);
    h = 31 * h + Objects.hashCode(droppedSegments);
    h = 31 * h + Objects.hashCode(notes);
    return h;
  }

  @Override
  public String toString() {
    return "HybridPlan[cube=" + cube + ", oldCube=" + oldCube + ", oldDesc=" + oldDesc + ", ownDesc=" + ownDesc
        + ", hybrid=" + hybrid + ", project=" + project + ", partitionDate=" + partitionDate + ", cubeUuid="
        + cubeUuid + ", oldCubeUuid=" + oldCubeUuid + ", projectUuid=" + projectUuid + ", writes=" + writes
        + ", droppedSegments=" + droppedSegments + ", notes=" + notes + "]";
  }
}
