package org.kylinupgrade.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScanRangesTest {
  @Test
  void nestedAndRepeatedPrefixesAreScannedOnce() {
    assertEquals(List.of("/cube/", "/cube_desc/", "/table/"),
        HBaseRdds.outermost(List.of("/table/", "/cube/", "/cube_desc/", "/cube/x/", "/table/")));
    assertEquals(List.of("/a"), HBaseRdds.outermost(List.of("/a/b", "/a", "/ab")));
  }
}
