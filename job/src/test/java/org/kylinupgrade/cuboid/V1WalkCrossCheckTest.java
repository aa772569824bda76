package org.kylinupgrade.cuboid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The build walk's shortcut (children's possible parents instead of every smaller sibling) against the plain
 * definition, and the isValid enumeration and count against testing every id, on random odd shapes.
 */
class V1WalkCrossCheckTest {

  /** The spanning cuboids by the definition: drop children that any smaller valid sibling generates. */
  private static long[] spanningByDefinition(V1Cuboids v1, long cuboid) {
    long[] children = v1.generateChildren(cuboid);
    if (!v1.isValid(cuboid)) {
      return sorted(children);
    }
    long touched = 0;
    for (int i = 0; i < v1.groupCount(); i++) {
      if ((v1.groupMask(i) & cuboid) != 0) {
        touched |= v1.groupMask(i);
      }
    }
    Set<Long> siblingChildren = new HashSet<>();
    if (touched == 0) {
      for (long c : children) {
        siblingChildren.add(c);
      }
    } else {
      long outside = cuboid & ~touched;
      int inside = Long.bitCount(cuboid & touched);
      for (long s = 0; s < cuboid; s++) {
        if ((s & ~touched) == outside && Long.bitCount(s & touched) == inside && v1.isValid(s)) {
          for (long c : v1.generateChildren(s)) {
            siblingChildren.add(c);
          }
        }
      }
    }
    return sorted(Arrays.stream(children).filter(c -> !siblingChildren.contains(c)).toArray());
  }

  private static long[] sorted(long[] a) {
    long[] b = a.clone();
    Arrays.sort(b);
    return b;
  }

  @Test
  void walkMatchesTheDefinitionOnRandomShapes() {
    Random random = new Random(20240531L);
    int checked = 0;
    int plain = 0;
    for (int round = 0; round < 1500; round++) {
      int n = 3 + random.nextInt(7);
      ObjectNode desc = RandomV1Descs.desc(random, n);
      V1Cuboids v1 = V1Cuboids.of(desc);
      String label = desc.toString();
      for (long c = 1; c <= v1.baseCuboid(); c++) {
        assertArrayEquals(spanningByDefinition(v1, c), sorted(v1.spanningCuboids(c)), label + " @" + c);
      }
      TreeSet<Long> walk = new TreeSet<>();
      Deque<Long> todo = new ArrayDeque<>();
      walk.add(v1.baseCuboid());
      todo.push(v1.baseCuboid());
      while (!todo.isEmpty()) {
        for (long child : spanningByDefinition(v1, todo.pop())) {
          if (walk.add(child)) {
            todo.push(child);
          }
        }
      }
      assertArrayEquals(walk.stream().mapToLong(Long::longValue).toArray(), v1.buildSet().toArray(), label);

      TreeSet<Long> valid = new TreeSet<>();
      for (long c = 0; c <= v1.baseCuboid(); c++) {
        if (v1.isValid(c)) {
          valid.add(c);
        }
      }
      assertArrayEquals(valid.stream().mapToLong(Long::longValue).toArray(), v1.isValidSet().toArray(), label);
      assertEquals(valid.size(), v1.isValidCount(), label);
      if (v1.hasPlainGroups()) {
        plain++;
        assertEquals(v1.isValidSet(), v1.buildSet(), label);
      }
      checked++;
    }
    assertEquals(1500, checked);
    assertTrue(plain > 100, "plain shapes: " + plain);
  }

  @Test
  void plainShapesBuildTheirIsValidSet() {
    Random random = new Random(7L);
    for (int round = 0; round < 600; round++) {
      ObjectNode desc = RandomV1Descs.plainDesc(random, 2 + random.nextInt(11));
      V1Cuboids v1 = V1Cuboids.of(desc);
      assertTrue(v1.hasPlainGroups(), desc.toString());
      assertEquals(v1.isValidSet(), v1.buildSet(), desc.toString());
      assertEquals(v1.buildSet().size(), v1.isValidCount(), desc.toString());
    }
  }
}
