package org.kylinupgrade.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Change;
import org.kylinupgrade.rules.CuboidCheckCounts;
import org.kylinupgrade.rules.GroupResult;
import org.kylinupgrade.rules.Problem;
import org.kylinupgrade.rules.PurgedCube;

/**
 * Everything the driver needs of the converted groups, brought back by one job: the changes, problems, purged cubes,
 * the paths kept untouched and those rewritten, and the cuboid check counts. Lists keep the groups' order.
 */
final class GroupSummary implements Serializable {
  private static final long serialVersionUID = 1L;
  final List<Change> changes = new ArrayList<>();
  final List<Problem> unloadable = new ArrayList<>();
  final List<Problem> warnings = new ArrayList<>();
  final List<PurgedCube> purged = new ArrayList<>();
  final Set<String> untouched = new HashSet<>();
  final Set<String> rewrittenPaths = new HashSet<>();
  CuboidCheckCounts cuboidChecks = CuboidCheckCounts.NONE;

  private GroupSummary() {
  }

  static GroupSummary of(JavaRDD<GroupResult> results) {
    GroupSummary all = new GroupSummary();
    for (GroupSummary part : results.mapPartitions(it -> {
      GroupSummary summary = new GroupSummary();
      while (it.hasNext()) {
        summary.add(it.next());
      }
      return java.util.Collections.singletonList(summary).iterator();
    }).collect()) {
      all.addAll(part);
    }
    return all;
  }

  private void add(GroupResult result) {
    changes.addAll(result.changes());
    unloadable.addAll(result.unloadable());
    warnings.addAll(result.warnings());
    purged.addAll(result.purged());
    untouched.addAll(result.untouched());
    for (Resource r : result.rewritten()) {
      rewrittenPaths.add(r.path());
    }
    cuboidChecks = cuboidChecks.plus(result.cuboidChecks());
  }

  private void addAll(GroupSummary part) {
    changes.addAll(part.changes);
    unloadable.addAll(part.unloadable);
    warnings.addAll(part.warnings);
    purged.addAll(part.purged);
    untouched.addAll(part.untouched);
    rewrittenPaths.addAll(part.rewrittenPaths);
    cuboidChecks = cuboidChecks.plus(part.cuboidChecks);
  }
}
