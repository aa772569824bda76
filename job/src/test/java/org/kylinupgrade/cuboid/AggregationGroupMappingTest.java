package org.kylinupgrade.cuboid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.TestData;

class AggregationGroupMappingTest {

  /** The mapping loads in 1.5.4.1 and its 1.5 set is the v1 build set. */
  private static void assertKeepsTheSet(V1Cuboids v1, AggregationGroupMapping.Result r, String label) {
    assertTrue(r.expressible(), label + " " + r);
    V15Cuboids v15 = V15Cuboids.of(v1.rowkeyColumns(), r.groups());
    assertTrue(v15.loads(), label + " " + v15.loadProblems());
    assertEquals(v1.buildSet(), v15.cuboidSet(), label);
    assertEquals(v1.buildSet().size(), r.cuboidCount(), label);
    assertTrue(CuboidSets.sameSet(v1, v15).same(), label);
  }

  @Test
  void everyCorpusDescMapsToItsV1Set() {
    Map<String, Map<String, String>> kylin15 = Corpus.byDesc("kylin15.tsv");
    List<String> byKylin = new ArrayList<>();
    int own = 0;
    for (String name : Corpus.names()) {
      V1Cuboids v1 = Corpus.v1(name);
      AggregationGroupMapping.Result r = AggregationGroupMapping.map(Corpus.desc(name), Corpus.model());
      assertKeepsTheSet(v1, r, name);
      assertTrue(r.verified(), name);
      KylinGroupRule rule = KylinGroupRule.apply(v1.desc());
      if (r.keptByKylinRule()) {
        byKylin.add(name);
        assertEquals(rule.groups, r.groups(), name);
        assertNull(r.kylinRuleNote(), name);
        assertEquals("y", kylin15.get(name).get("cuboids_equal"), name);
      } else {
        own++;
        assertNotNull(r.kylinRuleNote(), name);
        assertEquals(List.of(), r.ruleProblems(), name);
      }
    }
    // exactly the descs Kylin 1.5.4.1 itself converted with the same set
    assertEquals(List.of("corpus_a_0000_desc", "corpus_a_0007_desc", "corpus_a_0012_desc", "corpus_a_0028_desc",
        "corpus_a_0060_desc", "corpus_a_0061_desc", "corpus_a_0065_desc"), byKylin);
    assertEquals(53, own);
  }

  @Test
  void kylinsGroupsAreKeptWhenOnlyItsDimensionsFail() {
    // Kylin's groups keep the set, but its dimension conversion loses a hierarchy that has a derived list
    AggregationGroupMapping.Result r = AggregationGroupMapping.map(Corpus.desc("corpus_a_0002_desc"), Corpus.model());
    assertFalse(r.keptByKylinRule());
    assertTrue(r.kylinRuleNote().contains("YEAR_BEG_DT"), r.kylinRuleNote());
    assertEquals(KylinGroupRule.apply(Corpus.v1("corpus_a_0002_desc").desc()).groups, r.groups());
  }

  @Test
  void localmetaCubesWithSharedColumnsKeepTheir27Cuboids() {
    String ex = "kylin-1.3.0-localmeta";
    for (String name : List.of("test_kylin_cube_without_slr_desc", "test_kylin_cube_without_slr_left_join_desc")) {
      JsonNode desc = Corpus.exampleDesc(ex, name);
      V1Cuboids v1 = V1Cuboids.of(desc, Corpus.exampleModel(ex, name));
      AggregationGroupMapping.Result r = AggregationGroupMapping.map(desc, Corpus.exampleModel(ex, name));
      assertKeepsTheSet(v1, r, name);
      assertEquals(27, r.cuboidCount(), name);
      assertFalse(r.keptByKylinRule(), name);
      assertTrue(r.kylinRuleNote().contains("share a column"), name);
      // Kylin's rule applied regardless (the shared column dropped from the first group) gives 21
      ObjectNode patched = desc.deepCopy();
      ArrayNode first = (ArrayNode) patched.path("rowkey").path("aggregation_groups").get(0);
      for (int i = 0; i < first.size(); i++) {
        if (first.get(i).asText().equalsIgnoreCase("lstg_format_name")) {
          first.remove(i);
        }
      }
      KylinGroupRule rule = KylinGroupRule.apply(V1Cuboids.of(patched, Corpus.exampleModel(ex, name)).desc());
      assertEquals(21, V15Cuboids.of(v1.rowkeyColumns(), rule.groups).cuboidSet().size(), name);
    }
    for (String[] c : new String[][] {{ex, "test_kylin_cube_with_slr_desc"},
        {ex, "test_kylin_cube_with_slr_left_join_desc"}, {"kylin-1.3.0-sample-cube", "kylin_sales_cube_desc"}}) {
      V1Cuboids v1 = V1Cuboids.of(Corpus.exampleDesc(c[0], c[1]), Corpus.exampleModel(c[0], c[1]));
      AggregationGroupMapping.Result r = AggregationGroupMapping.map(v1);
      assertKeepsTheSet(v1, r, c[1]);
      assertTrue(r.keptByKylinRule(), c[1]);
      JsonNode kylins = Corpus.json(TestData.expected15(c[0]).resolve("cube_desc/" + c[1] + ".json"));
      assertEquals(kylins.get("aggregation_groups"), r.groups(), c[1]);
    }
  }

