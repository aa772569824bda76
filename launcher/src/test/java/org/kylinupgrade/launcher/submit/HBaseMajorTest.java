package org.kylinupgrade.launcher.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.jobs.ExitCodes;
import org.kylinupgrade.launcher.LauncherRun;
import org.kylinupgrade.launcher.config.LauncherEnvironment;

/** {@code --hbase-major} without a cluster: the jar --print-command names, bad values, and local runs it refuses. */
class HBaseMajorTest {
  private static final String VERSION = LauncherEnvironment.version();

  @TempDir
  Path tmp;

  private static JsonNode printed(Map<String, String> env, String... extra) {
    List<String> line = new ArrayList<>(List.of("upgrade", "--master", "yarn", "--print-command", "--format", "json"));
    line.addAll(List.of(extra));
    LauncherRun run = LauncherRun.run(env, line.toArray(new String[0]));
    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    return run.json();
  }

  @Test
  void printCommandSubmitsTheHBase2BuildUnlessTold() {
    assertTrue(printed(Map.of()).get("jar").asText().endsWith("/kylin-upgrade-job-" + VERSION + "-cluster.jar"));
    assertTrue(printed(Map.of(), "--hbase-major", "2").get("jar").asText().endsWith("/kylin-upgrade-job-" + VERSION + "-cluster.jar"));
    JsonNode hbase1 = printed(Map.of(), "--hbase-major", "1");
    assertTrue(hbase1.get("jar").asText().endsWith("/kylin-upgrade-job-" + VERSION + "-hbase1-cluster.jar"), hbase1::toString);
    assertFalse(hbase1.get("args").toString().contains("hbase-major"), "the launcher's option, not the job's");
    JsonNode fromEnv = printed(Map.of("KYLIN_UPGRADE_HBASE_MAJOR", "1"));
    assertTrue(fromEnv.get("jar").asText().endsWith("-hbase1-cluster.jar"), fromEnv::toString);
    JsonNode named = printed(Map.of(), "--hbase-major", "1", "--job-jar", "my.jar");
    assertEquals("my.jar", named.get("jar").asText(), "--job-jar wins");
  }

  @Test
  void anHBaseMajorWithoutABuildIsBadUsage() {
    for (String major : List.of("0", "3", "x")) {
      LauncherRun run = LauncherRun.run(Map.of(), "upgrade", "--master", "yarn", "--print-command", "--hbase-major", major);
      assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
      assertTrue(run.out.isEmpty(), run::toString);
    }
    LauncherRun three = LauncherRun.run(Map.of(), "upgrade", "--master", "yarn", "--print-command", "--hbase-major", "3");
    assertTrue(three.err.contains("1 (HBase 0.98/1.x clusters) or 2 (HBase 2.x)"), three::toString);
  }

  @Test
  void eachBuildsJarIsFoundWhereItsModuleLeavesIt() throws IOException {
    Path home = tmp.resolve("home");
    for (JobBuild build : JobBuild.values()) {
      Path jar = home.resolve(build.buildDir()).resolve(build.jarName(VERSION));
      Files.createDirectories(jar.getParent());
      Files.write(jar, new byte[0]);
    }
    LauncherEnvironment environment = new LauncherEnvironment(Map.of(), null, home);
    assertEquals(home.resolve("job/target/kylin-upgrade-job-" + VERSION + "-cluster.jar").toString(),
        environment.defaultJobJar(JobBuild.HBASE2));
    assertEquals(home.resolve(JobBuild.HBASE1.buildDir()).resolve("kylin-upgrade-job-" + VERSION + "-hbase1-cluster.jar")
        .toString(), environment.defaultJobJar(JobBuild.HBASE1));
  }

  @Test
  void aLocalLiveRunOnHBase1WithoutSparkIsRefusedNamingSparkSubmitAndTheJar() throws IOException {
    // nothing answers on that port: the cluster cannot be asked, so --hbase-major 1 stands
    LauncherRun run = LauncherRun.run(Map.of(), "info", "--zookeeper", "127.0.0.1:" + freePort(), "--hbase-major", "1");
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(run.err.contains("spark-submit"), run::toString);
    assertTrue(run.err.contains("kylin-upgrade-job-" + VERSION + "-hbase1-cluster.jar"), run::toString);
  }

  @Test
  void aLocalLiveRunOnHBase1WithASparkInstallationGoesThroughSparkSubmitWithTheHBase1Jar() throws IOException {
    Path sparkHome = tmp.resolve("spark"); // no spark-submit in it: the submission itself fails after the plan
    LauncherRun run = LauncherRun.run(Map.of("SPARK_HOME", sparkHome.toString()), "info",
        "--zookeeper", "127.0.0.1:" + freePort(), "--hbase-major", "1", "--master", "local[2]");
    assertTrue(run.out.contains("info: running the job through spark-submit with --hbase-major 1"), run::toString);
    assertTrue(run.out.matches("(?s).*info: submitting \\S*/bin/spark-submit --master 'local\\[2]' .*"
        + "kylin-upgrade-job-" + java.util.regex.Pattern.quote(VERSION) + "-hbase1-cluster\\.jar .*"), run::toString);
    assertTrue(run.exitCode != ExitCodes.OK, run::toString);
  }

  @Test
  void aRunOnAFolderNeedsNoHBaseAndRunsHereWhateverTheBuild() {
    Path missing = tmp.resolve("no-such-folder");
    LauncherRun run = LauncherRun.run(Map.of(), "info", "--from-folder", missing.toString(), "--hbase-major", "1");
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue((run.out + run.err).contains(missing.toString()), "the job itself looked at the folder: " + run);
    assertFalse(run.err.contains("spark-submit"), run::toString);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
