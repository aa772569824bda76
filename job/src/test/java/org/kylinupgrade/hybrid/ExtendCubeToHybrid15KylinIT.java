package org.kylinupgrade.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kylinupgrade.hybrid.Hybrid15Fixture.CUBE;
import static org.kylinupgrade.hybrid.Hybrid15Fixture.DESC;
import static org.kylinupgrade.hybrid.Hybrid15Fixture.SHARERS;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.TestData;
import org.kylinupgrade.kylin.KylinClient;
import org.kylinupgrade.kylin.KylinExtend;
import org.kylinupgrade.kylin.KylinHybrids;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.Resource;

/**
 * The expectations of {@code hybrid --to 1.5} derived from Kylin itself: Kylin 1.5.4.1's own
 * {@code ExtendCubeToHybridCLI} (from {@code kylin-storage-hbase}, run in a child JVM on a folder store, without HBase)
 * extends the same cube of the same folder, and its output is compared with the plan's, file by file, byte for byte
 * but the run's uuids and times. Kylin's tool runs to its last step, the ACL copy, which needs HBase and fails there:
 * the ACL copy is checked on a real HBase by {@code HybridJobIT}.
 */
class ExtendCubeToHybrid15KylinIT {
  @TempDir
  Path tmp;

  private static final class Ids implements HybridIds {
    private int next;

    @Override
    public String newUuid() {
      return "00000000-0000-0000-0000-00000000000" + next++;
    }

    @Override
    public long now() {
      return 1800000000000L;
    }
  }

  private Map<String, Resource> kylin(Path input, String project, String cube, String date) {
    Path out = tmp.resolve("kylin-out-" + cube);
    KylinExtend run = KylinClient.extendCubeToHybrid(input, out, project, cube, date);
    assertTrue(run.aclStepFailed(), "Kylin's tool runs to its ACL step: " + run.summary());
    return TestData.readFolder(out);
  }

  /** Without the cubes that share its desc, the cube's desc itself moves to engine 2: exactly Kylin's output. */
  @Test
  void aCubeWithItsOwnDescComesOutAsKylinWritesIt() {
    Path input = Hybrid15Fixture.copy(tmp.resolve("in"));
    for (String sharer : SHARERS) {
      Hybrid15Fixture.delete(input, "/cube/" + sharer + ".json");
    }
    HybridPlan plan = Hybrid15Fixture.plan(input, "default", CUBE, "2013-12-12", new Ids());
    assertEquals(null, plan.ownDesc());
    Map<String, Resource> in = TestData.readFolder(input);
    List<String> written = Hybrid15Fixture.assertSameOutput(in, kylin(input, "default", CUBE, "2013-12-12"),
        Hybrid15Fixture.applied(input, plan), "Kylin vs plan");
    assertEquals(List.of("/cube/" + CUBE + ".json", "/cube/" + CUBE + "_old.json", "/cube_desc/" + DESC + ".json",
        "/cube_desc/" + DESC + "_old.json", "/hybrid/" + CUBE + "_hybrid.json", "/project/default.json"), written);
  }
}
