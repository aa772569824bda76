package org.kylinupgrade.cuboid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

class CuboidSetsTest {

  @Test
  void bothSetsOverTheBoundAreCountedForPlainGroups() {
    V1Cuboids v1 = V1Cuboids.of(AggregationGroupMappingTest.oneGroupDesc(15, 1, 14));
    ArrayNode groups = AggregationGroupMapping.map(v1).groups();
    V15Cuboids v15 = V15Cuboids.of(v1.rowkeyColumns(), groups);
    assertEquals(CuboidSets.Verdict.SAME, CuboidSets.sameSet(v1, v15).verdict());
    CuboidSets.Comparison small = CuboidSets.sameSet(v1, v15, 100);
    assertEquals(CuboidSets.Verdict.SAME, small.verdict());
    assertTrue(small.detail().contains("counted"), small.detail());
    assertNull(small.onlyV1());
    // one group's mandatory column dropped: a cuboid v1 never built
    ArrayNode broken = groups.deepCopy();
    ((ArrayNode) broken.get(0).path("select_rule").path("mandatory_dims")).removeAll();
    CuboidSets.Comparison differs = CuboidSets.sameSet(v1, V15Cuboids.of(v1.rowkeyColumns(), broken), 100);
    assertEquals(CuboidSets.Verdict.DIFFERENT, differs.verdict());
    // one group dropped: fewer cuboids
    ArrayNode fewer = groups.deepCopy();
    fewer.remove(fewer.size() - 1);
    assertEquals(CuboidSets.Verdict.DIFFERENT,
        CuboidSets.sameSet(v1, V15Cuboids.of(v1.rowkeyColumns(), fewer), 100).verdict());
  }

  @Test
  void bothSetsOverTheBoundWithoutPlainGroupsAreTooLargeToCheck() {
    V1Cuboids v1 = Corpus.v1("corpus_a_0041_desc"); // groups share columns
    assertFalse(v1.hasPlainGroups());
    V15Cuboids v15 = V15Cuboids.of(v1.rowkeyColumns(), AggregationGroupMapping.map(v1).groups());
    assertEquals(CuboidSets.Verdict.SAME, CuboidSets.sameSet(v1, v15).verdict());
    assertEquals(CuboidSets.Verdict.TOO_LARGE, CuboidSets.sameSet(v1, v15, 10).verdict());
  }

  @Test
  void plainV1CountsTellSetsApartWithoutEnumerating() {
    V1Cuboids v1 = V1Cuboids.of(AggregationGroupMappingTest.oneGroupDesc(15, 1, 14));
    // one 1.5 group of 12 of the 14 columns holds far fewer cuboids than v1 builds
    StringBuilder includes = new StringBuilder("\"C0\"");
    for (int i = 1; i <= 12; i++) {
      includes.append(",\"C").append(i).append('"');
    }
    V15Cuboids v15 = V15Cuboids.of(v1.rowkeyColumns(), Corpus.json(
        "[{\"includes\":[" + includes + "],\"select_rule\":{\"mandatory_dims\":[\"C0\"]}}]"));
    assertTrue(v15.loads(), v15.loadProblems().toString());
    CuboidSets.Comparison cmp = CuboidSets.sameSet(v1, v15, 10);
    assertEquals(CuboidSets.Verdict.DIFFERENT, cmp.verdict());
    assertTrue(cmp.detail().contains("16383"), cmp.detail());
  }

  @Test
  void oneSetOverTheBoundDiffersFromOneUnderIt() {
    V1Cuboids v1 = Corpus.v1("corpus_a_0034_desc"); // base cuboid only
    V15Cuboids full = V15Cuboids.of(v1.rowkeyColumns(), KylinGroupRule.apply(v1.desc()).groups);
    assertEquals(511, full.cuboidSet().size());
    CuboidSets.Comparison cmp = CuboidSets.sameSet(v1, full, 100);
    assertEquals(CuboidSets.Verdict.DIFFERENT, cmp.verdict());
  }

  @Test
  void cuboidSetBasics() {
    CuboidSet a = CuboidSet.of(5, 3, 3, 9);
    assertEquals("3 5 9", a.toString());
    assertEquals(3, a.size());
    assertTrue(a.contains(9));
    assertEquals(CuboidSet.of(5), a.minus(CuboidSet.of(3, 9, 11)));
    assertTrue(CuboidSet.of(3).isSubsetOf(a));
  }
}
