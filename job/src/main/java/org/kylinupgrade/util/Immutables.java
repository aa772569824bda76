package org.kylinupgrade.util;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Unmodifiable collections for Java 8 code: snapshots that reject null elements (a null is a bug in the caller, and
 * it fails where it is put in, not later where it is read) and keep their elements in the order given.
 */
public final class Immutables {
  private Immutables() {
  }

  /** An unmodifiable snapshot of the elements, in their order; throws NullPointerException on a null element. */
  public static <T> List<T> copyOfList(Collection<? extends T> elements) {
    List<T> copy = new ArrayList<>(elements.size());
    for (T element : elements) {
      copy.add(Objects.requireNonNull(element));
    }
    return copy.isEmpty() ? Collections.<T>emptyList() : Collections.unmodifiableList(copy);
  }

  /** An unmodifiable list of the elements, in their order; throws NullPointerException on a null element. */
  @SafeVarargs
  public static <T> List<T> listOf(T... elements) {
    return copyOfList(Arrays.asList(elements));
  }

  /**
   * An unmodifiable set of the elements, iterated in the order given; throws NullPointerException on a null element
   * and IllegalArgumentException on a duplicate (the list is written out by hand, a duplicate is a typo).
   */
  @SafeVarargs
  public static <T> Set<T> setOf(T... elements) {
    Set<T> set = new LinkedHashSet<>();
    for (T element : elements) {
      if (!set.add(Objects.requireNonNull(element))) {
        throw new IllegalArgumentException("duplicate element: " + element);
      }
    }
    return set.isEmpty() ? Collections.<T>emptySet() : Collections.unmodifiableSet(set);
  }

  /**
   * An unmodifiable map of the keys and values given in pairs ({@code key1, value1, key2, value2, ...}), iterated in
   * the order given; throws NullPointerException on a null and IllegalArgumentException on a duplicate key.
   */
  public static Map<String, String> mapOf(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String key = Objects.requireNonNull(keysAndValues[i]);
      String value = Objects.requireNonNull(keysAndValues[i + 1]);
      if (map.put(key, value) != null) {
        throw new IllegalArgumentException("duplicate key: " + key);
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * An unmodifiable snapshot of the map, sorted by key; throws NullPointerException on a null key or value.
   */
  public static <K extends Comparable<? super K>, V> Map<K, V> copyOfSortedMap(Map<? extends K, ? extends V> map) {
    TreeMap<K, V> copy = new TreeMap<>();
    for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) {
      copy.put(Objects.requireNonNull(e.getKey()), Objects.requireNonNull(e.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }
}
