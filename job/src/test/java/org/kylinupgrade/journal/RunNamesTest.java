package org.kylinupgrade.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.metadata.MetadataUrl;

class RunNamesTest {
  private final RunNames names = new RunNames(MetadataUrl.parse("kylin_metadata@hbase"), "20260102-030405-abcd");

  @Test
  void aBackupFolderIsMetastoreShsLayoutUnderTheParent() {
    LocalDateTime time = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
    assertEquals("/backups/meta_2026_01_02_03_04_05", RunNames.backupFolder("/backups//", time));
    assertEquals("hdfs://nn/b/meta_2026_01_02_03_04_05", RunNames.backupFolder("hdfs://nn/b", time));
  }

  @Test
  void aRollbacksFailsafeBigCellsLieBesideItsFailsafeSnapshot() {
    assertEquals(RunNames.backupBigCells(names.url(), "/kylin", names.failsafeSnapshot()), names.failsafeBigCells("/kylin"));
    assertEquals("/kylin/kylin_metadata/backup/kylin_metadata_upg_20260102_030405_abcd_failsafe/resources",
        names.failsafeBigCells("/kylin"));
  }
}
