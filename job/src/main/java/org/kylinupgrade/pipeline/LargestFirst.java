package org.kylinupgrade.pipeline;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How the model groups are dealt over the partitions that convert them: the groups with the most members first, each
 * to the partition with the fewest members so far, so that one large model does not make one task the last to end.
 * Groups of equal size come in a scrambled order: metadata made by a script repeats its shapes every few models, and
 * dealing them round by round would give every few partitions the same shapes.
 */
public final class LargestFirst {
  private LargestFirst() {
  }

  /** The partition of each group, by group index, over {@code partitions}; {@code members[i]} is group i's size. */
  public static int[] deal(int[] members, int partitions) {
    Integer[] order = new Integer[members.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingInt(i -> -members[i]).thenComparingInt(LargestFirst::scrambled));
    long[] load = new long[partitions];
    int[] partitionOf = new int[members.length];
    for (int i : order) {
      int least = 0;
      for (int p = 1; p < partitions; p++) {
        if (load[p] < load[least]) {
          least = p;
        }
      }
      partitionOf[i] = least;
      load[least] += members[i];
    }
    return partitionOf;
  }

  /** MurmurHash3's 32-bit finaliser: neighbouring numbers land far apart. */
  private static int scrambled(int i) {
    int h = i;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
