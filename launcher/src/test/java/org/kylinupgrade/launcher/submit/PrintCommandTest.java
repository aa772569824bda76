package org.kylinupgrade.launcher.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.jobs.ExitCodes;
import org.kylinupgrade.launcher.LauncherRun;
import picocli.CommandLine;

/** {@code --print-command} on a bare machine: no SPARK_HOME, HBase or hbase-site. */
class PrintCommandTest {
  private static final Map<String, String> BARE = Map.of();

  @TempDir
  Path tmp;

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  /** Splits a line the way a POSIX shell does for the quoting ShellWords produces. */
  private static List<String> shellSplit(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (char c : line.trim().toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
        inWord = true;
      } else if (c == ' ' && !quoted) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  @Test
  void upgradeOnYarnInClusterModeShipsTheHBaseSiteAndPassesTheJobItsArguments() {
    LauncherRun run = LauncherRun.run(BARE, "upgrade", "--print-command", "--master", "yarn", "--deploy-mode", "cluster",
        "--metadata-url", "prod_metadata@hbase", "--hbase-site", "/etc/hbase/conf/hbase-site.xml", "--queue", "etl",
        "--principal", "kylin@EXAMPLE.COM", "--keytab", "/etc/security/kylin.keytab", "--jars", "a.jar,b.jar",
        "--conf", "spark.executor.memory=4g", "--cubes", "c1,c2", "--dry-run");
    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    List<String> argv = shellSplit(run.out);
    assertEquals("spark-submit", argv.get(0), "spark-submit from the PATH without SPARK_HOME");
    String line = run.out.trim();
    assertTrue(line.contains("--master yarn --deploy-mode cluster --name 'kylin-upgrade upgrade' "
        + "--class org.kylinupgrade.jobs.UpgradeJob --queue etl --principal kylin@EXAMPLE.COM "
        + "--keytab /etc/security/kylin.keytab --jars a.jar,b.jar --files '/etc/hbase/conf/hbase-site.xml#hbase-site.xml' "), line);
    assertTrue(line.contains("--conf spark.executor.memory=4g "), line);
    assertTrue(line.contains("--conf 'spark.driver.extraJavaOptions=-XX:+IgnoreUnrecognizedVMOptions"), line);
    assertTrue(line.endsWith("kylin-upgrade-job-" + org.kylinupgrade.launcher.config.LauncherEnvironment.version()
        + "-cluster.jar --metadata-url prod_metadata@hbase --hbase-site hbase-site.xml --cubes c1,c2 --dry-run"), line);

    LauncherRun json = LauncherRun.run(BARE, "upgrade", "--print-command", "--format", "json", "--master", "yarn",
        "--deploy-mode", "cluster", "--metadata-url", "prod_metadata@hbase", "--hbase-site", "/etc/hbase/conf/hbase-site.xml",
        "--queue", "etl", "--principal", "kylin@EXAMPLE.COM", "--keytab", "/etc/security/kylin.keytab", "--jars", "a.jar,b.jar",
        "--conf", "spark.executor.memory=4g", "--cubes", "c1,c2", "--dry-run");
    assertEquals(ExitCodes.OK, json.exitCode, json::toString);
    JsonNode plan = json.json();
    assertEquals(argv, strings(plan.get("argv")), "the text line and the JSON are the same command");
    assertEquals("org.kylinupgrade.jobs.UpgradeJob", plan.get("class").asText());
    assertEquals("cluster", plan.get("deploy_mode").asText());
    assertEquals(List.of("/etc/hbase/conf/hbase-site.xml#hbase-site.xml"), strings(plan.get("files")));
    assertEquals(List.of("--metadata-url", "prod_metadata@hbase", "--hbase-site", "hbase-site.xml", "--cubes", "c1,c2", "--dry-run"),
        strings(plan.get("args")));
    assertEquals("1", plan.get("conf").get("spark.yarn.maxAppAttempts").asText(), "conf/spark-defaults.conf is applied");
  }

  @Test
  void everySparkJobPrintsItsCommand() {
    for (SparkJob job : SparkJobs.ALL) {
      assertTrue(LauncherRun.commands().contains(job.command()), job.command() + " is on the command line");
      List<String> line = new java.util.ArrayList<>(List.of(job.command(), "--master", "yarn", "--print-command", "--format", "json"));
      line.addAll(HBaseMajorTest.requiredOptions(job.command()));
      LauncherRun run = LauncherRun.run(BARE, line.toArray(new String[0]));
      assertEquals(ExitCodes.OK, run.exitCode, run::toString);
      assertEquals(job.mainClass(), run.json().get("class").asText());
      assertEquals("kylin-upgrade " + job.command(), run.json().get("name").asText());
      // a job without Spark runs on this host whatever the master
      assertEquals(job.usesSpark() ? "yarn" : "local[*]", run.json().get("master").asText(), run::toString);
    }
  }

  @Test
  void theCoprocessorTargetIsPassedAsWrittenAndAnUnknownOneIsRefusedBeforeAnythingIsPrinted() {
    for (String target : List.of("1.5", "1.4-alpha", "1.3", "v2", "v1")) {
      LauncherRun run = LauncherRun.run(BARE, "coprocessor", "--master", "yarn", "--print-command", "--format", "json",
          "--jar", "kylin-coprocessor.jar", "--all", "--target", target);
      assertEquals(ExitCodes.OK, run.exitCode, run::toString);
      List<String> args = strings(run.json().get("args"));
      assertEquals(List.of("--target", target), args.subList(args.indexOf("--target"), args.indexOf("--target") + 2), args::toString);
    }
    LauncherRun bad = LauncherRun.run(BARE, "coprocessor", "--master", "yarn", "--print-command", "--format", "json",
        "--jar", "kylin-coprocessor.jar", "--all", "--target", "1.6");
    assertEquals(ExitCodes.BAD_INPUT, bad.exitCode, bad::toString);
    assertTrue(bad.out.isEmpty(), bad::toString);
    assertTrue(bad.err.contains("1.5, 1.4-alpha, 1.3"), bad::toString);
  }

  @Test
  void clientModeKeepsTheLocalHBaseSiteAndFindsItInHBaseConfDir() throws IOException {
    Files.writeString(tmp.resolve("hbase-site.xml"), "<configuration/>");
    LauncherRun run = LauncherRun.run(Map.of("HBASE_CONF_DIR", tmp.toString()), "validate", "--master", "yarn",
        "--print-command", "--format", "json");
    JsonNode plan = run.json();
    assertEquals("client", plan.get("deploy_mode").asText());
    assertTrue(strings(plan.get("files")).isEmpty());
    assertEquals(List.of("--hbase-site", tmp.resolve("hbase-site.xml").toString()), strings(plan.get("args")));
  }

  @Test
  void sparkSubmitComesFromSparkHomeWhenSet() {
    LauncherRun run = LauncherRun.run(Map.of("SPARK_HOME", "/opt/spark"), "info", "--master", "yarn", "--print-command");
    assertTrue(run.out.startsWith("/opt/spark/bin/spark-submit --master yarn --deploy-mode client"), run::toString);
    LauncherRun local = LauncherRun.run(BARE, "info", "--from-folder", "meta", "--print-command", "--format", "json");
    assertEquals("local[*]", local.json().get("master").asText());
    assertTrue(local.json().get("deploy_mode").isNull(), "no deploy mode for a local master");
    assertEquals(List.of("--from-folder", "meta"), strings(local.json().get("args")));
  }

  @Test
  void globalAndSubmitOptionsMayComeBeforeTheCommand() {
    LauncherRun run = LauncherRun.run(BARE, "--master", "yarn", "--deploy-mode", "cluster", "--metadata-url", "m@hbase",
        "upgrade", "--print-command", "--format=json");
    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertEquals("cluster", run.json().get("deploy_mode").asText());
    assertEquals(List.of("--metadata-url", "m@hbase"), strings(run.json().get("args")));
  }

  @Test
  void badSubmitOptionsAreBadUsage() {
    assertEquals(ExitCodes.BAD_INPUT, LauncherRun.run(BARE, "upgrade", "--master", "yarn", "--principal", "p@R",
        "--print-command").exitCode, "a principal without its keytab");
    assertEquals(ExitCodes.BAD_INPUT, LauncherRun.run(BARE, "upgrade", "--master", "yarn", "--conf", "executor.memory=1g",
        "--print-command").exitCode, "not a Spark property");
    assertEquals(ExitCodes.BAD_INPUT, LauncherRun.run(BARE, "upgrade", "--deploy-mode", "nowhere", "--print-command").exitCode);
    LauncherRun noSpark = LauncherRun.run(BARE, "upgrade", "--master", "yarn", "--from-folder", "a", "--to-folder", "b");
    assertEquals(ExitCodes.BAD_INPUT, noSpark.exitCode, noSpark::toString);
    assertTrue(noSpark.err.contains("SPARK_HOME is not set"), noSpark::toString);
  }

  @Test
  void shellQuotingRoundTrips() {
    List<String> words = List.of("spark-submit", "local[*]", "it's", "a b", "${x}", "plain-1.0.jar");
    assertEquals(words, shellSplitPosix(ShellWords.join(words)));
    assertFalse(ShellWords.quote("a b").equals("a b"));
    CommandLine.usage(new SubmitOptions(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
  }

  /** Undoes ShellWords' quoting, including its escaped single quote ('\''). */
  private static List<String> shellSplitPosix(String line) {
    return shellSplit(line.replace("'\\''", "\u0000")).stream().map(w -> w.replace("\u0000", "'")).toList();
  }
}
