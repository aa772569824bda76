package org.kylinupgrade.coprocessor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.coprocessor.KylinCoprocessors.Target;

class TablePlanTest {
  private static final String JAR = "hdfs://nn/kylin/kylin_metadata/coprocessor/kylin-coprocessor-0.jar";
  private static final String OLD_JAR = "hdfs://nn/kylin/kylin_metadata/coprocessor/kylin-coprocessor-1.3.0-0.jar";
  private static final CoprocessorEntry FOREIGN =
      new CoprocessorEntry("org.apache.hadoop.hbase.coprocessor.MultiRowMutationEndpoint", null, 536870911);

  @Test
  void kylinsPrioritiesAndClassSets() {
    assertEquals(List.of(
        new CoprocessorEntry(KylinCoprocessors.V2_II_ENDPOINT, JAR, 1000),
        new CoprocessorEntry(KylinCoprocessors.V2_CUBE_ENDPOINT, JAR, 1001),
        new CoprocessorEntry(KylinCoprocessors.V2_CUBE_OBSERVER, JAR, 1002)), Target.KYLIN_1_4_ALPHA.entries(JAR));
    assertEquals(List.of(
        new CoprocessorEntry(KylinCoprocessors.V1_II_ENDPOINT, JAR, 1000),
        new CoprocessorEntry(KylinCoprocessors.V1_OBSERVER, JAR, 1001)), Target.KYLIN_1_3.entries(JAR));
    assertEquals(5, KylinCoprocessors.ALL.size());
  }

  @Test
  void aV1TableLosesItsKylinCoprocessorsKeepsTheOthersAndGetsTheV2Set() {
    List<CoprocessorEntry> before = new ArrayList<>(Target.KYLIN_1_3.entries(OLD_JAR));
    before.add(FOREIGN);
    TablePlan plan = TablePlan.of(before, true, Target.KYLIN_1_4_ALPHA.entries(JAR));
    assertTrue(plan.changesCoprocessors());
    assertFalse(plan.alreadyRight());
    assertEquals(Target.KYLIN_1_3.entries(OLD_JAR), plan.toRemove());
    assertEquals(Target.KYLIN_1_4_ALPHA.entries(JAR), plan.toAdd());
    List<CoprocessorEntry> after = new ArrayList<>(List.of(FOREIGN));
    after.addAll(Target.KYLIN_1_4_ALPHA.entries(JAR));
    assertEquals(after, plan.after());
    assertEquals(5, plan.describe().size());
    assertTrue(plan.describe().get(0).startsWith("remove " + KylinCoprocessors.V1_II_ENDPOINT));
  }

  @Test
  void aKylin14AlphaTableMovingTo15LosesTheIndexEndpointAndKeepsTheOthers() {
    List<CoprocessorEntry> before = new ArrayList<>(Target.KYLIN_1_4_ALPHA.entries(OLD_JAR));
    before.add(FOREIGN);
    TablePlan plan = TablePlan.of(before, true, Target.KYLIN_1_5.entries(JAR));
    assertEquals(Target.KYLIN_1_4_ALPHA.entries(OLD_JAR), plan.toRemove());
    assertEquals(Target.KYLIN_1_5.entries(JAR), plan.toAdd());
    assertEquals(List.of(FOREIGN, Target.KYLIN_1_5.entries(JAR).get(0), Target.KYLIN_1_5.entries(JAR).get(1)), plan.after());
  }

  @Test
  void theSetOfOneReleaseIsNotRightForAnother() {
    for (Target have : Target.values()) {
      for (Target want : Target.values()) {
        assertEquals(have == want, TablePlan.of(have.entries(JAR), true, want.entries(JAR)).alreadyRight(), have + " -> " + want);
      }
    }
    List<CoprocessorEntry> withIndexEndpoint = new ArrayList<>(Target.KYLIN_1_5.entries(JAR));
    withIndexEndpoint.add(new CoprocessorEntry(KylinCoprocessors.V2_II_ENDPOINT, JAR, 1000));
    TablePlan plan = TablePlan.of(withIndexEndpoint, true, Target.KYLIN_1_5.entries(JAR));
    assertFalse(plan.alreadyRight(), "1.5 attaches no index endpoint");
    assertEquals(Target.KYLIN_1_5.entries(JAR), plan.after());
  }

