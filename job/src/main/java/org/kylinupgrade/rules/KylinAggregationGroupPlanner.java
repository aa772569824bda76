package org.kylinupgrade.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kylin 1.5.4.1's own conversion of the old aggregation groups ({@code CubeDescUpgrade_v_1_5_1}), where it keeps the
 * v1 cuboids: no old groups give one group of every row key column; disjoint old groups give one new group each,
 * which includes the row key columns not in an earlier group, with the old mandatory columns, the hierarchies wholly
 * inside the old group, and the remaining columns outside it as one joint. Old groups that share a column are not
 * expressible by this rule (Kylin stops there and leaves the desc in a format 1.5 cannot load).
 *
 * <p>Column sets are Java's case-insensitive {@code TreeSet}s, as Kylin's are, so that order and duplicates come out
 * the same.
 */
public final class KylinAggregationGroupPlanner implements AggregationGroupPlanner {
  private static final long serialVersionUID = 1L;

  public static final KylinAggregationGroupPlanner INSTANCE = new KylinAggregationGroupPlanner();

  @Override
  public GroupPlan plan(V1AggregationRules v1) {
    Set<String> allRowKeyColumns = caseInsensitive(v1.rowKeyColumns());
    List<List<String>> oldGroups = v1.oldGroups();
    if (oldGroups.isEmpty()) {
      oldGroups = new ArrayList<List<String>>();
      oldGroups.add(new ArrayList<String>(allRowKeyColumns));
    }
    String shared = sharedColumn(oldGroups);
    if (shared != null) {
      return GroupPlan.notExpressible("old aggregation groups share column " + shared);
    }
    List<AggregationGroupSpec> groups = new ArrayList<AggregationGroupSpec>();
    Set<String> visited = caseInsensitive(null);
    for (List<String> group : oldGroups) {
      Set<String> remaining = caseInsensitive(allRowKeyColumns);
      remaining.removeAll(visited);
      Set<String> joint = caseInsensitive(remaining);
      joint.removeAll(v1.mandatoryColumns());
      Set<String> groupAsSet = caseInsensitive(group);
      visited.addAll(groupAsSet);
      joint.removeAll(groupAsSet);

      List<List<String>> hierarchies = new ArrayList<List<String>>();
      for (List<String> hierarchy : v1.declaredHierarchies()) {
        if (groupAsSet.containsAll(hierarchy)) {
          hierarchies.add(hierarchy);
        }
      }
      List<List<String>> joints = new ArrayList<List<String>>();
      if (!joint.isEmpty()) {
        joints.add(new ArrayList<String>(joint));
      }
      groups.add(new AggregationGroupSpec(new ArrayList<String>(remaining), v1.mandatoryColumns(), hierarchies,
          joints));
    }
    return GroupPlan.of(groups);
  }

  /** {@code rowKeyColExistsInMultipleAggGroup}: the first column (case-insensitively) found in two groups, or null. */
  static String sharedColumn(List<List<String>> groups) {
    Set<String> seen = caseInsensitive(null);
    for (List<String> group : groups) {
      for (String column : caseInsensitive(group)) {
        if (!seen.add(column)) {
          return column;
        }
      }
    }
    return null;
  }

  private static Set<String> caseInsensitive(Collection<String> values) {
    Set<String> set = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
    if (values != null) {
      set.addAll(values);
    }
    return set;
  }

  @Override
  public String toString() {
    return "Kylin 1.5.4.1's aggregation group rule";
  }
}
