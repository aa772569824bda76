package org.kylinupgrade.cuboid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.TestData;

class V15CuboidsTest {

  /** What Kylin 1.5.4.1's own upgrade made of each corpus desc, replayed: conversion, loading, set size. */
  @Test
  void kylinsRuleReplaysKylin1541sOwnUpgradeOfTheCorpus() {
    int converted = 0;
    int loaded = 0;
    int kept = 0;
    for (Map<String, String> row : Corpus.tsv("kylin15.tsv")) {
      String name = row.get("desc");
      V1Cuboids v1 = Corpus.v1(name);
      KylinGroupRule rule = KylinGroupRule.apply(v1.desc());
      if ("n".equals(row.get("converted"))) {
        assertTrue(row.get("error").contains("rowKeyColExistsInMultipleAggGroup"), name);
        assertNull(rule.groups, name);
        assertEquals("rowKeyColExistsInMultipleAggGroup!", rule.refusal, name);
        continue;
      }
      converted++;
      assertNotNull(rule.groups, name);
      V15Cuboids v15 = V15Cuboids.of(v1.rowkeyColumns(), rule.groups);
      String error = row.get("error");
      if ("y".equals(row.get("loaded"))) {
        loaded++;
        assertTrue(v15.loads(), name + " " + v15.loadProblems());
        assertNull(rule.dimensionProblem, name);
        assertEquals(Integer.parseInt(row.get("v15_cuboids")), v15.cuboidSet().size(), name);
        boolean equal = v15.cuboidSet().equals(v1.buildSet());
        assertEquals("y".equals(row.get("cuboids_equal")), equal, name);
        if (equal) {
          kept++;
        }
      } else if (error.contains("Cannot find rowkey column")) {
        assertNotNull(rule.dimensionProblem, name);
        String column = error.replaceAll(".*Cannot find rowkey column (\\S+) .*", "$1");
        assertTrue(rule.dimensionProblem.contains("column " + column + " "), name + " " + rule.dimensionProblem);
      } else {
        assertFalse(v15.loads(), name);
        String expected = error.replaceAll(".*IllegalStateException: ", "");
        assertEquals(expected, v15.loadProblems().get(0), name);
      }
    }
    assertEquals(34, converted);
    assertEquals(22, loaded);
    assertEquals(7, kept);
  }

  /** Kylin's own 1.5 output for the Kylin 1.3.0 examples: our rule writes the same groups, the set is kept. */
  @Test
  void kylinsOwnOutputsForTheExamples() {
    String[][] cases = {
        {"kylin-1.3.0-localmeta", "test_kylin_cube_with_slr_desc"},
        {"kylin-1.3.0-localmeta", "test_kylin_cube_with_slr_left_join_desc"},
        {"kylin-1.3.0-sample-cube", "kylin_sales_cube_desc"}};
    for (String[] c : cases) {
      JsonNode expected = Corpus.json(TestData.expected15(c[0]).resolve("cube_desc/" + c[1] + ".json"));
      V15Cuboids v15 = V15Cuboids.of(expected);
      assertTrue(v15.loads(), c[1] + " " + v15.loadProblems());
      assertEquals(List.of(), v15.ruleProblems(), c[1]);
      V1Cuboids v1 = V1Cuboids.of(Corpus.exampleDesc(c[0], c[1]), Corpus.exampleModel(c[0], c[1]));
      assertEquals(v1.rowkeyColumns(), v15.rowkeyColumns(), c[1]);
      assertEquals(v1.buildSet(), v15.cuboidSet(), c[1]);
      KylinGroupRule rule = KylinGroupRule.apply(v1.desc());
      assertEquals(expected.get("aggregation_groups"), rule.groups, c[1]);
      assertNull(rule.dimensionProblem, c[1]);
    }
  }