  @Test
  void exactlyTheWantedSetInAnyOrderIsAlreadyRight() {
    List<CoprocessorEntry> before = new ArrayList<>(Target.KYLIN_1_4_ALPHA.entries(JAR));
    java.util.Collections.reverse(before);
    before.add(0, FOREIGN);
    TablePlan plan = TablePlan.of(before, true, Target.KYLIN_1_4_ALPHA.entries(JAR));
    assertTrue(plan.alreadyRight());
    assertEquals(before, plan.after());
    assertEquals(List.of(), plan.describe());
  }

  @Test
  void anotherJarAPriorityAParameterAnExtraOrAMissingClassIsNotRight() {
    List<CoprocessorEntry> wanted = Target.KYLIN_1_4_ALPHA.entries(JAR);
    assertFalse(TablePlan.of(Target.KYLIN_1_4_ALPHA.entries(OLD_JAR), true, wanted).alreadyRight(), "other jar");
    List<CoprocessorEntry> priority = new ArrayList<>(wanted);
    priority.set(2, new CoprocessorEntry(KylinCoprocessors.V2_CUBE_OBSERVER, JAR, 1001));
    assertFalse(TablePlan.of(priority, true, wanted).alreadyRight(), "priority");
    List<CoprocessorEntry> parameter = new ArrayList<>(wanted);
    parameter.set(0, new CoprocessorEntry(KylinCoprocessors.V2_II_ENDPOINT, JAR, 1000, Map.of("k", "v")));
    assertFalse(TablePlan.of(parameter, true, wanted).alreadyRight(), "parameter");
    List<CoprocessorEntry> extra = new ArrayList<>(wanted);
    extra.add(new CoprocessorEntry(KylinCoprocessors.V1_OBSERVER, OLD_JAR, 1001));
    TablePlan extraPlan = TablePlan.of(extra, true, wanted);
    assertFalse(extraPlan.alreadyRight(), "a v1 class left over");
    assertEquals(4, extraPlan.toRemove().size());
    assertEquals(wanted, extraPlan.after());
    assertFalse(TablePlan.of(wanted.subList(0, 2), true, wanted).alreadyRight(), "missing class");
    List<CoprocessorEntry> twice = new ArrayList<>(wanted);
    twice.add(wanted.get(0));
    assertFalse(TablePlan.of(twice, true, wanted).alreadyRight(), "a class twice");
  }

  @Test
  void theSameJarWrittenAsAUriWithAnEmptyAuthorityIsTheSameJar() {
    assertTrue(TablePlan.of(Target.KYLIN_1_4_ALPHA.entries("file:///tmp/w/coprocessor/a-0.jar"), true,
        Target.KYLIN_1_4_ALPHA.entries("file:/tmp/w/coprocessor/a-0.jar")).alreadyRight());
    assertFalse(TablePlan.of(Target.KYLIN_1_4_ALPHA.entries("hdfs://other/kylin/coprocessor/a-0.jar"), true,
        Target.KYLIN_1_4_ALPHA.entries("hdfs://nn/kylin/coprocessor/a-0.jar")).alreadyRight());
  }

  @Test
  void aDisabledTableWithTheRightSetOnlyNeedsEnabling() {
    TablePlan plan = TablePlan.of(Target.KYLIN_1_4_ALPHA.entries(JAR), false, Target.KYLIN_1_4_ALPHA.entries(JAR));
    assertFalse(plan.alreadyRight());
    assertFalse(plan.changesCoprocessors());
    assertTrue(plan.needsEnabling());
    assertEquals(List.of("enable (the table is disabled)"), plan.describe());
  }

  @Test
  void aTableWithoutCoprocessorsGetsTheWantedSet() {
    TablePlan plan = TablePlan.of(List.of(), true, Target.KYLIN_1_3.entries(JAR));
    assertEquals(List.of(), plan.toRemove());
    assertEquals(Target.KYLIN_1_3.entries(JAR), plan.after());
  }
}
