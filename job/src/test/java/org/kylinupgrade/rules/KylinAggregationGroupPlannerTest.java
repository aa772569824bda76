package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Kylin 1.5.4.1's own rule for the old aggregation groups, the planner the conversion uses by default. */
class KylinAggregationGroupPlannerTest {
  private static final List<String> ROWKEY = List.of("SELLER_ID", "CAL_DT", "LEAF_CATEG_ID", "META_CATEG_NAME",
      "CATEG_LVL2_NAME", "CATEG_LVL3_NAME", "LSTG_FORMAT_NAME", "LSTG_SITE_ID", "SLR_SEGMENT_CD");
  private static final List<List<String>> HIERARCHY =
      List.of(List.of("META_CATEG_NAME", "CATEG_LVL2_NAME", "CATEG_LVL3_NAME"));

  private static GroupPlan plan(List<String> mandatory, List<List<String>> oldGroups) {
    return KylinAggregationGroupPlanner.INSTANCE.plan(
        new V1AggregationRules("d", ROWKEY, mandatory, HIERARCHY, HIERARCHY, oldGroups));
  }

  @Test
  void withoutOldGroupsOneGroupIncludesEveryRowKeyColumnInCaseInsensitiveOrder() {
    GroupPlan plan = plan(List.of(), List.of());
    assertEquals(List.of(new AggregationGroupSpec(List.of("CAL_DT", "CATEG_LVL2_NAME", "CATEG_LVL3_NAME",
        "LEAF_CATEG_ID", "LSTG_FORMAT_NAME", "LSTG_SITE_ID", "META_CATEG_NAME", "SELLER_ID", "SLR_SEGMENT_CD"),
        List.of(), HIERARCHY, List.of())), plan.groups());
  }

  /** The groups of Kylin 1.3.0's test_kylin_cube_with_slr_desc, as Kylin 1.5.4.1 wrote them. */
  @Test
  void oneOldGroupKeepsItsHierarchyAndJoinsTheColumnsOutsideIt() {
    GroupPlan plan = plan(List.of("SELLER_ID"), List.of(List.of("CAL_DT", "LEAF_CATEG_ID", "META_CATEG_NAME",
        "CATEG_LVL2_NAME", "CATEG_LVL3_NAME")));
    assertEquals(List.of(new AggregationGroupSpec(List.of("CAL_DT", "CATEG_LVL2_NAME", "CATEG_LVL3_NAME",
        "LEAF_CATEG_ID", "LSTG_FORMAT_NAME", "LSTG_SITE_ID", "META_CATEG_NAME", "SELLER_ID", "SLR_SEGMENT_CD"),
        List.of("SELLER_ID"), HIERARCHY, List.of(List.of("LSTG_FORMAT_NAME", "LSTG_SITE_ID", "SLR_SEGMENT_CD")))),
        plan.groups());
  }

  @Test
  void disjointOldGroupsIncludeWhatNoEarlierGroupHad() {
    GroupPlan plan = plan(List.of("SELLER_ID"), List.of(
        List.of("lstg_site_id", "slr_segment_cd"),
        List.of("LEAF_CATEG_ID", "META_CATEG_NAME", "CATEG_LVL2_NAME", "CATEG_LVL3_NAME", "LSTG_FORMAT_NAME")));
    assertEquals(2, plan.groups().size());
    AggregationGroupSpec first = plan.groups().get(0);
    assertEquals(ROWKEY.size(), first.includes().size());
    assertEquals(List.of(), first.hierarchies(), "the hierarchy is not inside the first group");
    assertEquals(List.of(List.of("CAL_DT", "CATEG_LVL2_NAME", "CATEG_LVL3_NAME", "LEAF_CATEG_ID",
        "LSTG_FORMAT_NAME", "META_CATEG_NAME")), first.joints());
    AggregationGroupSpec second = plan.groups().get(1);
    assertEquals(List.of("CAL_DT", "CATEG_LVL2_NAME", "CATEG_LVL3_NAME", "LEAF_CATEG_ID", "LSTG_FORMAT_NAME",
        "META_CATEG_NAME", "SELLER_ID"), second.includes());
    assertEquals(HIERARCHY, second.hierarchies());
    assertEquals(List.of(List.of("CAL_DT")), second.joints(), "a one-column joint, which Kylin 1.5 refuses to load");
    assertEquals(List.of("SELLER_ID"), second.mandatory());
  }

  @Test
  void oldGroupsSharingAColumnAreNotExpressible() {
    GroupPlan plan = plan(List.of(), List.of(List.of("LSTG_FORMAT_NAME", "LSTG_SITE_ID", "SLR_SEGMENT_CD"),
        List.of("LEAF_CATEG_ID", "META_CATEG_NAME", "CATEG_LVL3_NAME", "CATEG_LVL2_NAME", "lstg_format_name")));
    assertFalse(plan.isExpressible());
    assertEquals("old aggregation groups share column lstg_format_name", plan.notExpressibleReason());
  }

  @Test
  void aColumnTwiceInOneGroupIsNotSharing() {
    assertEquals(1, plan(List.of(), List.of(List.of("CAL_DT", "cal_dt"))).groups().size());
  }
}
