package org.kylinupgrade.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.TestData;

/** Kylin's own (corrected) upgrade output is valid v2, except the descs Kylin v2 cannot load. */
class V2ExpectedValidationTest {

  @Test
  void theSampleCubeIsClean() {
    assertEquals(List.of(), InMemoryValidation.run14(InMemoryValidation.readFolder(TestData.expected("kylin-1.3.0-sample-cube"))));
  }

  @Test
  void localmetaHasOnlyItsTwoBitmapDescs() {
    List<Finding> findings = InMemoryValidation.run14(InMemoryValidation.readFolder(TestData.expected("kylin-1.3.0-localmeta")));
    assertEquals(List.of(
        new Finding(Finding.Kind.UNLOADABLE, "/cube_desc/test_kylin_cube_without_slr_desc.json",
            "Kylin v2 cannot load this cube desc: " + PlantedFaults.BITMAP_REASON
                + " (used by cube test_kylin_cube_without_slr_empty, test_kylin_cube_without_slr_ready)"),
        new Finding(Finding.Kind.UNLOADABLE, "/cube_desc/test_kylin_cube_without_slr_left_join_desc.json",
            "Kylin v2 cannot load this cube desc: " + PlantedFaults.BITMAP_REASON
                + " (used by cube test_kylin_cube_without_slr_left_join_empty, test_kylin_cube_without_slr_left_join_ready,"
                + " test_kylin_cube_without_slr_left_join_ready_2_segments)")), findings);
  }
}
