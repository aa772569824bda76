package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kylinupgrade.metadata.Resource;

/** The outcome of converting one model group. */
public final class GroupResult implements Serializable {
  private static final long serialVersionUID = 3L;

  private final List<Resource> rewritten;
  private final List<Change> changes;
  private final List<Problem> unloadable;
  private final List<Problem> warnings;
  private final List<PurgedCube> purged;
  private final List<String> untouched;
  private final CuboidCheckCounts cuboidChecks;

  public GroupResult(List<Resource> rewritten, List<Change> changes, List<Problem> unloadable, List<Problem> warnings) {
    this(rewritten, changes, unloadable, warnings, Collections.<PurgedCube>emptyList());
  }

  public GroupResult(List<Resource> rewritten, List<Change> changes, List<Problem> unloadable, List<Problem> warnings,
      List<PurgedCube> purged) {
    this(rewritten, changes, unloadable, warnings, purged, Collections.<String>emptyList());
  }

  /**
   * @param untouched paths of the group's resources that must stay byte for byte as they are, although the target's
   *     rules would otherwise rewrite every resource of their kind (the 1.5 version label)
   */
  public GroupResult(List<Resource> rewritten, List<Change> changes, List<Problem> unloadable, List<Problem> warnings,
      List<PurgedCube> purged, List<String> untouched) {
    this(rewritten, changes, unloadable, warnings, purged, untouched, CuboidCheckCounts.NONE);
  }

  /** @param cuboidChecks how the cuboid check of the 1.5 target went for the group's descs */
  public GroupResult(List<Resource> rewritten, List<Change> changes, List<Problem> unloadable, List<Problem> warnings,
      List<PurgedCube> purged, List<String> untouched, CuboidCheckCounts cuboidChecks) {
    this.cuboidChecks = cuboidChecks == null ? CuboidCheckCounts.NONE : cuboidChecks;
    this.rewritten = copy(rewritten);
    this.changes = copy(changes);
    this.unloadable = copy(unloadable);
    this.warnings = copy(warnings);
    this.purged = copy(purged);
    this.untouched = copy(untouched);
  }

  private static <T> List<T> copy(List<T> values) {
    return Collections.unmodifiableList(new ArrayList<T>(values));
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

  /**
   * Paths to leave exactly as they are: for the 1.5 target, the cube descs Kylin 1.5 cannot load (or the operator
   * kept out of scope), which get no version label either. Always empty for 1.4-alpha, which leaves everything it
   * does not rewrite as it is.
   */
  public List<String> untouched() {
    return untouched;
  }

  /** For the 1.5 target, how the cuboid check of the group's converted descs went; none for 1.4-alpha. */
  public CuboidCheckCounts cuboidChecks() {
    return cuboidChecks;
  }

  @Override
  public String toString() {
    return "GroupResult[rewritten=" + rewritten + ", changes=" + changes + ", unloadable=" + unloadable
        + ", warnings=" + warnings + ", purged=" + purged + ", untouched=" + untouched + ", cuboidChecks=" + cuboidChecks + "]";
  }
}
