package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SparkJobGroups;
import org.kylinupgrade.SparkJobs;
import org.kylinupgrade.TestData;
import org.kylinupgrade.TestTables;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseStore;
import org.kylinupgrade.hbase.TestHBase;
import org.kylinupgrade.metadata.Resource;

/** backup → upgrade → rollback (from the backup snapshot, from the folder dump) on a real HBase. */
@ExtendWith(SparkJobs.class)
class BackupRollbackIT {
  private static final byte[] ACE = Bytes.toBytes("{\"sidInfo\":{\"sid\":\"ADMIN\",\"principal\":true},\"permissionMask\":16}");

  @TempDir
  Path tmp;

  private JobRunner runner;
  private String table;

  private void loadLocalmetaWithAcl() throws IOException {
    runner = JobRunner.onFreshTable("backup_it_").withOption("--keyvalue-maxsize", "100000");
    table = runner.table();
    assertEquals(ExitCodes.OK, runner.run(new LoadJob(), "--from-folder",
        TestData.example("kylin-1.3.0-localmeta").toString()), runner.err());
    try (HBaseCluster hbase = runner.connect(100000)) {
      TestTables.create(hbase, runner.url().aclTable(), "i", "a");
      try (Table acl = TestHBase.table(hbase, runner.url().aclTable())) {
        acl.put(new Put(Bytes.toBytes("cube-uuid")).addColumn(Bytes.toBytes("a"), Bytes.toBytes("ADMIN"), ACE));
      }
    }
  }

  private Path dump(String name) {
    Path out = tmp.resolve(name);
    assertEquals(ExitCodes.OK, runner.run(new DumpJob(), "--to-folder", out.toString()), runner.err());
    return out;
  }

  private void plantChangesMadeAfterTheBackup() throws IOException {
    try (HBaseCluster hbase = runner.connect(100000); HBaseStore store = hbase.openStore(runner.url())) {
      store.put(Resource.ofText("/cube/test_kylin_cube_with_slr_ready_old.json", "{}", 5L));
      store.put(Resource.ofText("/hybrid/test_kylin_cube_with_slr_ready_hybrid.json", "{}", 5L));
      store.flush();
      try (Table acl = TestHBase.table(hbase, runner.url().aclTable())) {
        acl.put(new Put(Bytes.toBytes("old-cube-uuid")).addColumn(Bytes.toBytes("a"), Bytes.toBytes("ADMIN"), ACE));
      }
    }
  }

  private Path bigCellFile(String resource) {
    return Paths.get(URI.create(runner.url().bigCellPath(runner.workingDir(), resource)));
  }

  @Test
  void rollbackToABackupSnapshotRestoresTableAclAndBigCellFiles() throws IOException {
    loadLocalmetaWithAcl();
    assertEquals(ExitCodes.OK, runner.run(new BackupJob(), "--snapshot", table + "_before"), runner.err());
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob()), runner.err());
    plantChangesMadeAfterTheBackup();
    String snapshotResource = "/table_snapshot/TEST_CAL_DT.csv/16337839-a90f-46fa-a67b-37e330fe9685.snapshot";
    byte[] original = Files.readAllBytes(bigCellFile(snapshotResource));
    Files.write(bigCellFile(snapshotResource), new byte[] {1, 2, 3});

    assertEquals(ExitCodes.OK, runner.run(new RollbackJob(), "--snapshot", table + "_before"), runner.err());

    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-localmeta"), dump("restored"), true);
    assertArrayEquals(original, Files.readAllBytes(bigCellFile(snapshotResource)), "big-cell file restored");
    try (HBaseCluster hbase = runner.connect(100000); Table acl = TestHBase.table(hbase, runner.url().aclTable())) {
      assertArrayEquals(ACE, acl.get(new Get(Bytes.toBytes("cube-uuid"))).getValue(Bytes.toBytes("a"), Bytes.toBytes("ADMIN")));
      assertTrue(acl.get(new Get(Bytes.toBytes("old-cube-uuid"))).isEmpty(), "ACL rows added after the backup are gone");
    }
  }

  @Test
  void rollbackFromTheBackupFolderReplacesTheTablesContent() throws Exception {
    loadLocalmetaWithAcl();
    Path parent = tmp.resolve("backups");
    assertEquals(List.of("count rows", "dump folder"), SparkJobGroups.phasesOf(() ->
        assertEquals(ExitCodes.OK, runner.run(new BackupJob(), "--to-folder", parent.toString()), runner.err())));
    Path folder;
    try (Stream<Path> children = Files.list(parent)) {
      folder = children.findFirst().orElseThrow();
    }
    assertTrue(folder.getFileName().toString().matches("meta_\\d{4}_\\d{2}_\\d{2}_\\d{2}_\\d{2}_\\d{2}"), folder.toString());
    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-localmeta"), folder, true);

    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob()), runner.err());
    plantChangesMadeAfterTheBackup();
    assertEquals(ExitCodes.OK, runner.run(new RollbackJob(), "--from-folder", folder.toString()), runner.err());
    Path restored = dump("restored");
    assertFalse(Files.exists(restored.resolve("cube/test_kylin_cube_with_slr_ready_old.json")), "not an overlay");
    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-localmeta"), restored, true);
  }

  @Test
  void aRollbackCanItselfBeUndoneFromItsFailsafeSnapshot() throws IOException {
    loadLocalmetaWithAcl();
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob()), runner.err());
    Path upgraded = dump("upgraded");
    assertEquals(ExitCodes.OK, runner.run(new RollbackJob()), runner.err());
    String failsafe = failsafeSnapshot();
    assertEquals(ExitCodes.OK, runner.run(new RollbackJob(), "--snapshot", failsafe), runner.err());
    FolderAssertions.assertSameFolder(upgraded, dump("upgraded-again"), true);
  }

  private String failsafeSnapshot() throws IOException {
    try (HBaseCluster hbase = runner.connect(100000)) {
      return hbase.admin().snapshots(table + "_upg_").stream().map(s -> s.name).filter(n -> n.endsWith("_failsafe"))
          .findFirst().orElseThrow();
    }
  }

  @Test
  void rollbackIsRefusedWhileALiveRunHoldsTheLock() throws IOException {
    loadLocalmetaWithAcl();
    try (HBaseCluster hbase = runner.connect(100000)) {
      org.kylinupgrade.journal.RunLock lock = new org.kylinupgrade.journal.RunLock(
          hbase.historyTable(runner.historyTable()).ensureExists());
      lock.acquire("busy-run");
      assertEquals(ExitCodes.FAILED, runner.run(new RollbackJob(), "--from-folder",
          TestData.example("kylin-1.3.0-localmeta").toString()));
      assertTrue(runner.err().contains("busy-run"), runner.err());
      lock.release("busy-run");
    }
  }
}
