package org.kylinupgrade.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.hbase.filter.MultiRowRangeFilter;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;

class ScanRangesTest {
  @Test
  void nestedAndRepeatedPrefixesAreScannedOnce() {
    assertEquals(List.of("/cube/", "/cube_desc/", "/table/"),
        HBaseRdds.outermost(List.of("/table/", "/cube/", "/cube_desc/", "/cube/x/", "/table/")));
    assertEquals(List.of("/a"), HBaseRdds.outermost(List.of("/a/b", "/a", "/ab")));
  }

  @Test
  void theRangesOutsideSkippedPrefixesCoverEveryOtherKey() {
    assertEquals(List.of("[,/dict)", "[/dicu,/execute/)", "[/execute0,/execute_output/)",
            "[/execute_output0,/table_snapshot)", "[/table_snapshou,)"),
        shown(HBaseRdds.rangesOutside(List.of("/execute_output/", "/table_snapshot", "/dict", "/execute/"))));
    assertEquals(List.of("[,/a)"), shown(HBaseRdds.rangesOutside(List.of("/a", "/a/b"))).subList(0, 1));
  }

  private static List<String> shown(List<MultiRowRangeFilter.RowRange> ranges) {
    return ranges.stream().map(r -> "[" + Bytes.toString(r.getStartRow()) + "," + Bytes.toString(r.getStopRow()) + ")")
        .collect(Collectors.toList());
  }
}
