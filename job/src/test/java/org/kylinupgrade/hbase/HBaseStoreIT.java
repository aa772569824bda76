package org.kylinupgrade.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SharedHBase;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.FolderStore;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;

/** The HBase store against a real HBase: Kylin's layout, big cells, and the round trip with folders. */
class HBaseStoreIT {

  private static MetadataUrl newTable() {
    return MetadataUrl.parse(JobRunner.freshTable("store_it_") + "@hbase");
  }

  private static void copy(FolderStore from, HBaseStore to) throws IOException {
    from.forEach(to::put);
    to.flush();
  }

  @ParameterizedTest
  @ValueSource(strings = {"kylin-1.3.0-sample-cube", "kylin-1.3.0-localmeta"})
  void folderToHBaseToFolderIsByteAndTimestampIdentical(String example) throws IOException {
    roundTrip(example, HBaseCluster.DEFAULT_MAX_CELL_SIZE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kylin-1.3.0-sample-cube", "kylin-1.3.0-localmeta"})
  void bigCellsGoThroughTheWorkingDirAndBack(String example) throws IOException {
    roundTrip(example, 2048);
  }

  private void roundTrip(String example, long maxCellSize) throws IOException {
    Path out = SharedHBase.tempDir("dump").resolve("out");
    String working = SharedHBase.newWorkingDir();
    MetadataUrl url = newTable();
    try (HBaseCluster hbase = SharedHBase.connect(working, maxCellSize);
        FolderStore in = new FolderStore(TestData.example(example).toString(), hbase.conf());
        HBaseStore table = hbase.openOrCreateStore(url);
        FolderStore dump = new FolderStore(out.toString(), hbase.conf())) {
      copy(in, table);
      dump.createEmpty();
      table.forEach(dump::put);
    }
    FolderAssertions.assertSameFolder(TestData.example(example), out, true);
  }

  @Test
  void aBigCellIsAnEmptyCellAndAFileAtTheSpecsPath() throws IOException {
    String working = SharedHBase.newWorkingDir();
    MetadataUrl url = newTable();
    byte[] big = new byte[5000];
    java.util.Arrays.fill(big, (byte) 7);
    try (HBaseCluster hbase = SharedHBase.connect(working, 4096);
        HBaseStore table = hbase.openOrCreateStore(url)) {
      table.put(new Resource("/dict/T/C/u.dict", big, 42L));
      table.put(Resource.ofText("/cube/small.json", "{}", 43L));
      table.flush();
      try (org.apache.hadoop.hbase.client.Table t = hbase.connection().getTable(TableName.valueOf(url.tableName()))) {
        org.apache.hadoop.hbase.client.Result row = t.get(new org.apache.hadoop.hbase.client.Get(
            org.apache.hadoop.hbase.util.Bytes.toBytes("/dict/T/C/u.dict")));
        assertEquals(0, row.getValue(HBaseStore.FAMILY, HBaseStore.CONTENT).length, "f:c of a big cell is empty");
        assertEquals(42L, org.apache.hadoop.hbase.util.Bytes.toLong(row.getValue(HBaseStore.FAMILY, HBaseStore.TIMESTAMP)));
      }
    }
    Path expectedFile = Paths.get(URI.create(working)).resolve(url.prefix() + "/resources/dict/T/C/u.dict");
    assertTrue(Files.isRegularFile(expectedFile), "big cell content at " + expectedFile);
    assertEquals(5000, Files.size(expectedFile));
    assertFalse(Files.exists(expectedFile.resolveSibling(".u.dict.crc")), "no .crc next to it");
  }

  @Test
  void aMissingBigCellFileIsBadInputNamingTheResourceAndFile() throws IOException {
    String working = SharedHBase.newWorkingDir();
    MetadataUrl url = newTable();
    try (HBaseCluster hbase = SharedHBase.connect(working, 10);
        HBaseStore table = hbase.openOrCreateStore(url)) {
      table.put(Resource.ofText("/table_snapshot/T.csv/x.snapshot", "more than ten bytes", 1L));
      table.flush();
      Files.delete(Paths.get(URI.create(table.bigCellFile("/table_snapshot/T.csv/x.snapshot").toString())));
      BadInputException e = assertThrows(BadInputException.class, () -> table.forEach(r -> { }));
      assertTrue(e.getMessage().contains("/table_snapshot/T.csv/x.snapshot"), e.getMessage());
      assertTrue(e.getMessage().contains("resources/table_snapshot/T.csv/x.snapshot"), e.getMessage());
    }
  }

  @Test
  void aTableWithoutFamilyFIsRefusedByName() throws IOException {
    MetadataUrl url = newTable();
    try (HBaseCluster hbase = SharedHBase.connect(SharedHBase.newWorkingDir(), HBaseCluster.DEFAULT_MAX_CELL_SIZE)) {
      try (Admin admin = hbase.connection().getAdmin()) {
        admin.createTable(TableDescriptorBuilder.newBuilder(TableName.valueOf(url.tableName()))
            .setColumnFamily(ColumnFamilyDescriptorBuilder.of("x")).build());
      }
      BadInputException e = assertThrows(BadInputException.class, () -> hbase.openStore(url));
      assertTrue(e.getMessage().contains(url.tableName()) && e.getMessage().contains("'f'"), e.getMessage());
    }
  }

  @Test
  void aMissingTableIsRefusedByName() throws IOException {
    MetadataUrl url = newTable();
    try (HBaseCluster hbase = SharedHBase.connect(SharedHBase.newWorkingDir(), HBaseCluster.DEFAULT_MAX_CELL_SIZE)) {
      BadInputException e = assertThrows(BadInputException.class, () -> hbase.openStore(url));
      assertTrue(e.getMessage().contains(url.tableName()), e.getMessage());
    }
  }
}
