package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.metadata.RowSelection;

/** The rows the live upgrade reads are exactly the rows its rules may rewrite. */
class RowsReadTest {
  private static final List<String> PATHS = List.of("/cube/c.json", "/cube_desc/d.json", "/model_desc/m.json",
      "/project/p.json", "/table/DEFAULT.T.json", "/table_exd/DEFAULT.T.json", "/hybrid/h.json", "/data/x.json",
      "/invertedindex/i.json", "/dict/DEFAULT.T/C/a.dict", "/dict/x.json", "/dictionary_x.json",
      "/table_snapshot/T/s.snapshot", "/table_snapshot/x.json", "/execute/0f3e", "/execute_output/0f3e-01",
      "/cube_statistics/c/s.seq", "/json", "/cube/c.json.bak");

  @Test
  void for15TheSelectionIsWhatKylinsVersionLabelAppliesTo() {
    RowSelection rows = RowsRead.forUpgrade(UpgradeTarget.V1_5, false);
    for (String path : PATHS) {
      assertEquals(VersionRefresh.applies(path), rows.selects(path), path);
    }
  }

  @Test
  void for15TheDictionariesSnapshotsAndJobRecordsAreSkippedUnread() {
    assertEquals(List.of("/dict", "/table_snapshot", "/execute/", "/execute_output/"),
        RowsRead.forUpgrade(UpgradeTarget.V1_5, false).skipped());
    // a purge reads the job records: only the folders the label never applies to are skipped
    assertEquals(List.of("/dict", "/table_snapshot"), RowsRead.forUpgrade(UpgradeTarget.V1_5, true).skipped());
  }

  @Test
  void aPurgeAlsoReadsTheJobRecords() {
    for (UpgradeTarget target : UpgradeTarget.values()) {
      RowSelection rows = RowsRead.forUpgrade(target, true);
      assertTrue(rows.selects("/execute/0f3e") && rows.selects("/execute_output/0f3e-01"), target + ": " + rows);
      assertEquals(false, RowsRead.forUpgrade(target, false).selects("/execute/0f3e"), target.label());
    }
  }

  @Test
  void for14AlphaTheSelectionIsTheCubeMetadataFolders() {
    RowSelection rows = RowsRead.forUpgrade(UpgradeTarget.V1_4_ALPHA, false);
    for (String path : PATHS) {
      boolean underAFolder = RowsRead.CUBE_METADATA.stream().anyMatch(path::startsWith);
      assertEquals(underAFolder, rows.selects(path), path);
    }
  }
}