  @Test
  void loadChecksOfKylin1541() {
    List<String> rk = List.of("A", "B", "C", "D");
    assertEquals("Aggregation group 0 require at least 2 dims in a joint",
        problem(rk, "[{\"includes\":[\"A\",\"B\"],\"select_rule\":{\"joint_dims\":[[\"A\"]]}}]"));
    assertEquals("Aggregation group 1 a dim exist in more than one joint",
        problem(rk, "[{\"includes\":[\"A\"],\"select_rule\":{}},"
            + "{\"includes\":[\"A\",\"B\",\"C\"],\"select_rule\":{\"joint_dims\":[[\"A\",\"B\"],[\"B\",\"C\"]]}}]"));
    assertEquals("Aggregation group 0 hierarchy dims overlap with joint dims",
        problem(rk, "[{\"includes\":[\"A\",\"B\",\"C\"],\"select_rule\":{\"hierarchy_dims\":[[\"A\",\"B\"]],"
            + "\"joint_dims\":[[\"B\",\"C\"]]}}]"));
    assertEquals("Aggregation group 0 Include dims not containing all the used dims",
        problem(rk, "[{\"includes\":[\"A\"],\"select_rule\":{\"mandatory_dims\":[\"B\"]}}]"));
    assertTrue(problem(rk, "[{\"includes\":[\"A\",\"E\"],\"select_rule\":{}}]").contains("E does not exist"));
    assertTrue(problem(rk, "[{\"includes\":[],\"select_rule\":{}}]").contains("incomplete"));
    assertTrue(problem(rk, null).contains("no aggregation_groups"));
    // 13 normal columns: 8192 combinations
    StringBuilder many = new StringBuilder();
    List<String> wide = new java.util.ArrayList<>();
    for (int i = 0; i < 13; i++) {
      wide.add("X" + i);
      many.append(i == 0 ? "" : ",").append("\"X").append(i).append('"');
    }
    assertTrue(problem(wide, "[{\"includes\":[" + many + "],\"select_rule\":{}}]").contains("too many combinations"));
    // mandatory-hierarchy overlap loads (a warning) but the save rule refuses it
    V15Cuboids overlap = V15Cuboids.of(rk, Corpus.json("[{\"includes\":[\"A\",\"B\",\"C\"],"
        + "\"select_rule\":{\"hierarchy_dims\":[[\"A\",\"B\"]],\"mandatory_dims\":[\"A\"]}}]"));
    assertTrue(overlap.loads());
    assertEquals(List.of("Aggregation group 0 mandatory dims overlap with hierarchy dims"), overlap.ruleProblems());
  }

  @Test
  void mandatoryMaskUsesKylinsIntShift() {
    List<String> rk = new java.util.ArrayList<>();
    for (int i = 0; i < 34; i++) {
      rk.add("C" + i);
    }
    // C2 is bit 31: the mask becomes negative and nothing in the group is valid
    V15Cuboids bit31 = V15Cuboids.of(rk, Corpus.json(
        "[{\"includes\":[\"C2\",\"C33\"],\"select_rule\":{\"mandatory_dims\":[\"C2\"]}}]"));
    assertEquals(1, bit31.cuboidSet().size());
    // C1 is bit 32: it stands for bit 0 (C33), so C33 is mandatory instead of C1
    V15Cuboids bit32 = V15Cuboids.of(rk, Corpus.json(
        "[{\"includes\":[\"C1\",\"C32\",\"C33\"],\"select_rule\":{\"mandatory_dims\":[\"C1\"]}}]"));
    assertEquals(CuboidSet.of(bit32.baseCuboid(), (1L << 32) | 1, 3, (1L << 32) | 3), bit32.cuboidSet());
  }

  @Test
  void theWalkIsTheUnionOfTheGroupsOnTheCorpusRule() {
    for (String name : Corpus.names()) {
      V1Cuboids v1 = Corpus.v1(name);
      KylinGroupRule rule = KylinGroupRule.apply(v1.desc());
      if (rule.groups == null) {
        continue;
      }
      V15Cuboids v15 = V15Cuboids.of(v1.rowkeyColumns(), rule.groups);
      if (!v15.loads()) {
        continue;
      }
      java.util.TreeSet<Long> union = new java.util.TreeSet<>();
      union.add(v15.baseCuboid());
      for (int g = 0; g < v15.groupCount(); g++) {
        for (long id : v15.groupSet(g, 1 << 20).toArray()) {
          union.add(id);
        }
      }
      assertEquals(CuboidSet.of(union.stream().mapToLong(Long::longValue).toArray()), v15.cuboidSet(), name);
    }
  }

