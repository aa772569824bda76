package org.kylinupgrade.pipeline;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * A set of resource paths as broadcast to the executors: the paths as one {@link PackedBlock}, the set rebuilt once
 * per JVM on first use (where the value is the driver's own object, as in local mode, it is never rebuilt). Plain fields
 * only, so that any {@code spark.serializer} carries it.
 */
final class PathSet implements Serializable {
  private static final long serialVersionUID = 1L;
  private final byte[] encoded;
  private transient volatile Set<String> paths;

  PathSet(Set<String> paths) {
    this.encoded = PackedBlock.Writer.ofDistinct().writeStrings(paths).toBytes();
    this.paths = paths;
  }

  boolean contains(String path) {
    Set<String> set = paths;
    if (set == null) {
      synchronized (this) {
        set = paths;
        if (set == null) {
          set = new PackedBlock.Reader(encoded).readStrings(new HashSet<>());
          paths = set;
        }
      }
    }
    return set.contains(path);
  }
}
