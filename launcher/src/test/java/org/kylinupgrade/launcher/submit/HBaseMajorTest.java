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

/**
 * {@code --hbase-major} without a cluster: the jar --print-command names, bad values, and local runs it refuses or
 * sends through spark-submit, for the Spark jobs and for those without Spark (load, dump, unlock, hybrid).
 */
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

  /** The commands that work on the cluster's HBase without Spark. */
  private static final List<String> WITHOUT_SPARK = List.of("load", "dump", "unlock", "hybrid");

  /** What a command needs besides the global options to get past its own parsing. */
  static List<String> requiredOptions(String command) {
    return switch (command) {
      // an existing folder: load reads it but writes the cluster, so the folder must not make it skip the choice
      case "load" -> List.of("--from-folder", LauncherRun.repo().resolve("examples/kylin-1.3.0-sample-cube").toString());
      case "dump" -> List.of("--to-folder", "dumped");
      case "unlock" -> List.of("--run", "r1");
      case "hybrid" -> List.of("--project", "p", "--cube", "c");
      case "coprocessor" -> List.of("--jar", "kylin-coprocessor.jar", "--all");
      default -> List.of();
    };
  }

  private static String[] line(String command, String... options) {
    List<String> line = new ArrayList<>(List.of(command));
    line.addAll(requiredOptions(command));
    line.addAll(List.of(options));
    return line.toArray(new String[0]);
  }

  @Test
  void theJobsWithoutSparkAreRegisteredForTheChoiceOfBuild() {
    assertEquals(WITHOUT_SPARK, SparkJobs.ALL.stream().filter(job -> !job.usesSpark()).map(SparkJob::command).toList());
    for (String command : WITHOUT_SPARK) {
      assertEquals("org.kylinupgrade.jobs." + Character.toUpperCase(command.charAt(0)) + command.substring(1) + "Job",
          SparkJobs.named(command).mainClass());
      assertEquals(null, SparkJobs.named(command).folderOption(), command + " always needs the cluster");
    }
  }

  @Test
  void aJobWithoutSparkPrintsALocalSubmissionOfTheBuildItIsTold() {
    for (String command : WITHOUT_SPARK) {
      LauncherRun run = LauncherRun.run(Map.of(), line(command, "--master", "yarn", "--deploy-mode", "cluster",
          "--print-command", "--format", "json", "--hbase-major", "1"));
      assertEquals(ExitCodes.OK, run.exitCode, run::toString);
      JsonNode plan = run.json();
      assertEquals("org.kylinupgrade.jobs." + Character.toUpperCase(command.charAt(0)) + command.substring(1) + "Job",
          plan.get("class").asText());
      assertTrue(plan.get("jar").asText().endsWith("/kylin-upgrade-job-" + VERSION + "-hbase1-cluster.jar"), plan::toString);
      assertEquals("local[*]", plan.get("master").asText(), "it runs on this host whatever the master: " + plan);
      assertTrue(plan.get("deploy_mode").isNull(), plan::toString);
      List<String> args = new ArrayList<>();
      plan.get("args").forEach(a -> args.add(a.asText()));
      assertTrue(args.containsAll(requiredOptions(command)), plan::toString);
      assertFalse(args.contains("--hbase-major") || args.contains("--master"), "the launcher's options, not the job's: " + args);
      LauncherRun two = LauncherRun.run(Map.of(), line(command, "--print-command", "--format", "json"));
      assertTrue(two.json().get("jar").asText().endsWith("/kylin-upgrade-job-" + VERSION + "-cluster.jar"), two::toString);
    }
  }

  @Test
  void aJobWithoutSparkOnHBase1WithoutSparkIsRefusedNamingSparkSubmitAndTheJar() throws IOException {
    for (String command : WITHOUT_SPARK) {
      LauncherRun run = LauncherRun.run(Map.of(), line(command, "--zookeeper", "127.0.0.1:" + freePort(), "--hbase-major", "1"));
      assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
      assertTrue(run.err.contains("the cluster needs --hbase-major 1"), run::toString);
      assertTrue(run.err.contains("spark-submit"), run::toString);
      assertTrue(run.err.contains("kylin-upgrade-job-" + VERSION + "-hbase1-cluster.jar"), run::toString);
    }
  }

  @Test
  void aJobWithoutSparkOnHBase1GoesThroughALocalSparkSubmitWithTheHBase1JarWhateverTheMaster() throws IOException {
    Path sparkHome = tmp.resolve("spark"); // no spark-submit in it: the submission itself fails after the plan
    for (String command : WITHOUT_SPARK) {
      LauncherRun run = LauncherRun.run(Map.of("SPARK_HOME", sparkHome.toString()),
          line(command, "--zookeeper", "127.0.0.1:" + freePort(), "--hbase-major", "1", "--master", "yarn"));
      assertTrue(run.out.contains(command + ": running the job through spark-submit with --hbase-major 1"), run::toString);
      assertTrue(run.out.matches("(?s).*" + command + ": submitting \\S*/bin/spark-submit --master 'local\\[\\*]' .*"
          + "--class org\\.kylinupgrade\\.jobs\\.\\w+Job .*"
          + "kylin-upgrade-job-" + java.util.regex.Pattern.quote(VERSION) + "-hbase1-cluster\\.jar .*"), run::toString);
      assertFalse(run.out.contains("--deploy-mode"), run::toString);
      assertTrue(run.exitCode != ExitCodes.OK, run::toString);
    }
  }

  @Test
  void onHBase2AJobWithoutSparkRunsHereWhateverTheMaster() {
    // no SPARK_HOME, a yarn master: the job itself runs in this JVM and finds the folder missing before HBase is asked
    Path missing = tmp.resolve("no-such-folder");
    LauncherRun run = LauncherRun.run(Map.of(), "load", "--from-folder", missing.toString(), "--master", "yarn",
        "--zookeeper", "127.0.0.1:1", "--hbase-major", "2");
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue((run.out + run.err).contains(missing.toString()), "the job itself looked at the folder: " + run);
    assertFalse((run.out + run.err).contains("spark-submit") || run.err.contains("SPARK_HOME"), run::toString);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
