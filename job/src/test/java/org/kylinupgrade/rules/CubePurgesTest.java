package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.Resource;

class CubePurgesTest {
  private static PurgedCube purged(String name, String... tables) {
    return new PurgedCube("/cube/" + name + ".json", name, "READY", tables.length, Arrays.asList(tables));
  }

  @Test
  void everyCubeAskedForMustHaveBeenPurgedNamesCompareIgnoringCase() {
    List<PurgedCube> purged = Arrays.asList(purged("Sales"), purged("orders"));
    CubePurges.requireAllPurged(new TreeSet<>(Arrays.asList("SALES", "Orders")), purged);
    BadInputException e = assertThrows(BadInputException.class,
        () -> CubePurges.requireAllPurged(new LinkedHashSet<>(Arrays.asList("sales", "ghost")), purged));
    assertTrue(e.getMessage().contains("cube 'ghost' in --purge-cubes cannot be purged"), e.getMessage());
  }

  @Test
  void aDroppedSegmentTableIsUnusedUnlessARemainingCubeStillRefersToIt() {
    List<PurgedCube> purged = Arrays.asList(purged("b", "KYLIN_T3", "KYLIN_T1"), purged("a", "KYLIN_T2", "KYLIN_T1"));
    Set<String> dropped = CubePurges.segmentTablesDropped(purged);
    assertEquals(Arrays.asList("KYLIN_T3", "KYLIN_T1", "KYLIN_T2"), Arrays.asList(dropped.toArray()));
    Set<String> stillReferenced = new HashSet<>(Collections.singletonList("KYLIN_T3"));
    assertEquals(Arrays.asList("KYLIN_T1", "KYLIN_T2"), CubePurges.unusedTables(dropped, stillReferenced));
    assertEquals(Arrays.asList("KYLIN_T3"), CubePurges.tablesStillUsed(Arrays.asList("KYLIN_T3", "KYLIN_T3")));
    assertEquals(Arrays.asList("a", "b"), Arrays.asList(CubePurges.byPath(purged).stream().map(PurgedCube::name)
        .toArray()));
  }

  @Test
  void aRemainingCubeRefersToItsSegmentsTablesAndAnUnreadableOneToNone() {
    Resource cube = Resource.ofText("/cube/c.json", "{\"name\":\"c\",\"segments\":[{\"storage_location_identifier\":"
        + "\"KYLIN_A\"},{\"storage_location_identifier\":\"KYLIN_B\"},{\"storage_location_identifier\":\"KYLIN_A\"}]}",
        1L);
    assertEquals(Arrays.asList("KYLIN_A", "KYLIN_B"), CubePurges.segmentTablesOf(cube));
    assertEquals(Collections.emptyList(), CubePurges.segmentTablesOf(Resource.ofText("/cube/d.json", "not json", 1L)));
  }

  @Test
  void discardedJobsAreListedById() {
    List<DiscardedJob> jobs = Arrays.asList(new DiscardedJob("j2", "c", "ERROR", Collections.<String>emptyList()),
        new DiscardedJob("j1", "c", "PENDING", Collections.<String>emptyList()));
    assertEquals("j1", CubePurges.byId(jobs).get(0).id());
    assertEquals("j2", jobs.get(0).id());
  }
}
