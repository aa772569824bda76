package org.kylinupgrade.hbase1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.Coprocessor;
import org.apache.hadoop.hbase.MiniHBaseCluster;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.regionserver.HRegion;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.hadoop.hbase.util.JVMClusterUtil;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.CoprocessorTestJars;
import org.kylinupgrade.CubeTableFixture;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SharedHBase;
import org.kylinupgrade.coprocessor.CoprocessorEntry;
import org.kylinupgrade.coprocessor.KylinCoprocessors;
import org.kylinupgrade.coprocessor.KylinCoprocessors.Target;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.TestHBase;
import org.kylinupgrade.jobs.CoprocessorJob;
import org.kylinupgrade.jobs.ExitCodes;

/**
 * The coprocessor command on HBase 1.7.2, checked on the region server: the jar it deploys is loaded by the region of
 * the cube table (each class is in the region's coprocessor host, loaded by HBase's coprocessor class loader from the
 * deployed jar), no region server aborts, and the table still answers puts, gets and scans. Once with the HBase 1.x
 * stand-in, once with Kylin 1.5.4.1's own coprocessor jar as Maven Central has it
 * ({@code org.apache.kylin:kylin-storage-hbase:1.5.4.1:jar:coprocessor}, what Kylin ships as
 * {@code lib/kylin-coprocessor-1.5.4.1.jar}), which the build copies to the path in {@code kylin.coprocessor.jar};
 * that jar is also refused, before any table changes, for Kylin 1.3's set, whose class names it does not have.
 */
class CoprocessorLoadIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theStandInJarTheJobDeploysIsLoadedByTheRegionServer() throws Exception {
    Path jar = CoprocessorTestJars.standIn(SharedHBase.tempDir("local-jar"), "kylin-coprocessor-test.jar");
    deployAndCheckLoaded("STANDIN", jar);
  }

  @Test
  void kylin1541sOwnCoprocessorJarIsLoadedByTheRegionServer() throws Exception {
    String property = System.getProperty("kylin.coprocessor.jar");
    assertNotNull(property, "the build sets kylin.coprocessor.jar to Kylin's coprocessor jar");
    Path jar = Paths.get(property);
    assertTrue(Files.isRegularFile(jar), "Kylin's coprocessor jar: " + jar);
    deployAndCheckLoaded("KYLIN1541", jar);
  }

  @Test
  void kylin1541sJarIsRefusedForKylin13sSetWhoseClassesItLacks() throws Exception {
    Path jar = Paths.get(System.getProperty("kylin.coprocessor.jar"));
    String prefix = JobRunner.freshTable("CPLOAD") + "_OLDSET";
    String metadataTable = "cp_meta_" + prefix.toLowerCase();
    JobRunner runner = JobRunner.on(metadataTable, SharedHBase.newWorkingDir());
    String table = "KYLIN_" + prefix;
    try (HBaseCluster hbase = runner.connect()) {
      CubeTableFixture fixture = new CubeTableFixture(hbase);
      fixture.cube("cube_oldset", "READY:" + table).load(metadataTable);
      fixture.createTables(Map.of(table, List.<CoprocessorEntry>of()));

      // Kylin 1.5 renamed its coprocessors: its jar has none of 1.3's names
      assertEquals(ExitCodes.BAD_INPUT, runner.run(new CoprocessorJob(), "--tables", table, "--jar", jar.toString(),
          "--target", "1.3"));
      assertTrue(runner.err().contains(KylinCoprocessors.V1_OBSERVER + " is not in it")
          && runner.err().contains(KylinCoprocessors.V1_II_ENDPOINT + " is not in it"), runner.err());
      assertEquals(List.of(), fixture.coprocessors(table), "nothing changed");
    }
  }

  private void deployAndCheckLoaded(String stem, Path jar) throws Exception {
    String prefix = JobRunner.freshTable("CPLOAD") + "_" + stem;
    String metadataTable = "cp_meta_" + prefix.toLowerCase();
    JobRunner runner = JobRunner.on(metadataTable, SharedHBase.newWorkingDir());
    String table = "KYLIN_" + prefix;
    try (HBaseCluster hbase = runner.connect()) {
      CubeTableFixture fixture = new CubeTableFixture(hbase);
      fixture.cube("cube_" + stem.toLowerCase(), "READY:" + table).load(metadataTable);
      fixture.createTables(Map.of(table, List.<CoprocessorEntry>of()));
      try (Table t = TestHBase.table(hbase, table)) {
        t.put(new Put(Bytes.toBytes("before")).addColumn(Bytes.toBytes("F1"), Bytes.toBytes("q"), Bytes.toBytes("1")));
      }

      Path report = SharedHBase.tempDir("report").resolve("report.json");
      assertEquals(ExitCodes.OK, runner.run(new CoprocessorJob(), "--tables", table, "--jar", jar.toString(), "--report",
          report.toString()), runner.err());
      JsonNode json = JSON.readTree(report.toFile());
      assertEquals(1, json.get("changed").asInt(), json.toString());
      String deployed = json.get("deployedJar").asText();
      assertEquals(new HashSet<>(Target.KYLIN_1_5.entries(deployed)), new HashSet<>(fixture.kylinCoprocessors(table)));
      assertTrue(fixture.isEnabled(table));

      MiniHBaseCluster cluster = SharedHBase.utility().getMiniHBaseCluster();
      List<HRegion> regions = openRegions(cluster, TableName.valueOf(table));
      for (HRegion region : regions) {
        for (String className : Target.KYLIN_1_5.classNames()) {
          Coprocessor loaded = region.getCoprocessorHost().findCoprocessor(className);
          assertNotNull(loaded, className + " loaded in " + region + "; the host has " + region.getCoprocessorHost()
              .getCoprocessors());
          ClassLoader loader = loaded.getClass().getClassLoader();
          assertNotSame(getClass().getClassLoader(), loader, className + " comes from the deployed jar");
          assertEquals("org.apache.hadoop.hbase.util.CoprocessorClassLoader", loader.getClass().getName());
        }
      }
      for (JVMClusterUtil.RegionServerThread rs : cluster.getRegionServerThreads()) {
        assertFalse(rs.getRegionServer().isAborted(), rs.getRegionServer() + " aborted");
      }
      assertEquals(1, cluster.getLiveRegionServerThreads().size(), "the region server is alive");

      // the observers sit on every read and write of the table: plain ones pass through
      try (Table t = TestHBase.table(hbase, table)) {
        t.put(new Put(Bytes.toBytes("after")).addColumn(Bytes.toBytes("F1"), Bytes.toBytes("q"), Bytes.toBytes("2")));
        Result before = t.get(new Get(Bytes.toBytes("before")));
        assertArrayEquals(Bytes.toBytes("1"), before.getValue(Bytes.toBytes("F1"), Bytes.toBytes("q")));
        int rows = 0;
        try (ResultScanner scanner = t.getScanner(new Scan())) {
          for (Result ignored : scanner) {
            rows++;
          }
        }
        assertEquals(2, rows);
      }
    }
  }

  /** The table's regions once open on a region server (enabling returns when they are assigned; wait a little more). */
  private static List<HRegion> openRegions(MiniHBaseCluster cluster, TableName table) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      List<HRegion> regions = cluster.getRegions(table);
      if (!regions.isEmpty() && regions.stream().allMatch(r -> r.getCoprocessorHost() != null)) {
        return regions;
      }
      assertTrue(System.currentTimeMillis() < deadline, "no open region of " + table);
      Thread.sleep(200);
    }
  }
}