  @Test
  void aDifferentSetIsDetected() {
    // Kylin's own conversion of 0004 loads with 31 cuboids where 1.3.0 built 17
    V1Cuboids v1 = Corpus.v1("corpus_a_0004_desc");
    V15Cuboids kylins = V15Cuboids.of(v1.rowkeyColumns(), KylinGroupRule.apply(v1.desc()).groups);
    CuboidSets.Comparison cmp = CuboidSets.sameSet(v1, kylins);
    assertEquals(CuboidSets.Verdict.DIFFERENT, cmp.verdict());
    assertEquals(0, cmp.onlyV1().size());
    assertEquals(14, cmp.onlyV15().size());
    // our mapping with one mandatory column dropped differs too
    ArrayNode groups = AggregationGroupMapping.map(v1).groups();
    ((ArrayNode) groups.get(0).path("select_rule").path("mandatory_dims")).removeAll();
    assertFalse(CuboidSets.sameSet(v1, V15Cuboids.of(v1.rowkeyColumns(), groups)).same());
    // a 1.5 desc Kylin would not load is reported as such
    ArrayNode broken = AggregationGroupMapping.map(v1).groups();
    ((ObjectNode) broken.get(0).path("select_rule")).putArray("joint_dims").addArray().add("CAL_DT");
    assertEquals(CuboidSets.Verdict.NOT_LOADABLE,
        CuboidSets.sameSet(v1, V15Cuboids.of(v1.rowkeyColumns(), broken)).verdict());
    // and a different rowkey order
    List<String> reversed = new ArrayList<>(v1.rowkeyColumns());
    java.util.Collections.reverse(reversed);
    assertEquals(CuboidSets.Verdict.DIFFERENT,
        CuboidSets.sameSet(v1, V15Cuboids.of(reversed, AggregationGroupMapping.map(v1).groups())).verdict());
  }

  @Test
  void randomOddShapesMapExactlyEvenUnderTightLimits() {
    Random random = new Random(99L);
    int split = 0;
    for (int round = 0; round < 300; round++) {
      ObjectNode desc = RandomV1Descs.desc(random, 3 + random.nextInt(7));
      V1Cuboids v1 = V1Cuboids.of(desc);
      int maxCombination = round % 3 == 0 ? 8 : V15Cuboids.DEFAULT_MAX_COMBINATION;
      AggregationGroupMapping.Result r = AggregationGroupMapping.map(v1, V1Cuboids.DEFAULT_BOUND, maxCombination);
      assertTrue(r.expressible(), desc + " " + r);
      V15Cuboids v15 = V15Cuboids.of(v1.rowkeyColumns(), r.groups(), maxCombination);
      assertTrue(v15.loads(), desc + " " + v15.loadProblems());
      assertEquals(v1.buildSet(), v15.cuboidSet(), desc.toString());
      assertEquals(v15.cuboidSet(), unionOfGroups(v15), desc.toString());
      if (!r.keptByKylinRule()) {
        assertEquals(List.of(), r.ruleProblems(), desc.toString());
      }
      if (maxCombination == 8 && r.groups().size() > v1.groupCount()) {
        split++;
      }
    }
    assertTrue(split > 10, "splits: " + split);
  }

  @Test
  void largePlainShapesAreMappedByConstruction() {
    Random random = new Random(5L);
    int counted = 0;
    for (int round = 0; round < 60; round++) {
      ObjectNode desc = RandomV1Descs.plainDesc(random, 8 + random.nextInt(8));
      V1Cuboids v1 = V1Cuboids.of(desc);
      // a small bound forces the path that does not enumerate the v1 set
      AggregationGroupMapping.Result r = AggregationGroupMapping.map(v1, 64, V15Cuboids.DEFAULT_MAX_COMBINATION);
      assertTrue(r.expressible(), desc + " " + r);
      // both sets over the bound: compared by counting
      assertTrue(r.verified(), desc.toString());
      assertEquals(v1.isValidCount(), r.cuboidCount(), desc.toString());
      if (v1.isValidCount() > 64) {
        counted++;
      }
      V15Cuboids v15 = V15Cuboids.of(v1.rowkeyColumns(), r.groups());
      assertTrue(v15.loads(), desc + " " + v15.loadProblems());
      assertEquals(v1.buildSet(), v15.cuboidSet(), desc.toString());
    }
    assertTrue(counted > 20, "counted: " + counted);
  }

