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

  private GroupPlan(List<AggregationGroupSpec> groups, String notExpressibleReason) {
    this.groups = groups;
    this.notExpressibleReason = notExpressibleReason;
  }

  /** The desc's {@code aggregation_groups}, in order; at least one. */
  public static GroupPlan of(List<AggregationGroupSpec> groups) {
    if (groups == null || groups.isEmpty()) {
      throw new IllegalArgumentException("a plan has at least one aggregation group");
    }
    return new GroupPlan(Collections.unmodifiableList(new ArrayList<AggregationGroupSpec>(groups)), null);
  }

  /** The v1 cuboids cannot be kept in the 1.5 format; the desc is reported as one Kylin 1.5 cannot load. */
  public static GroupPlan notExpressible(String reason) {
    return new GroupPlan(Collections.<AggregationGroupSpec>emptyList(), Objects.requireNonNull(reason, "reason"));
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
    return isExpressible() ? "GroupPlan" + groups : "GroupPlan[not expressible: " + notExpressibleReason + "]";
  }
}
