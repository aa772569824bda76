package org.kylinupgrade.jobs;

import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourceChecksum;

/**
 * What verification needs of a set of rows, computed in one pass on the executors: counts per resource type, and
 * the number and order-independent checksum of the rows at the rewritten paths.
 */
final class StagedRows implements Serializable {
  private static final long serialVersionUID = 1L;

  final Map<String, Long> countsByType = new TreeMap<>();
  long rewrittenRows;
  long rewrittenChecksum;

  /** {@code rewrittenPaths}: the paths whose rows are checksummed; null for all. */
  static StagedRows of(Iterator<Resource> rows, Set<String> rewrittenPaths) {
    StagedRows out = new StagedRows();
    while (rows.hasNext()) {
      Resource r = rows.next();
      out.countsByType.merge(r.type(), 1L, Long::sum);
      if (rewrittenPaths == null || rewrittenPaths.contains(r.path())) {
        out.rewrittenRows++;
        out.rewrittenChecksum += ResourceChecksum.of(r);
      }
    }
    return out;
  }

  StagedRows plus(StagedRows other) {
    StagedRows sum = new StagedRows();
    sum.countsByType.putAll(countsByType);
    other.countsByType.forEach((type, n) -> sum.countsByType.merge(type, n, Long::sum));
    sum.rewrittenRows = rewrittenRows + other.rewrittenRows;
    sum.rewrittenChecksum = rewrittenChecksum + other.rewrittenChecksum;
    return sum;
  }
}
