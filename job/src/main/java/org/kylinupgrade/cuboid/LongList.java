package org.kylinupgrade.cuboid;

import java.util.Arrays;

/** A growable list of longs. */
final class LongList {
  private long[] values = new long[8];
  private int size;

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  /** Adds {@code v} unless the list has it already. */
  void addDistinct(long v) {
    for (int i = 0; i < size; i++) {
      if (values[i] == v) {
        return;
      }
    }
    add(v);
  }

  int size() {
    return size;
  }

  long get(int i) {
    return values[i];
  }

  long[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
