package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SharedHBase;
import org.kylinupgrade.TestData;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseStore;

/** load, dump and info as the operator runs them, against a real HBase: exit codes and nothing half-written. */
class LoadDumpJobIT {
  /** Commands on folders, or naming their cluster themselves. */
  private final JobRunner offline = JobRunner.offline();

  private static long rows(JobRunner table) throws IOException {
    try (HBaseCluster hbase = table.connect(); HBaseStore store = hbase.openStore(table.url())) {
      long[] n = {0};
      store.forEachPath(p -> n[0]++);
      return n[0];
    }
  }

  @Test
  void loadThenDumpGivesTheFolderBack() throws IOException {
    JobRunner table = JobRunner.onFreshTable("load_it_");
    String sample = TestData.example("kylin-1.3.0-sample-cube").toString();
    assertEquals(0, table.run(new LoadJob(), "--from-folder", sample), table.err());
    assertEquals(7, rows(table));
    Path out = SharedHBase.tempDir("dump").resolve("out");
    assertEquals(0, table.run(new DumpJob(), "--to-folder", out.toString()), table.err());
    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-sample-cube"), out, true);
    Path report = out.resolveSibling("info.json");
    assertEquals(0, table.run(new InfoJob(), "--report", report.toString()), table.err());
    com.fasterxml.jackson.databind.JsonNode info = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile());
    assertEquals("v1", info.get("status").asText());
    assertEquals("1.5", info.get("to").asText());
    assertEquals(2, info.get("changed").asInt());
    assertEquals(5, info.get("versionLabelled").asInt());
    assertEquals(3, info.get("resourcesByType").get("table").asInt());
  }

  /** The report of {@code info} and what it printed. */
  private record Info(int exit, com.fasterxml.jackson.databind.JsonNode report, String out) {
  }

  private Info info(String... args) throws IOException {
    Path report = SharedHBase.tempDir("info").resolve("info.json");
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--report";
    all[args.length + 1] = report.toString();
    JobRunner.Outcome info = offline.execute(new InfoJob(), all);
    return new Info(info.exit(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile()),
        info.out());
  }

  @Test
  void infoOnFoldersSaysV1OrTheTargetsFormat() throws IOException {
    Info v1 = info("--from-folder", TestData.example("kylin-1.3.0-sample-cube").toString());
    assertEquals(0, v1.exit(), offline.err());
    assertEquals("v1", v1.report().get("status").asText());
    assertEquals("1.5", v1.report().get("to").asText());
    assertEquals(2, v1.report().get("changed").asInt());
    assertEquals(5, v1.report().get("versionLabelled").asInt());
    assertTrue(v1.out().contains("upgrade target: Kylin 1.5\n"), v1.out());
    assertTrue(v1.out().contains("metadata version: v1 (an upgrade to 1.5 would change 7 resources)\n"), v1.out());
    assertTrue(v1.out().contains("  5 more would only get the version label 1.5.1\n"), v1.out());

    Info v15 = info("--from-folder", TestData.expected15("kylin-1.3.0-sample-cube").toString(), "--to", "1.5");
    assertEquals(0, v15.exit(), offline.err());
    assertEquals("1.5", v15.report().get("status").asText());
    assertEquals(0, v15.report().get("changed").asInt());
    assertEquals(0, v15.report().get("versionLabelled").asInt());
    assertTrue(v15.out().contains("metadata version: 1.5 (nothing would change)\n"), v15.out());

    Info v2 = info("--from-folder", TestData.expected("kylin-1.3.0-sample-cube").toString(), "--to", "1.4-alpha");
    assertEquals(0, v2.exit(), offline.err());
    assertEquals("v2", v2.report().get("status").asText());
    assertEquals("1.4-alpha", v2.report().get("to").asText());
    assertTrue(v2.out().contains("upgrade target: Kylin 1.4-alpha\n"), v2.out());
    assertTrue(v2.out().contains("metadata version: v2 (nothing would change)\n"), v2.out());

    Info v1To14 = info("--from-folder", TestData.example("kylin-1.3.0-sample-cube").toString(), "--to", "1.4-alpha");
    assertEquals("v1", v1To14.report().get("status").asText());
    assertTrue(v1To14.out().contains("metadata version: v1 (an upgrade to 1.4-alpha would change 2 resources)\n"),
        v1To14.out());

    assertEquals(ExitCodes.BAD_INPUT, offline.run(new InfoJob(), "--from-folder",
        TestData.example("kylin-1.3.0-sample-cube").toString(), "--to", "1.6"));
  }

  @Test
  void loadIntoANonEmptyTableNeedsReplace() throws IOException {
    JobRunner table = JobRunner.onFreshTable("load_it_");
    String sample = TestData.example("kylin-1.3.0-sample-cube").toString();
    String localmeta = TestData.example("kylin-1.3.0-localmeta").toString();
    assertEquals(0, table.run(new LoadJob(), "--from-folder", sample), table.err());
    assertEquals(ExitCodes.BAD_INPUT, table.run(new LoadJob(), "--from-folder", localmeta));
    assertTrue(table.err().contains("table " + table.table() + " is not empty") && table.err().contains("--replace"),
        table.err());
    assertEquals(7, rows(table), "nothing written");
    assertEquals(0, table.run(new LoadJob(), "--from-folder", localmeta, "--replace"), table.err());
    assertEquals(FolderAssertions.files(TestData.example("kylin-1.3.0-localmeta")).size(), rows(table));
  }

  @Test
  void aFolderWithASymlinkIsRefusedBeforeTheTableIsCreated() throws IOException {
    JobRunner table = JobRunner.onFreshTable("load_it_");
    Path in = SharedHBase.tempDir("in");
    Files.createDirectories(in.resolve("cube"));
    Files.writeString(in.resolve("cube/a.json"), "{}");
    Files.createSymbolicLink(in.resolve("cube/link.json"), in.resolve("cube/a.json"));
    assertEquals(ExitCodes.BAD_INPUT, table.run(new LoadJob(), "--from-folder", in.toString()));
    assertTrue(table.err().contains("cube/link.json"), table.err());
    try (HBaseCluster hbase = table.connect()) {
      assertFalse(hbase.tableExists(table.table()), "no table created");
    }
  }

  @Test
  void dumpIntoANonEmptyFolderIsRefused() throws IOException {
    JobRunner table = JobRunner.onFreshTable("load_it_");
    assertEquals(0, table.run(new LoadJob(), "--from-folder", TestData.example("kylin-1.3.0-sample-cube").toString()),
        table.err());
    Path out = SharedHBase.tempDir("dump");
    Files.writeString(out.resolve("keep.txt"), "mine");
    assertEquals(ExitCodes.BAD_INPUT, table.run(new DumpJob(), "--to-folder", out.toString()));
    assertEquals(1, FolderAssertions.files(out).size(), "nothing written");
  }

  @Test
  void anUnreachableZooKeeperFailsFastWithExitOne() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    long start = System.nanoTime();
    int code = offline.run(new InfoJob(), "--zookeeper", "127.0.0.1:" + port);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(ExitCodes.FAILED, code);
    assertTrue(offline.err().contains("127.0.0.1:" + port) && offline.err().contains("unreachable") || offline.err().contains("did not answer"), offline.err());
    assertTrue(seconds < 45, "reported after " + seconds + " s");
  }
}
