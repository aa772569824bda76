package org.kylinupgrade.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.VersionRefresh;

/**
 * Kylin 1.5.4.1's own (corrected) upgrade output is valid 1.5 metadata; 1.4-alpha's output is not metadata Kylin 1.5
 * can load.
 */
class V15ExpectedValidationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theSampleCubeIsClean() {
    assertEquals(List.of(), InMemoryValidation.run15(V15Expected.folder(V15Expected.SAMPLE)));
  }

  @Test
  void localmetaWithTheDescsItLeavesOutPutBackIsClean() {
    assertEquals(List.of(), InMemoryValidation.run15(V15Expected.whole(V15Expected.LOCALMETA)));
  }

  /** The put-back descs have overlapping groups, which Kylin 1.5 loads; they are checked like every other desc. */
  @Test
  void thePutBackDescsHaveOverlappingGroups() throws IOException {
    Map<String, Resource> whole = V15Expected.whole(V15Expected.LOCALMETA);
    assertEquals(List.of("/cube_desc/test_kylin_cube_without_slr_desc.json",
        "/cube_desc/test_kylin_cube_without_slr_left_join_desc.json"), V15Expected.leftOut(V15Expected.LOCALMETA));
    for (String path : V15Expected.leftOut(V15Expected.LOCALMETA)) {
      JsonNode groups = JSON.readTree(whole.get(path).content()).get("aggregation_groups");
      Set<String> seen = new HashSet<>();
      boolean overlap = false;
      for (JsonNode group : groups) {
        for (JsonNode column : group.get("includes")) {
          overlap |= !seen.add(column.asText());
        }
      }
      assertTrue(overlap, path + ": " + groups);
    }
  }

  @Test
  void localmetaAsItIsLacksOnlyTheDescsItLeavesOut() {
    List<Finding> findings = InMemoryValidation.run15(V15Expected.folder(V15Expected.LOCALMETA));
    assertEquals(List.of(
        missingDesc("/cube/test_kylin_cube_without_slr_empty.json", "test_kylin_cube_without_slr_desc"),
        missingDesc("/cube/test_kylin_cube_without_slr_left_join_empty.json", "test_kylin_cube_without_slr_left_join_desc"),
        missingDesc("/cube/test_kylin_cube_without_slr_left_join_ready.json", "test_kylin_cube_without_slr_left_join_desc"),
        missingDesc("/cube/test_kylin_cube_without_slr_left_join_ready_2_segments.json",
            "test_kylin_cube_without_slr_left_join_desc"),
        missingDesc("/cube/test_kylin_cube_without_slr_ready.json", "test_kylin_cube_without_slr_desc")), findings);
  }

  private static Finding missingDesc(String cube, String desc) {
    return new Finding(Finding.Kind.MISSING_DESC, cube, "cube desc '" + desc + "' does not exist");
  }

  /** Every desc 1.4-alpha wrote is reported as one Kylin 1.5 cannot load, and no JSON resource has the label. */
  @Test
  void oneFourAlphaOutputIsNotLoadableByKylin15() {
    for (String example : List.of(V15Expected.SAMPLE, V15Expected.LOCALMETA)) {
      Map<String, Resource> v2 = TestData.readFolder(TestData.expected(example));
      List<Finding> findings = InMemoryValidation.run15(v2);
      Set<String> descs = new TreeSet<>();
      v2.keySet().stream().filter(p -> p.startsWith("/cube_desc/")).forEach(descs::add);
      Set<String> unloadable = new TreeSet<>();
      for (Finding f : findings) {
        if (f.kind() == Finding.Kind.UNLOADABLE) {
          assertTrue(f.message().startsWith("Kylin 1.5 cannot load this cube desc: "), f.toString());
          unloadable.add(f.path());
        }
      }
      assertEquals(descs, unloadable, example);
      long json = v2.keySet().stream().filter(VersionRefresh::applies).count();
      List<Finding> labels = findings.stream().filter(f -> f.kind() == Finding.Kind.VERSION_LABEL).toList();
      assertEquals(1, labels.size(), findings.toString());
      assertTrue(labels.get(0).message().startsWith(json + " JSON resources have no version label of Kylin 1.5"),
          labels.get(0).message());
      assertEquals(descs.size() + 1, findings.size(), findings.toString());
    }
  }
}
