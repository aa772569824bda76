package org.kylinupgrade.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
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
  private transient volatile Map<String, int[]> byPath;

  GroupsOfPath(Map<String, List<String>> groups) {
    Map<String, Integer> index = new HashMap<>();
    List<String> distinct = new ArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(groups.size());
      for (Map.Entry<String, List<String>> entry : groups.entrySet()) {
        Utf8Strings.write(out, entry.getKey());
        out.writeInt(entry.getValue().size());
        for (String key : entry.getValue()) {
          Integer i = index.get(key);
          if (i == null) {
            i = distinct.size();
            index.put(key, i);
            distinct.add(key);
          }
          out.writeInt(i);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.keys = distinct.toArray(new String[0]);
    this.encoded = bytes.toByteArray();
    Map<String, int[]> map = new HashMap<>(groups.size() * 2);
    groups.forEach((path, pathKeys) -> {
      int[] indexes = new int[pathKeys.size()];
      for (int k = 0; k < indexes.length; k++) {
        indexes[k] = index.get(pathKeys.get(k));
      }
      map.put(path, indexes);
    });
    this.byPath = map;
  }

  /** The group keys of {@code path}; empty for a resource of no group. */
  List<String> of(String path) {
    int[] indexes = indexesOf(path);
    List<String> out = new ArrayList<>(indexes.length);
    for (int i : indexes) {
      out.add(keys[i]);
    }
    return out;
  }

  /** The indexes in {@link #keys} of the group keys of {@code path}; empty for a resource of no group. */
  int[] indexesOf(String path) {
    return map().getOrDefault(path, NONE);
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
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      int size = in.readInt();
      Map<String, int[]> map = new HashMap<>(size * 2);
      for (int p = 0; p < size; p++) {
        String path = Utf8Strings.read(in);
        int[] indexes = new int[in.readInt()];
        for (int k = 0; k < indexes.length; k++) {
          indexes[k] = in.readInt();
        }
        map.put(path, indexes);
      }
      return map;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
