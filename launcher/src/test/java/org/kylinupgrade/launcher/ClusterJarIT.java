package org.kylinupgrade.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.jobs.ExitCodes;

/**
 * The cluster jar submitted through SparkLauncher to a spark-submit made of Spark's own classes (no HBase,
 * none of our classes): the offline upgrade, a failing run's exit code, and the live upgrade against a local HBase.
 */
class ClusterJarIT {
  @TempDir
  static Path tmp;

  private static SparkDistribution spark;
  private static LocalHBaseFixture hbase;
  private static String hbaseSite;

  @BeforeAll
  static void sparkAndHBase() throws IOException {
    spark = SparkDistribution.create(tmp.resolve("spark"));
    assertTrue(spark.jarNames().stream().anyMatch(n -> n.startsWith("spark-core_2.12")));
    assertFalse(spark.jarNames().stream().anyMatch(n -> n.startsWith("hbase-") || n.startsWith("kylin-upgrade")),
        "the job's HBase and code come from the cluster jar only");
    hbase = LocalHBaseFixture.start(tmp.resolve("hbase"));
    hbaseSite = hbase.hbaseSite();
  }

  @AfterAll
  static void stopHBase() {
    if (hbase != null) {
      hbase.stop();
    }
  }

  /** A command submitted through spark-submit with the cluster jar, as on a cluster but with a local master. */
  private static LauncherRun submit(String... args) {
    List<String> line = new java.util.ArrayList<>(List.of(args));
    line.addAll(List.of("--spark-submit", "--master", "local[2]", "--job-jar", SparkDistribution.clusterJar().toString()));
    return LauncherRun.run(Map.of("SPARK_HOME", spark.home().toString()), line.toArray(new String[0]));
  }

  @Test
  void offlineUpgradeThroughSparkSubmit() throws IOException {
    Path in = LauncherRun.repo().resolve("examples/kylin-1.3.0-sample-cube");
    Path out = tmp.resolve("offline-v2");
    LauncherRun run = submit("upgrade", "--from-folder", in.toString(), "--to-folder", out.toString(), "--to", "1.4-alpha");
    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertTrue(run.out.contains("upgrade: Spark application RUNNING"), run::toString);
    assertTrue(run.out.contains("upgrade: Spark application FINISHED"), run::toString);
    assertTrue(run.out.matches("(?s).*progress: \\d+/\\d+ stages done, 2 resources converted.*"), run::toString);
    assertTrue(run.out.contains("resources written, 2 rewritten"), run::toString);
    assertEquals(files(LauncherRun.repo().resolve("testdata/v2-expected/kylin-1.3.0-sample-cube")), files(out));
  }

  @Test
  void theJobsExitCodeComesBack() {
    LauncherRun run = submit("upgrade", "--from-folder", tmp.resolve("no-such-folder").toString(),
        "--to-folder", tmp.resolve("unused").toString());
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(run.out.contains("bad input"), run::toString);
  }

  @Test
  void liveUpgradeAgainstTheLocalHBaseThroughSparkSubmit() {
    Path sample = LauncherRun.repo().resolve("examples/kylin-1.3.0-sample-cube");
    assertEquals(ExitCodes.OK, Main.run("load", "--hbase-site", hbaseSite, "--from-folder", sample.toString(), "--replace"));
    LauncherRun upgrade = submit("upgrade", "--hbase-site", hbaseSite);
    assertEquals(ExitCodes.OK, upgrade.exitCode, upgrade::toString);
    assertTrue(upgrade.out.contains("--hbase-site " + hbaseSite), "client mode: the driver reads the local file");
    // the job says how it read the snapshot; under spark-submit HBase's region code meets Spark's class loader,
    // which makes the files path fall back to a clone with the reason
    assertTrue(upgrade.out.contains("reading snapshot "), upgrade::toString);
    assertTrue(!upgrade.out.contains("read through its clone") || upgrade.out.contains("cannot be read from here: "),
        upgrade::toString);
    LauncherRun validate = submit("validate", "--hbase-site", hbaseSite);
    assertEquals(ExitCodes.OK, validate.exitCode, validate::toString);
    assertEquals(ExitCodes.OK, Main.run("rollback", "--hbase-site", hbaseSite));
  }

  @Test
  void jobsWithoutSparkThroughSparkSubmitToo() throws IOException {
    // what an HBase 1.x cluster gets (with the hbase1 jar): load and dump as spark-submit applications
    Path sample = LauncherRun.repo().resolve("examples/kylin-1.3.0-sample-cube");
    LauncherRun load = submit("load", "--hbase-site", hbaseSite, "--metadata-url", "submitted_load@hbase",
        "--from-folder", sample.toString());
    assertEquals(ExitCodes.OK, load.exitCode, load::toString);
    assertTrue(load.out.contains("load: submitting "), load::toString);
    assertTrue(load.out.contains("--class org.kylinupgrade.jobs.LoadJob"), load::toString);
    assertTrue(load.out.contains("loaded 7 resources"), load::toString);
    assertFalse(load.out.contains("Spark application"), "a job without Spark has no application state: " + load);
    Path out = tmp.resolve("submitted-dump");
    LauncherRun dump = submit("dump", "--hbase-site", hbaseSite, "--metadata-url", "submitted_load@hbase",
        "--to-folder", out.toString());
    assertEquals(ExitCodes.OK, dump.exitCode, dump::toString);
    assertEquals(files(sample), files(out));
    LauncherRun again = submit("load", "--hbase-site", hbaseSite, "--metadata-url", "submitted_load@hbase",
        "--from-folder", sample.toString());
    assertEquals(ExitCodes.BAD_INPUT, again.exitCode, "a non-empty table without --replace: the job's own code comes back: " + again);
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().collect(Collectors.toList());
    }
  }
}
