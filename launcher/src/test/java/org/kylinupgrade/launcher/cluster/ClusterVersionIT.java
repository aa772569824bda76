package org.kylinupgrade.launcher.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.hbase.HBaseVersions;
import org.kylinupgrade.jobs.ExitCodes;
import org.kylinupgrade.launcher.LauncherRun;
import org.kylinupgrade.launcher.LocalHBaseFixture;
import org.kylinupgrade.launcher.Main;

/** A real HBase 2 (the embedded local HBase) asked for its version through ZooKeeper, and the launcher's choice of build. */
class ClusterVersionIT {
  @TempDir
  static Path tmp;

  private static LocalHBaseFixture hbase;
  private static String hbaseSite;

  @BeforeAll
  static void startHBase() throws IOException {
    hbase = LocalHBaseFixture.start(tmp.resolve("hbase"));
    hbaseSite = hbase.hbaseSite();
    Path sample = LauncherRun.repo().resolve("examples/kylin-1.3.0-sample-cube");
    assertEquals(ExitCodes.OK, Main.run("load", "--hbase-site", hbaseSite, "--from-folder", sample.toString()));
  }

  @AfterAll
  static void stopHBase() {
    if (hbase != null) {
      hbase.stop();
    }
  }

  @Test
  void theClusterSaysItRunsHBase2() throws Exception {
    ZooKeeperAddress zookeeper = ZooKeeperAddress.of(Optional.of(hbaseSite), null);
    ClusterVersion version = ClusterVersion.ask(zookeeper.connectString, zookeeper.parent, Duration.ofSeconds(10));
    assertEquals(Optional.of(HBaseVersions.client()), version.version(), version::toString);
    assertEquals(2, version.major());
  }

  @Test
  void theMatchingBuildRunsAndTheOtherIsRefusedNamingTheRightOne() {
    LauncherRun asked = LauncherRun.run(Map.of(), "info", "--hbase-site", hbaseSite);
    assertEquals(ExitCodes.OK, asked.exitCode, asked::toString);
    LauncherRun two = LauncherRun.run(Map.of(), "info", "--hbase-site", hbaseSite, "--hbase-major", "2");
    assertEquals(ExitCodes.OK, two.exitCode, two::toString);
    for (String master : new String[] {"local[2]", "yarn"}) {
      LauncherRun one = LauncherRun.run(Map.of(), "upgrade", "--hbase-site", hbaseSite, "--hbase-major", "1", "--master", master);
      assertEquals(ExitCodes.BAD_INPUT, one.exitCode, one::toString);
      assertTrue(one.err.contains("--hbase-major 1 does not match the cluster, which runs HBase " + HBaseVersions.client()), one::toString);
      assertTrue(one.err.contains("use --hbase-major 2 (the HBase 2.x build, kylin-upgrade-job-"), one::toString);
    }
    // the jobs without Spark are chosen a build the same way (the load above ran here: the cluster said HBase 2)
    LauncherRun dump = LauncherRun.run(Map.of(), "dump", "--hbase-site", hbaseSite, "--to-folder",
        tmp.resolve("not-written").toString(), "--hbase-major", "1");
    assertEquals(ExitCodes.BAD_INPUT, dump.exitCode, dump::toString);
    assertTrue(dump.err.contains("--hbase-major 1 does not match the cluster, which runs HBase " + HBaseVersions.client()), dump::toString);
    assertTrue(!java.nio.file.Files.exists(tmp.resolve("not-written")), dump::toString);
  }
}
