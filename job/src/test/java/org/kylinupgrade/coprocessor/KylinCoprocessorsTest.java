package org.kylinupgrade.coprocessor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.coprocessor.KylinCoprocessors.Target;

/** The three releases' class sets, as each release's DeployCoprocessorCLI attaches them, and their names. */
class KylinCoprocessorsTest {
  private static final String JAR = "hdfs://nn/kylin/kylin_metadata/coprocessor/kylin-coprocessor-0.jar";

  @Test
  void kylin15AttachesTheCubeEndpointAndObserverAndNoIndexEndpoint() {
    assertEquals(List.of(
        new CoprocessorEntry("org.apache.kylin.storage.hbase.cube.v2.coprocessor.endpoint.CubeVisitService", JAR, 1001),
        new CoprocessorEntry("org.apache.kylin.storage.hbase.cube.v1.coprocessor.observer.AggregateRegionObserver", JAR, 1002)),
        Target.KYLIN_1_5.entries(JAR));
    assertFalse(Target.KYLIN_1_5.classNames().contains(KylinCoprocessors.V2_II_ENDPOINT));
    assertFalse(Target.KYLIN_1_5.classNames().contains(KylinCoprocessors.V1_II_ENDPOINT));
  }

  @Test
  void kylin14AlphaAddsTheV2IndexEndpointAt1000() {
    assertEquals(List.of(
        new CoprocessorEntry("org.apache.kylin.storage.hbase.ii.coprocessor.endpoint.IIEndpoint", JAR, 1000),
        new CoprocessorEntry("org.apache.kylin.storage.hbase.cube.v2.coprocessor.endpoint.CubeVisitService", JAR, 1001),
        new CoprocessorEntry("org.apache.kylin.storage.hbase.cube.v1.coprocessor.observer.AggregateRegionObserver", JAR, 1002)),
        Target.KYLIN_1_4_ALPHA.entries(JAR));
  }

  @Test
  void kylin13AttachesTheV1IndexEndpointAndObserver() {
    assertEquals(List.of(
        new CoprocessorEntry("org.apache.kylin.storage.hbase.coprocessor.endpoint.IIEndpoint", JAR, 1000),
        new CoprocessorEntry("org.apache.kylin.storage.hbase.coprocessor.observer.AggregateRegionObserver", JAR, 1001)),
        Target.KYLIN_1_3.entries(JAR));
  }

  @Test
  void theKylinNamesAreEveryClassOfTheThreeSetsAndNothingElse() {
    Set<String> union = new HashSet<>();
    for (Target t : Target.values()) {
      union.addAll(t.classNames());
    }
    assertEquals(union, KylinCoprocessors.ALL);
    assertEquals(5, KylinCoprocessors.ALL.size());
    for (String name : union) {
      assertTrue(KylinCoprocessors.isKylin(name), name);
    }
    assertFalse(KylinCoprocessors.isKylin("org.apache.hadoop.hbase.coprocessor.MultiRowMutationEndpoint"));
    assertFalse(KylinCoprocessors.isKylin("org.apache.kylin.storage.hbase.cube.v2.coprocessor.endpoint.Other"));
  }

  @Test
  void releasesAndTheOlderNamesParseCaseAndBlanksAside() {
    assertEquals(Target.KYLIN_1_5, Target.DEFAULT);
    assertEquals(Target.KYLIN_1_5, Target.parse("1.5"));
    assertEquals(Target.KYLIN_1_4_ALPHA, Target.parse("1.4-alpha"));
    assertEquals(Target.KYLIN_1_4_ALPHA, Target.parse(" 1.4-ALPHA "));
    assertEquals(Target.KYLIN_1_3, Target.parse("1.3"));
    assertEquals(Target.KYLIN_1_4_ALPHA, Target.parse("v2"));
    assertEquals(Target.KYLIN_1_4_ALPHA, Target.parse("V2"));
    assertEquals(Target.KYLIN_1_3, Target.parse("v1"));
    assertEquals(Target.KYLIN_1_3, Target.parse("V1"));
    for (Target t : Target.values()) {
      assertEquals(t, Target.parse(t.label()), t.label());
      assertEquals(t.label(), t.toString());
    }
  }

  @Test
  void anythingElseIsRefusedNamingTheAcceptedValues() {
    for (String bad : new String[] {"v3", "1.4", "1.6", "1.5.4.1", "KYLIN_1_5", "", " ", null}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse(bad), String.valueOf(bad));
      assertTrue(e.getMessage().contains("accepted: 1.5, 1.4-alpha, 1.3 (also v2 = 1.4-alpha, v1 = 1.3)"), e.getMessage());
    }
    assertEquals("1.5, 1.4-alpha, 1.3 (also v2 = 1.4-alpha, v1 = 1.3)", Target.accepted());
  }
}
