package org.kylinupgrade.jobs;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourceChecksum;

/**
 * What a verification needs of a set of rows, computed in one pass on the executors: counts per resource type, and
 * the number and order-independent checksum ({@link ResourceChecksum}) of the rows checked.
 */
final class RowSums implements Serializable {
  private static final long serialVersionUID = 1L;

  final Map<String, Long> countsByType = new TreeMap<>();
  long rows;
  long checksum;

  /** Over every row of {@code resources}, the checksum too. */
  static RowSums ofAll(JavaRDD<Resource> resources) {
    return of(resources, null);
  }

  /** Over every row of {@code resources}; the checksum covers the rows at {@code checkedPaths}, all when null. */
  static RowSums of(JavaRDD<Resource> resources, Broadcast<Set<String>> checkedPaths) {
    return resources.mapPartitions(it -> java.util.Collections.singletonList(of(it, checkedPaths == null ? null : checkedPaths.value())).iterator())
        .fold(new RowSums(), RowSums::plus);
  }

  private static RowSums of(Iterator<Resource> rows, Set<String> checkedPaths) {
    RowSums out = new RowSums();
    while (rows.hasNext()) {
      Resource r = rows.next();
      out.countsByType.merge(r.type(), 1L, Long::sum);
      if (checkedPaths == null || checkedPaths.contains(r.path())) {
        out.rows++;
        out.checksum += ResourceChecksum.of(r);
      }
    }
    return out;
  }

  private RowSums plus(RowSums other) {
    RowSums sum = new RowSums();
    sum.countsByType.putAll(countsByType);
    other.countsByType.forEach((type, n) -> sum.countsByType.merge(type, n, Long::sum));
    sum.rows = rows + other.rows;
    sum.checksum = checksum + other.checksum;
    return sum;
  }

  /** The same checked rows, short of a checksum collision. */
  boolean sameRows(RowSums other) {
    return rows == other.rows && checksum == other.checksum;
  }

  /** (count, checksum) of the rows checked. */
  @Override
  public String toString() {
    return "(" + rows + "," + checksum + ")";
  }
}