  /**
   * The set found from each cuboid's parent equals the scheduler's own walk down from the base cuboid, on random
   * groups that overlap and mix mandatory columns, hierarchies and joints.
   */
  @Test
  void theSetFromParentsEqualsTheWalk() {
    java.util.Random random = new java.util.Random(15);
    int loaded = 0;
    int overlapping = 0;
    for (int round = 0; round < 3000; round++) {
      int n = 2 + random.nextInt(9);
      List<String> rk = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        rk.add("C" + i);
      }
      V15Cuboids v15 = V15Cuboids.of(rk, randomGroups(random, rk));
      if (!v15.loads()) {
        continue;
      }
      loaded++;
      CuboidSet walked = v15.walkedSet(1 << 20);
      assertEquals(walked, v15.cuboidSet(), rk + " " + round);
      int sizes = 1;
      for (int g = 0; g < v15.groupCount(); g++) {
        sizes += v15.groupSet(g, 1 << 20).size();
      }
      if (sizes > walked.size() + 1) {
        overlapping++;
      }
    }
    assertTrue(loaded > 1000, "loaded " + loaded);
    assertTrue(overlapping > 100, "sets with cuboids valid in more than one group: " + overlapping);
  }

  private static JsonNode randomGroups(java.util.Random random, List<String> rk) {
    com.fasterxml.jackson.databind.node.ArrayNode groups = Corpus.MAPPER.createArrayNode();
    int count = 1 + random.nextInt(3);
    for (int g = 0; g < count; g++) {
      List<String> cols = new java.util.ArrayList<>(rk);
      java.util.Collections.shuffle(cols, random);
      List<String> includes = cols.subList(0, 1 + random.nextInt(cols.size()));
      com.fasterxml.jackson.databind.node.ObjectNode group = groups.addObject();
      includes.forEach(group.putArray("includes")::add);
      com.fasterxml.jackson.databind.node.ObjectNode rule = group.putObject("select_rule");
      com.fasterxml.jackson.databind.node.ArrayNode mandatory = rule.putArray("mandatory_dims");
      com.fasterxml.jackson.databind.node.ArrayNode hierarchies = rule.putArray("hierarchy_dims");
      com.fasterxml.jackson.databind.node.ArrayNode joints = rule.putArray("joint_dims");
      int i = 0;
      while (i < includes.size()) {
        int kind = random.nextInt(5);
        int size = Math.min(includes.size() - i, 2 + random.nextInt(2));
        if (kind == 0) {
          mandatory.add(includes.get(i++));
        } else if (kind == 1 && size >= 2) {
          com.fasterxml.jackson.databind.node.ArrayNode h = hierarchies.addArray();
          includes.subList(i, i + size).forEach(h::add);
          i += size;
        } else if (kind == 2 && size >= 2) {
          com.fasterxml.jackson.databind.node.ArrayNode j = joints.addArray();
          includes.subList(i, i + size).forEach(j::add);
          i += size;
        } else {
          i++;
        }
      }
    }
    return groups;
  }

  private static String problem(List<String> rowkey, String groups) {
    V15Cuboids v15 = V15Cuboids.of(rowkey, groups == null ? null : Corpus.json(groups));
    assertFalse(v15.loads());
    return v15.loadProblems().get(0);
  }

  /**
   * Kylin 1.5.4.1's query routing on its own conversions against Kylin 1.3.0's, over every query mask: how many
   * masks route differently, and how many of those to a cuboid the v1 build never made.
   */
  @Test
  void routingOfKylinsConversionsMatchesTheMeasuredFacts() {
    int checked = 0;
    for (Map<String, String> row : Corpus.tsv("kylin15.tsv")) {
      if (!"y".equals(row.get("loaded"))) {
        continue;
      }
      String name = row.get("desc");
      V1Cuboids v1 = Corpus.v1(name);
      V15Cuboids v15 = V15Cuboids.of(v1.rowkeyColumns(), KylinGroupRule.apply(v1.desc()).groups);
      CuboidSet built = v1.buildSet();
      int differ = 0;
      int notBuilt = 0;
      for (long mask = 0; mask <= v1.baseCuboid(); mask++) {
        java.util.OptionalLong old = v1.findById(mask);
        long now = v15.findById(mask).getAsLong();
        if (!old.isPresent() || old.getAsLong() != now) {
          differ++;
          if (!built.contains(now)) {
            notBuilt++;
          }
        }
      }
      assertEquals(Integer.parseInt(row.get("route_diff_all_masks")), differ, name);
      assertEquals(Integer.parseInt(row.get("route_diff_v15_target_not_built_by_v13")), notBuilt, name);
      checked++;
    }
    assertEquals(22, checked);
  }
}
