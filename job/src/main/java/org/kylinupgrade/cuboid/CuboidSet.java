package org.kylinupgrade.cuboid;

import java.util.Arrays;
import java.util.function.LongConsumer;

/** An immutable set of cuboid ids, kept sorted ascending. */
public final class CuboidSet {
  private final long[] ids;

  private CuboidSet(long[] sortedDistinct) {
    this.ids = sortedDistinct;
  }

  /** A set of the given ids (duplicates dropped). */
  public static CuboidSet of(long... ids) {
    long[] copy = ids.clone();
    Arrays.sort(copy);
    int j = 0;
    for (int i = 0; i < copy.length; i++) {
      if (j == 0 || copy[j - 1] != copy[i]) {
        copy[j++] = copy[i];
      }
    }
    return new CuboidSet(Arrays.copyOf(copy, j));
  }

  static CuboidSet ofSorted(long[] sortedDistinct) {
    return new CuboidSet(sortedDistinct);
  }

  static CuboidSet of(LongSet set) {
    return new CuboidSet(set.toSortedArray());
  }

  public int size() {
    return ids.length;
  }

  public boolean contains(long id) {
    return Arrays.binarySearch(ids, id) >= 0;
  }

  /** The ids, ascending (a copy). */
  public long[] toArray() {
    return ids.clone();
  }

  public void forEach(LongConsumer action) {
    for (long id : ids) {
      action.accept(id);
    }
  }

  /** The ids of this set that {@code other} does not have. */
  public CuboidSet minus(CuboidSet other) {
    long[] out = new long[ids.length];
    int j = 0;
    for (long id : ids) {
      if (!other.contains(id)) {
        out[j++] = id;
      }
    }
    return new CuboidSet(Arrays.copyOf(out, j));
  }

  /** Whether every id of this set is in {@code other}. */
  public boolean isSubsetOf(CuboidSet other) {
    for (long id : ids) {
      if (!other.contains(id)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CuboidSet && Arrays.equals(ids, ((CuboidSet) o).ids);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ids);
  }

  /** The ids separated by single spaces, ascending. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (long id : ids) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(id);
    }
    return sb.toString();
  }
}
