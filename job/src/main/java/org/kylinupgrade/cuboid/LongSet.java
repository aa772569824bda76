package org.kylinupgrade.cuboid;

import java.util.Arrays;

/** A growable open-addressing set of positive longs (cuboid ids are never 0 here); 0 marks a free slot. */
final class LongSet {
  private long[] slots = new long[64];
  private int size;

  boolean add(long value) {
    if (value == 0) {
      throw new IllegalArgumentException("0 cannot be stored");
    }
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    int i = spread(value) & mask;
    while (slots[i] != 0) {
      if (slots[i] == value) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = value;
    size++;
    return true;
  }

  boolean contains(long value) {
    if (value == 0) {
      return false;
    }
    int mask = slots.length - 1;
    int i = spread(value) & mask;
    while (slots[i] != 0) {
      if (slots[i] == value) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  int size() {
    return size;
  }

  /** The values, sorted ascending. */
  long[] toSortedArray() {
    long[] out = new long[size];
    int j = 0;
    for (long v : slots) {
      if (v != 0) {
        out[j++] = v;
      }
    }
    Arrays.sort(out);
    return out;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    for (long v : old) {
      if (v != 0) {
        add(v);
      }
    }
  }

  private static int spread(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
