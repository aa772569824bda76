package org.kylinupgrade.cuboid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

class CuboidSetsTest {

  @Test
  void bothSetsOverTheBoundAreTooLargeToCheck() {
    V1Cuboids v1 = V1Cuboids.of(AggregationGroupMappingTest.oneGroupDesc(15, 1, 14));
    ArrayNode groups = AggregationGroupMapping.map(v1).groups();
    V15Cuboids v15 = V15Cuboids.of(v1.rowkeyColumns(), groups);
    assertEquals(CuboidSets.Verdict.SAME, CuboidSets.sameSet(v1, v15).verdict());
    CuboidSets.Comparison small = CuboidSets.sameSet(v1, v15, 100);
    assertEquals(CuboidSets.Verdict.TOO_LARGE, small.verdict());
    assertNull(small.onlyV1());
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
