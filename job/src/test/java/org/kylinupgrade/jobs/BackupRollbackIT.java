package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.SharedHBase;
import org.kylinupgrade.SharedSpark;
import org.kylinupgrade.TestData;
import org.kylinupgrade.TestTables;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseStore;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;
import picocli.CommandLine;

/** backup → upgrade → rollback (from the backup snapshot, from the folder dump) on a real HBase. */
class BackupRollbackIT {
  private static final AtomicLong TABLES = new AtomicLong();
  private static final byte[] ACE = Bytes.toBytes("{\"sidInfo\":{\"sid\":\"ADMIN\",\"principal\":true},\"permissionMask\":16}");

  @TempDir
  Path tmp;

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private String table;
  private String working;

  @BeforeAll
  static void spark() {
    SharedSpark.context();
  }

  private int run(Object job, String... args) {
    CommandLine cli = JobCommandLine.create(job);
    cli.setErr(new PrintWriter(errBytes, true));
    String[] base = {"--hbase-site", SharedHBase.hbaseSite(), "--metadata-url", table + "@hbase", "--working-dir", working,
        "--keyvalue-maxsize", "100000"};
    String[] all = new String[base.length + args.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(args, 0, all, base.length, args.length);
    return cli.execute(all);
  }

  private HBaseCluster hbase() {
    return SharedHBase.connect(working, 100000);
  }

  private void loadLocalmetaWithAcl() throws IOException {
    table = "backup_it_" + TABLES.incrementAndGet();
    working = SharedHBase.newWorkingDir();
    assertEquals(ExitCodes.OK, run(new LoadJob(), "--from-folder", TestData.example("kylin-1.3.0-localmeta").toString()), errBytes.toString());
    try (HBaseCluster hbase = hbase()) {
      TestTables.create(hbase, table + "_acl", "i", "a");
      try (Table acl = hbase.connection().getTable(TableName.valueOf(table + "_acl"))) {
        acl.put(new Put(Bytes.toBytes("cube-uuid")).addColumn(Bytes.toBytes("a"), Bytes.toBytes("ADMIN"), ACE));
      }
    }
  }

  private Path dump(String name) {
    Path out = tmp.resolve(name);
    assertEquals(ExitCodes.OK, run(new DumpJob(), "--to-folder", out.toString()), errBytes.toString());
    return out;
  }

  private void plantChangesMadeAfterTheBackup() throws IOException {
    try (HBaseCluster hbase = hbase(); HBaseStore store = hbase.openStore(MetadataUrl.parse(table + "@hbase"))) {
      store.put(Resource.ofText("/cube/test_kylin_cube_with_slr_ready_old.json", "{}", 5L));
      store.put(Resource.ofText("/hybrid/test_kylin_cube_with_slr_ready_hybrid.json", "{}", 5L));
      store.flush();
      try (Table acl = hbase.connection().getTable(TableName.valueOf(table + "_acl"))) {
        acl.put(new Put(Bytes.toBytes("old-cube-uuid")).addColumn(Bytes.toBytes("a"), Bytes.toBytes("ADMIN"), ACE));
      }
    }
  }

  private Path bigCellFile(String resource) {
    return Paths.get(URI.create(MetadataUrl.parse(table + "@hbase").bigCellPath(working, resource)));
  }

  @Test
  void rollbackToABackupSnapshotRestoresTableAclAndBigCellFiles() throws IOException {
    loadLocalmetaWithAcl();
    assertEquals(ExitCodes.OK, run(new BackupJob(), "--snapshot", table + "_before"), errBytes.toString());
    assertEquals(ExitCodes.OK, run(new UpgradeJob()), errBytes.toString());
    plantChangesMadeAfterTheBackup();
    String snapshotResource = "/table_snapshot/TEST_CAL_DT.csv/16337839-a90f-46fa-a67b-37e330fe9685.snapshot";
    byte[] original = Files.readAllBytes(bigCellFile(snapshotResource));
    Files.write(bigCellFile(snapshotResource), new byte[] {1, 2, 3});

    assertEquals(ExitCodes.OK, run(new RollbackJob(), "--snapshot", table + "_before"), errBytes.toString());

    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-localmeta"), dump("restored"), true);
    assertArrayEquals(original, Files.readAllBytes(bigCellFile(snapshotResource)), "big-cell file restored");
    try (HBaseCluster hbase = hbase(); Table acl = hbase.connection().getTable(TableName.valueOf(table + "_acl"))) {
      assertArrayEquals(ACE, acl.get(new Get(Bytes.toBytes("cube-uuid"))).getValue(Bytes.toBytes("a"), Bytes.toBytes("ADMIN")));
      assertTrue(acl.get(new Get(Bytes.toBytes("old-cube-uuid"))).isEmpty(), "ACL rows added after the backup are gone");
    }
  }

  @Test
  void rollbackFromTheBackupFolderReplacesTheTablesContent() throws IOException {
    loadLocalmetaWithAcl();
    Path parent = tmp.resolve("backups");
    assertEquals(ExitCodes.OK, run(new BackupJob(), "--to-folder", parent.toString()), errBytes.toString());
    Path folder;
    try (Stream<Path> children = Files.list(parent)) {
      folder = children.findFirst().orElseThrow();
    }
    assertTrue(folder.getFileName().toString().matches("meta_\\d{4}_\\d{2}_\\d{2}_\\d{2}_\\d{2}_\\d{2}"), folder.toString());
    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-localmeta"), folder, true);

    assertEquals(ExitCodes.OK, run(new UpgradeJob()), errBytes.toString());
    plantChangesMadeAfterTheBackup();
    assertEquals(ExitCodes.OK, run(new RollbackJob(), "--from-folder", folder.toString()), errBytes.toString());
    Path restored = dump("restored");
    assertFalse(Files.exists(restored.resolve("cube/test_kylin_cube_with_slr_ready_old.json")), "not an overlay");
    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-localmeta"), restored, true);
  }

  @Test
  void aRollbackCanItselfBeUndoneFromItsFailsafeSnapshot() throws IOException {
    loadLocalmetaWithAcl();
    assertEquals(ExitCodes.OK, run(new UpgradeJob()), errBytes.toString());
    Path upgraded = dump("upgraded");
    assertEquals(ExitCodes.OK, run(new RollbackJob()), errBytes.toString());
    String failsafe = failsafeSnapshot();
    assertEquals(ExitCodes.OK, run(new RollbackJob(), "--snapshot", failsafe), errBytes.toString());
    FolderAssertions.assertSameFolder(upgraded, dump("upgraded-again"), true);
  }

  private String failsafeSnapshot() throws IOException {
    try (HBaseCluster hbase = hbase()) {
      return hbase.admin().snapshots(table + "_upg_").stream().map(s -> s.name).filter(n -> n.endsWith("_failsafe"))
          .findFirst().orElseThrow();
    }
  }

  @Test
  void rollbackIsRefusedWhileALiveRunHoldsTheLock() throws IOException {
    loadLocalmetaWithAcl();
    try (HBaseCluster hbase = hbase()) {
      org.kylinupgrade.journal.RunLock lock = new org.kylinupgrade.journal.RunLock(
          hbase.historyTable(table + "_upgrade_history").ensureExists());
      lock.acquire("busy-run");
      assertEquals(ExitCodes.FAILED, run(new RollbackJob(), "--from-folder", TestData.example("kylin-1.3.0-localmeta").toString()));
      assertTrue(errBytes.toString().contains("busy-run"), errBytes.toString());
      lock.release("busy-run");
    }
  }
}