  @Test
  void aGroupOver4096CombinationsIsSplit() {
    // one old group of 14 free columns and a mandatory one: 2^15 - 1 cuboids, one 1.5 group could hold 4096
    ObjectNode desc = oneGroupDesc(15, 1, 14);
    V1Cuboids v1 = V1Cuboids.of(desc);
    assertEquals(16383, v1.buildSet().size());
    AggregationGroupMapping.Result r = AggregationGroupMapping.map(v1);
    assertFalse(r.keptByKylinRule());
    assertTrue(r.kylinRuleNote().contains("too many combinations"), r.kylinRuleNote());
    assertKeepsTheSet(v1, r, "wide");
    assertTrue(r.groups().size() > 1);
  }

  @Test
  void mandatoryColumnsBeyondBit30AvoidKylinsIntShift() {
    // 34 columns, the first one mandatory (bit 33), one old group of the last three
    ObjectNode desc = oneGroupDesc(34, 1, 3);
    V1Cuboids v1 = V1Cuboids.of(desc);
    AggregationGroupMapping.Result r = AggregationGroupMapping.map(v1);
    assertKeepsTheSet(v1, r, "wide-mandatory");
    for (JsonNode g : r.groups()) {
      for (JsonNode m : g.path("select_rule").path("mandatory_dims")) {
        assertFalse(m.asText().equals("C0"), r.groups().toString());
      }
    }
  }

  @Test
  void aDescWithoutGroupsKeepsOnlyItsBaseCuboid() {
    for (String name : List.of("corpus_a_0034_desc", "corpus_a_0018_desc")) {
      V1Cuboids v1 = Corpus.v1(name);
      assertEquals(1, v1.buildSet().size());
      AggregationGroupMapping.Result r = AggregationGroupMapping.map(v1);
      assertKeepsTheSet(v1, r, name);
      assertEquals(1, r.groups().size(), name);
    }
  }

  @Test
  void aDescKylin130CannotLoadIsNotExpressible() {
    ObjectNode desc = (ObjectNode) Corpus.desc("corpus_a_0007_desc").deepCopy();
    ((ObjectNode) desc.path("rowkey").path("rowkey_columns").get(0)).put("column", "NO_SUCH_COLUMN");
    AggregationGroupMapping.Result r = AggregationGroupMapping.map(desc, Corpus.model());
    assertFalse(r.expressible());
    assertNull(r.groups());
    assertTrue(r.notExpressibleReason().contains("NO_SUCH_COLUMN"), r.notExpressibleReason());
  }

  /** n columns C0..; the first {@code mandatory} mandatory; one group of the last {@code group} columns. */
  static ObjectNode oneGroupDesc(int n, int mandatory, int group) {
    ObjectNode desc = Corpus.MAPPER.createObjectNode();
    desc.put("name", "wide");
    ObjectNode rowkey = desc.putObject("rowkey");
    ArrayNode cols = rowkey.putArray("rowkey_columns");
    for (int i = 0; i < n; i++) {
      ObjectNode c = cols.addObject();
      c.put("column", "C" + i);
      c.put("dictionary", "true");
      c.put("mandatory", i < mandatory);
    }
    ArrayNode g = rowkey.putArray("aggregation_groups").addArray();
    for (int i = n - group; i < n; i++) {
      g.add("C" + i);
    }
    desc.putArray("dimensions");
    return desc;
  }

  @Test
  void kylin1541RoutesEveryQueryOfAMappedDescToABuiltCuboid() {
    int masks = 0;
    int differently = 0;
    for (String name : Corpus.names()) {
      V1Cuboids v1 = Corpus.v1(name);
      V15Cuboids v15 = V15Cuboids.of(v1.rowkeyColumns(), AggregationGroupMapping.map(v1).groups());
      CuboidSet built = v1.buildSet();
      for (long mask = 0; mask <= v1.baseCuboid(); mask++) {
        java.util.OptionalLong now = v15.findById(mask);
        assertTrue(now.isPresent(), name + " " + mask);
        assertTrue(built.contains(now.getAsLong()), name + " " + mask + " -> " + now.getAsLong());
        java.util.OptionalLong old = v1.findById(mask);
        if (!old.isPresent() || old.getAsLong() != now.getAsLong()) {
          differently++;
        }
        masks++;
      }
    }
    assertEquals(49472, masks);
    assertTrue(differently > 0);
  }

  /** The base cuboid plus every cuboid some group allows. */
  static CuboidSet unionOfGroups(V15Cuboids v15) {
    java.util.TreeSet<Long> union = new java.util.TreeSet<>();
    union.add(v15.baseCuboid());
    for (int g = 0; g < v15.groupCount(); g++) {
      for (long id : v15.groupSet(g, 1 << 20).toArray()) {
        union.add(id);
      }
    }
    return CuboidSet.of(union.stream().mapToLong(Long::longValue).toArray());
  }
}
