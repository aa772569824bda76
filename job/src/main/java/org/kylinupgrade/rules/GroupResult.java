package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.List;
import org.kylinupgrade.metadata.Resource;

/** The outcome of converting one model group. */
public final class GroupResult implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<Resource> rewritten;
  private final List<Change> changes;
  private final List<Problem> unloadable;
  private final List<Problem> warnings;
  private final List<PurgedCube> purged;

  public GroupResult(List<Resource> rewritten, List<Change> changes, List<Problem> unloadable, List<Problem> warnings) {
    this(rewritten, changes, unloadable, warnings, List.of());
  }

  public GroupResult(List<Resource> rewritten, List<Change> changes, List<Problem> unloadable, List<Problem> warnings,
      List<PurgedCube> purged) {
    this.rewritten = List.copyOf(rewritten);
    this.changes = List.copyOf(changes);
    this.unloadable = List.copyOf(unloadable);
    this.warnings = List.copyOf(warnings);
    this.purged = List.copyOf(purged);
  }

  /** Only resources whose bytes change: new content, store timestamp = the run timestamp. */
  public List<Resource> rewritten() {
    return rewritten;
  }

  /** One entry per rewritten resource, in the same order. */
  public List<Change> changes() {
    return changes;
  }

  /** Cube descs v2 refuses to load, and the cubes left untouched because their desc is one of them. */
  public List<Problem> unloadable() {
    return unloadable;
  }

  public List<Problem> warnings() {
    return warnings;
  }

  /** The cubes of the group that were purged (their rewritten resources are in {@link #rewritten()}). */
  public List<PurgedCube> purged() {
    return purged;
  }

  @Override
  public String toString() {
    return "GroupResult[rewritten=" + rewritten + ", changes=" + changes + ", unloadable=" + unloadable
        + ", warnings=" + warnings + ", purged=" + purged + "]";
  }
}
