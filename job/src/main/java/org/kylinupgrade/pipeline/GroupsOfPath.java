package org.kylinupgrade.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model groups each cube desc, model and cube joins, by path, as broadcast to the executors: the distinct group
 * keys once, and the paths with their keys' indexes as one block of bytes. A map of tens of thousands of entries costs
 * the serializer an object header, a handle and a class lookup per string; this costs it one array. The map is rebuilt
 * once per JVM on first use (where the value is the driver's own object, as in local mode, it is never rebuilt).
 * Plain fields only, so that any {@code spark.serializer} carries it.
 */
final class GroupsOfPath implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String[] keys;
  private final byte[] encoded;
  private static final int[] NONE = new int[0];
  /** How many descs, models and cubes each group has, by group index: its share of the conversion's work. */
  private final int[] members;
  private transient volatile Map<String, int[]> byPath;

  GroupsOfPath(Map<String, List<String>> groups) {
    this(builderOf(groups));
  }

  private GroupsOfPath(Builder built) {
    PackedBlock.Writer out = PackedBlock.Writer.ofDistinct().writeInt(built.byPath.size());
    for (Map.Entry<String, int[]> entry : built.byPath.entrySet()) {
      out.writeString(entry.getKey()).writeInt(entry.getValue().length);
      for (int i : entry.getValue()) {
        out.writeInt(i);
      }
    }
    this.keys = built.distinct.toArray(new String[0]);
    this.encoded = out.toBytes();
    this.byPath = built.byPath;
    this.members = java.util.Arrays.copyOf(built.members, keys.length);
  }

  private static Builder builderOf(Map<String, List<String>> groups) {
    Builder builder = new Builder();
    groups.forEach((path, pathKeys) -> {
      int[] indexes = new int[pathKeys.size()];
      for (int k = 0; k < indexes.length; k++) {
        indexes[k] = builder.indexOf(pathKeys.get(k));
      }
      builder.put(path, indexes);
    });
    return builder;
  }

  /** The map built path by path, each group key numbered once as it first comes. */
  static final class Builder {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> distinct = new ArrayList<>();
    private final Map<String, int[]> byPath = new HashMap<>();
    private int[] members = new int[16];

    /** The number of {@code key}, given to it now if it has none yet. */
    int indexOf(String key) {
      Integer i = index.get(key);
      if (i == null) {
        i = distinct.size();
        index.put(key, i);
        distinct.add(key);
      }
      return i;
    }

    /** {@code path} joins the groups numbered {@code indexes} (an array the builder may share between paths). */
    void put(String path, int[] indexes) {
      byPath.put(path, indexes);
      for (int i : indexes) {
        if (i >= members.length) {
          members = java.util.Arrays.copyOf(members, Math.max(i + 1, members.length * 2));
        }
        members[i]++;
      }
    }

    GroupsOfPath build() {
      return new GroupsOfPath(this);
    }
  }

  /** The indexes in {@link #keys} of the group keys of {@code path}; empty for a resource of no group. */
  int[] indexesOf(String path) {
    return map().getOrDefault(path, NONE);
  }

  /** The partition of each group, by group index, over {@code partitions} partitions, dealt {@link LargestFirst}. */
  int[] partitions(int partitions) {
    return LargestFirst.deal(members, partitions);
  }

  /** The group key at {@code index} of {@link #keys}. */
  String key(int index) {
    return keys[index];
  }

  /** Every group key, each once. */
  List<String> keys() {
    return Collections.unmodifiableList(java.util.Arrays.asList(keys));
  }

  private Map<String, int[]> map() {
    Map<String, int[]> map = byPath;
    if (map == null) {
      synchronized (this) {
        map = byPath;
        if (map == null) {
          map = decode();
          byPath = map;
        }
      }
    }
    return map;
  }

  private Map<String, int[]> decode() {
    PackedBlock.Reader in = new PackedBlock.Reader(encoded);
    int size = in.readInt();
    Map<String, int[]> map = new HashMap<>(size * 2);
    for (int p = 0; p < size; p++) {
      String path = in.readString();
      int[] indexes = new int[in.readInt()];
      for (int k = 0; k < indexes.length; k++) {
        indexes[k] = in.readInt();
      }
      map.put(path, indexes);
    }
    return map;
  }
}
