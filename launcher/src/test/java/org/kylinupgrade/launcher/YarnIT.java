package org.kylinupgrade.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.jobs.ExitCodes;

/**
 * On YARN for real: a mini YARN cluster with a mini HDFS, and the offline upgrade of a metadata folder in that
 * HDFS submitted by the launcher with --master yarn, the driver here (client) and in a container (cluster).
 * Spark's jars reach the containers through spark.yarn.jars pointing at local files.
 */
class YarnIT {
  /** The mini clusters' web layers log every binding through java.util.logging; held so the level sticks. */
  private static final java.util.logging.Logger JERSEY = java.util.logging.Logger.getLogger("com.sun.jersey");

  @TempDir
  static Path tmp;

  private static MiniDFSCluster dfs;
  private static MiniYARNCluster yarn;
  private static FileSystem hdfs;
  private static Path hadoopConfDir;
  private static SparkDistribution spark;

  @BeforeAll
  static void cluster() throws Exception {
    JERSEY.setLevel(java.util.logging.Level.WARNING);
    spark = SparkDistribution.create(tmp.resolve("spark"));
    Configuration conf = new YarnConfiguration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
    dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    dfs.waitActive();
    conf.set("fs.defaultFS", dfs.getURI().toString());
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
    conf.setInt(YarnConfiguration.NM_PMEM_MB, 4096);
    conf.setInt(YarnConfiguration.NM_VCORES, 4);
    conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f);
    yarn = new MiniYARNCluster("kylin-upgrade", 1, 1, 1);
    yarn.init(conf);
    yarn.start();

    hadoopConfDir = Files.createDirectories(tmp.resolve("hadoop-conf"));
    for (String site : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml")) {
      try (OutputStream out = Files.newOutputStream(hadoopConfDir.resolve(site))) {
        yarn.getConfig().writeXml(out);
      }
    }
    hdfs = dfs.getFileSystem();
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(LauncherRun.repo().resolve("examples/kylin-1.3.0-sample-cube").toUri()),
        new org.apache.hadoop.fs.Path("/kylin/v1"));
  }

  @AfterAll
  static void stop() throws IOException {
    if (yarn != null) {
      yarn.stop();
    }
    if (dfs != null) {
      dfs.shutdown();
    }
  }

  /** The upgrade of IN into OUT on the mini YARN cluster. */
  private static LauncherRun upgradeOnYarn(String deployMode, String in, String out) {
    String javaHome = System.getProperty("java.home");
    return LauncherRun.run(Map.of("SPARK_HOME", spark.home().toString(), "HADOOP_CONF_DIR", hadoopConfDir.toString(),
            "JAVA_HOME", javaHome),
        "upgrade", "--master", "yarn", "--deploy-mode", deployMode,
        "--from-folder", dfs.getURI() + in, "--to-folder", dfs.getURI() + out, "--to", "1.4-alpha",
        "--job-jar", SparkDistribution.clusterJar().toString(),
        "--conf", "spark.yarn.jars=local:" + spark.jars() + "/*",
        "--conf", "spark.yarn.appMasterEnv.JAVA_HOME=" + javaHome,
        "--conf", "spark.executorEnv.JAVA_HOME=" + javaHome,
        "--conf", "spark.executor.instances=1",
        "--conf", "spark.executor.memory=512m",
        "--conf", "spark.driver.memory=512m",
        "--conf", "spark.yarn.am.memory=512m");
  }

  @ParameterizedTest
  @ValueSource(strings = {"client", "cluster"})
  void offlineUpgradeOnYarn(String deployMode) throws IOException {
    String out = "/kylin/v2-" + deployMode;
    LauncherRun run = upgradeOnYarn(deployMode, "/kylin/v1", out);
    System.out.println("what the operator sees (" + deployMode + " mode):\n" + run.out);
    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertTrue(run.out.matches("(?s).*upgrade: Spark application RUNNING \\(application_\\d+_\\d+\\).*"), run::toString);
    assertTrue(run.out.contains("upgrade: Spark application FINISHED"), run::toString);
    if (deployMode.equals("client")) {
      assertTrue(run.out.contains("2 resources converted"), "the driver's progress, here: " + run);
    } else {
      // relayed from the container through the cluster's file system
      assertTrue(Pattern.compile("(?m)^convert: (\\d+)/\\1 tasks").matcher(run.out).find(),
          "the driver's phases, relayed: " + run);
      assertTrue(run.out.contains("upgraded " + dfs.getURI() + "/kylin/v1 into " + dfs.getURI() + out),
          "the driver's outcome, relayed: " + run);
      assertNoRelayFileLeft();
    }
    assertEquals(files(LauncherRun.repo().resolve("testdata/v2-expected/kylin-1.3.0-sample-cube")), hdfsFiles(out));
  }

  private static List<String> hdfsFiles(String root) throws IOException {
    List<String> files = new ArrayList<>();
    org.apache.hadoop.fs.Path rootPath = hdfs.makeQualified(new org.apache.hadoop.fs.Path(root));
    RemoteIterator<LocatedFileStatus> it = hdfs.listFiles(rootPath, true);
    while (it.hasNext()) {
      String path = it.next().getPath().toUri().getPath();
      files.add(path.substring(rootPath.toUri().getPath().length() + 1));
    }
    files.sort(null);
    return files;
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().collect(Collectors.toList());
    }
  }

  /**
   * A driver in a container cannot exit with the job's code: YARN's diagnostics carry it back, and the relay of its
   * output brings its error message.
   */
  @Test
  void aFailedJobsExitCodeComesBackFromTheCluster() throws IOException {
    LauncherRun run = upgradeOnYarn("cluster", "/kylin/no-such-folder", "/kylin/unused");
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run::toString);
    assertTrue(run.out.contains("upgrade: Spark application FAILED"), run::toString);
    assertTrue(run.out.contains("upgrade: bad input: "), "the driver's error, relayed: " + run);
    assertNoRelayFileLeft();
  }

  private static void assertNoRelayFileLeft() throws IOException {
    org.apache.hadoop.fs.Path relays = new org.apache.hadoop.fs.Path("/tmp/kylin-upgrade-relay");
    assertTrue(hdfs.exists(relays), "the relay folder");
    assertEquals("rwxrwxrwt", hdfs.getFileStatus(relays).getPermission().toString(),
        "every user's drivers write in the relay folder, each file its owner's, as in /tmp");
    assertEquals(List.of(), List.of(hdfs.listStatus(relays)), "the relay file is deleted after the run");
  }
}
