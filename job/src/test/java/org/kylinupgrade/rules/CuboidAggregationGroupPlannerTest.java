package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.cuboid.V15Cuboids;
import org.kylinupgrade.cuboid.V1Cuboids;

/** The default planner of the conversion to 1.5: Kylin's rule where it keeps the v1 cuboids, else groups that do. */
class CuboidAggregationGroupPlannerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ROWKEY = List.of("SELLER_ID", "CAL_DT", "LEAF_CATEG_ID", "META_CATEG_NAME",
      "CATEG_LVL2_NAME", "CATEG_LVL3_NAME", "LSTG_FORMAT_NAME", "LSTG_SITE_ID", "SLR_SEGMENT_CD");
  private static final List<List<String>> HIERARCHY =
      List.of(List.of("META_CATEG_NAME", "CATEG_LVL2_NAME", "CATEG_LVL3_NAME"));
  /** The old groups of Kylin 1.3.0's test_kylin_cube_without_slr_desc shape: LSTG_FORMAT_NAME in both. */
  private static final List<List<String>> SHARING = List.of(
      List.of("CAL_DT", "LEAF_CATEG_ID", "META_CATEG_NAME", "CATEG_LVL2_NAME", "CATEG_LVL3_NAME", "LSTG_FORMAT_NAME"),
      List.of("LSTG_FORMAT_NAME", "LSTG_SITE_ID", "SLR_SEGMENT_CD"));

  private static V1AggregationRules rules(List<List<String>> oldGroups) {
    return new V1AggregationRules("d", ROWKEY, List.of("SELLER_ID"), HIERARCHY, HIERARCHY, oldGroups);
  }

  /** The plan's groups as a 1.5 {@code aggregation_groups} array. */
  private static ArrayNode json(GroupPlan plan) {
    ArrayNode groups = JSON.createArrayNode();
    for (AggregationGroupSpec spec : plan.groups()) {
      ObjectNode group = groups.addObject();
      spec.includes().forEach(group.putArray("includes")::add);
      ObjectNode rule = group.putObject("select_rule");
      spec.mandatory().forEach(rule.putArray("mandatory_dims")::add);
      ArrayNode hierarchies = rule.putArray("hierarchy_dims");
      spec.hierarchies().forEach(h -> h.forEach(hierarchies.addArray()::add));
      ArrayNode joints = rule.putArray("joint_dims");
      spec.joints().forEach(j -> j.forEach(joints.addArray()::add));
    }
    return groups;
  }

  private static void assertKeepsTheV1Set(V1AggregationRules rules, GroupPlan plan) {
    V1Cuboids v1 = V1Cuboids.of(CuboidAggregationGroupPlanner.descOf(rules));
    V15Cuboids v15 = V15Cuboids.of(ROWKEY, json(plan));
    assertTrue(v15.loads(), v15.loadProblems().toString());
    assertEquals(v1.buildSet(), v15.cuboidSet());
  }

  @Test
  void whereKylinsRuleKeepsTheCuboidsItsGroupsAreThePlan() {
    V1AggregationRules rules = rules(List.of(List.of("CAL_DT", "LEAF_CATEG_ID", "META_CATEG_NAME",
        "CATEG_LVL2_NAME", "CATEG_LVL3_NAME")));
    GroupPlan plan = CuboidAggregationGroupPlanner.INSTANCE.plan(rules);
    assertEquals(KylinAggregationGroupPlanner.INSTANCE.plan(rules).groups(), plan.groups());
    assertFalse(plan.deviatesFromKylin());
    assertNull(plan.kylinWouldHave());
    assertKeepsTheV1Set(rules, plan);
  }

  @Test
  void oldGroupsSharingAColumnGetGroupsThatKeepTheCuboidsAndSayWhatKylinWouldHaveDone() {
    V1AggregationRules rules = rules(SHARING);
    assertFalse(KylinAggregationGroupPlanner.INSTANCE.plan(rules).isExpressible());
    GroupPlan plan = CuboidAggregationGroupPlanner.INSTANCE.plan(rules);
    assertTrue(plan.isExpressible(), plan.toString());
    assertTrue(plan.deviatesFromKylin());
    assertEquals("refused the desc: its old aggregation groups share a column", plan.kylinWouldHave());
    assertKeepsTheV1Set(rules, plan);
  }

  @Test
  void whereKylinsGroupsChangeTheCuboidsOthersAreWritten() {
    // no old groups: Kylin 1.3.0 builds only the base cuboid, Kylin's rule would allow every combination
    V1AggregationRules rules = rules(List.of());
    GroupPlan plan = CuboidAggregationGroupPlanner.INSTANCE.plan(rules);
    assertTrue(plan.kylinWouldHave().startsWith("changed the cuboid set ("), plan.kylinWouldHave());
    assertKeepsTheV1Set(rules, plan);
  }

  @Test
  void theCuboidsThatComeWithTheRulesAreTheOnesPlannedFor() {
    // the same row key and groups, but the v1 desc as stored marks no column mandatory
    ObjectNode stored = CuboidAggregationGroupPlanner.descOf(rules(SHARING));
    stored.withArray("/rowkey/rowkey_columns").forEach(c -> ((ObjectNode) c).put("mandatory", false));
    V1Cuboids cuboids = V1Cuboids.of(stored);
    V1AggregationRules rules = new V1AggregationRules("d", ROWKEY, List.of("SELLER_ID"), HIERARCHY, HIERARCHY,
        SHARING, cuboids);
    assertSame(cuboids, rules.cuboids());
    GroupPlan plan = CuboidAggregationGroupPlanner.INSTANCE.plan(rules);
    assertEquals(cuboids.buildSet(), V15Cuboids.of(ROWKEY, json(plan)).cuboidSet());
  }

  @Test
  void aDescKylin130CannotInitialiseIsNotExpressible() {
    V1AggregationRules rules = new V1AggregationRules("d", ROWKEY, List.of(), List.of(List.of("NOT_A_COLUMN", "CAL_DT")),
        List.of(List.of("NOT_A_COLUMN", "CAL_DT")), List.of());
    GroupPlan plan = CuboidAggregationGroupPlanner.INSTANCE.plan(rules);
    assertFalse(plan.isExpressible());
    assertFalse(plan.isTooLargeToCheck());
    assertTrue(plan.notExpressibleReason().startsWith("no aggregation groups keep the v1 cuboid set: Kylin 1.3.0 "
        + "cannot initialise the desc: "), plan.notExpressibleReason());
  }

  @Test
  void thePlannerTravelsToExecutorsAndTheRulesWithoutTheirCuboids() throws IOException, ClassNotFoundException {
    V1AggregationRules rules = new V1AggregationRules("d", ROWKEY, List.of("SELLER_ID"), HIERARCHY, HIERARCHY,
        SHARING, V1Cuboids.of(CuboidAggregationGroupPlanner.descOf(rules(SHARING))));
    AggregationGroupPlanner copy = roundTrip(CuboidAggregationGroupPlanner.INSTANCE);
    V1AggregationRules rulesCopy = roundTrip(rules);
    assertNull(rulesCopy.cuboids());
    assertEquals(CuboidAggregationGroupPlanner.INSTANCE.plan(rules).groups(), copy.plan(rulesCopy).groups());
    UpgradeOptions options = roundTrip(UpgradeOptions.of(1L, UpgradeTarget.V1_5));
    assertTrue(options.groupPlanner() instanceof CuboidAggregationGroupPlanner, options.groupPlanner().toString());
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
