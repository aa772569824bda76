package org.kylinupgrade.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class LargestFirstTest {
  @Test
  void eachGroupGoesToThePartitionWithFewestMembersLargestGroupsFirst() {
    // 9 + 1 + 1 + ... : the large group fills one partition, the small ones even out the other two
    int[] members = {1, 1, 9, 1, 1, 1, 1, 1, 1, 1, 1};
    int[] partitionOf = LargestFirst.deal(members, 3);
    long[] load = new long[3];
    for (int g = 0; g < members.length; g++) {
      load[partitionOf[g]] += members[g];
    }
    int big = partitionOf[2];
    for (int g = 0; g < members.length; g++) {
      if (g != 2) {
        assertNotEquals(big, partitionOf[g], "group " + g + " joined the large group's partition");
      }
    }
    assertEquals(9, load[big]);
    assertEquals(19, load[0] + load[1] + load[2]);
  }

  @Test
  void equalGroupsAreNotDealtInTheirOwnOrder() {
    // eight groups of one shape, four partitions: round by round would put groups 0 and 4 together
    int[] members = {2, 2, 2, 2, 2, 2, 2, 2};
    int[] partitionOf = LargestFirst.deal(members, 4);
    int[] roundByRound = {0, 1, 2, 3, 0, 1, 2, 3};
    assertFalse(java.util.Arrays.equals(roundByRound, partitionOf), "ties come in a scrambled order");
    long[] load = new long[4];
    for (int g = 0; g < members.length; g++) {
      load[partitionOf[g]] += members[g];
    }
    assertArrayEquals(new long[] {4, 4, 4, 4}, load);
  }
}
