package org.kylinupgrade.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImmutablesTest {
  @Test
  void aListCopyIsASnapshotInOrderThatCannotBeChanged() {
    List<String> source = new ArrayList<>(Arrays.asList("b", "a", "c"));
    List<String> copy = Immutables.copyOfList(source);
    source.add("d");
    assertEquals(List.of("b", "a", "c"), copy);
    assertThrows(UnsupportedOperationException.class, () -> copy.add("e"));
    assertThrows(UnsupportedOperationException.class, () -> copy.set(0, "e"));
    assertEquals(List.of(), Immutables.copyOfList(new ArrayList<String>()));
  }

  @Test
  void nullElementsAreRejectedAsListOfRejectsThem() {
    assertThrows(NullPointerException.class, () -> Immutables.copyOfList(Arrays.asList("a", null)));
    assertThrows(NullPointerException.class, () -> Immutables.listOf("a", null));
    assertThrows(NullPointerException.class, () -> Immutables.setOf("a", null));
    assertThrows(NullPointerException.class, () -> Immutables.mapOf("a", null));
    Map<String, String> withNullValue = new HashMap<>();
    withNullValue.put("a", null);
    assertThrows(NullPointerException.class, () -> Immutables.copyOfSortedMap(withNullValue));
  }

  @Test
  void setsAndMapsKeepTheGivenOrderAndRejectDuplicates() {
    Set<String> set = Immutables.setOf("z", "a", "m");
    assertEquals(List.of("z", "a", "m"), new ArrayList<>(set));
    assertThrows(UnsupportedOperationException.class, () -> set.add("b"));
    assertThrows(IllegalArgumentException.class, () -> Immutables.setOf("a", "b", "a"));

    Map<String, String> map = Immutables.mapOf("z", "1", "a", "2");
    assertEquals(List.of("z", "a"), new ArrayList<>(map.keySet()));
    assertEquals("2", map.get("a"));
    assertThrows(UnsupportedOperationException.class, () -> map.put("b", "3"));
    assertThrows(IllegalArgumentException.class, () -> Immutables.mapOf("a", "1", "a", "2"));
    assertThrows(IllegalArgumentException.class, () -> Immutables.mapOf("a", "1", "b"));
  }

  @Test
  void aSortedMapCopyIsSortedByKeyAndCannotBeChanged() {
    Map<String, String> source = new HashMap<>(Map.of("b", "2", "a", "1", "c", "3"));
    Map<String, String> copy = Immutables.copyOfSortedMap(source);
    source.put("d", "4");
    assertEquals(List.of("a", "b", "c"), new ArrayList<>(copy.keySet()));
    assertEquals("{a=1, b=2, c=3}", copy.toString());
    assertThrows(UnsupportedOperationException.class, () -> copy.remove("a"));
  }
}
