package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** What an {@link AggregationGroupPlanner} answers: the 1.5 aggregation groups, or why there are none. */
public final class GroupPlan implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<AggregationGroupSpec> groups;
  private final String notExpressibleReason;
  private final String kylinWouldHave;
  private final boolean tooLargeToCheck;

  private GroupPlan(List<AggregationGroupSpec> groups, String notExpressibleReason, String kylinWouldHave) {
    this(groups, notExpressibleReason, kylinWouldHave, false);
  }

  private GroupPlan(List<AggregationGroupSpec> groups, String notExpressibleReason, String kylinWouldHave,
      boolean tooLargeToCheck) {
    this.tooLargeToCheck = tooLargeToCheck;
    this.groups = groups;
    this.notExpressibleReason = notExpressibleReason;
    this.kylinWouldHave = kylinWouldHave;
  }

  /** The desc's {@code aggregation_groups}, in order; at least one. Kylin's converter would write the same. */
  public static GroupPlan of(List<AggregationGroupSpec> groups) {
    return new GroupPlan(copy(groups), null, null);
  }

  /**
   * Groups other than the ones Kylin's converter writes, because of what it would have done instead.
   *
   * @param kylinWouldHave what Kylin's converter would have done, phrased to follow "Kylin's converter would have"
   */
  public static GroupPlan deviatingFromKylin(List<AggregationGroupSpec> groups, String kylinWouldHave) {
    return new GroupPlan(copy(groups), null, Objects.requireNonNull(kylinWouldHave, "kylinWouldHave"));
  }

  private static List<AggregationGroupSpec> copy(List<AggregationGroupSpec> groups) {
    if (groups == null || groups.isEmpty()) {
      throw new IllegalArgumentException("a plan has at least one aggregation group");
    }
    return Collections.unmodifiableList(new ArrayList<AggregationGroupSpec>(groups));
  }

  /** The v1 cuboids cannot be kept in the 1.5 format; the desc is reported as one Kylin 1.5 cannot load. */
  public static GroupPlan notExpressible(String reason) {
    return new GroupPlan(Collections.<AggregationGroupSpec>emptyList(), Objects.requireNonNull(reason, "reason"),
        null);
  }

  /**
   * Not expressible because the v1 cuboid set is too large to map and check; the desc is reported as one Kylin 1.5
   * cannot load, and counted as too large.
   */
  public static GroupPlan tooLargeToCheck(String reason) {
    return new GroupPlan(Collections.<AggregationGroupSpec>emptyList(), Objects.requireNonNull(reason, "reason"),
        null, true);
  }

  /** Whether the plan is not expressible because the cuboid sets are too large to check. */
  public boolean isTooLargeToCheck() {
    return tooLargeToCheck;
  }

  /** Whether the groups are not the ones Kylin's converter writes (see {@link #kylinWouldHave()}). */
  public boolean deviatesFromKylin() {
    return kylinWouldHave != null;
  }

  /** What Kylin's converter would have done instead of these groups; null when they are its groups. */
  public String kylinWouldHave() {
    return kylinWouldHave;
  }

  public boolean isExpressible() {
    return notExpressibleReason == null;
  }

  public List<AggregationGroupSpec> groups() {
    return groups;
  }

  /** Null when {@link #isExpressible()}. */
  public String notExpressibleReason() {
    return notExpressibleReason;
  }

  @Override
  public String toString() {
    if (!isExpressible()) {
      return "GroupPlan[not expressible: " + notExpressibleReason + "]";
    }
    return "GroupPlan" + groups + (kylinWouldHave == null ? "" : "[Kylin's converter would have " + kylinWouldHave
        + "]");
  }
}
