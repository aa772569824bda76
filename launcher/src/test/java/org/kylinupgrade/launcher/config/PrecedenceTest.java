package org.kylinupgrade.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.conf.Secrets;
import org.kylinupgrade.jobs.ClusterOptions;
import org.kylinupgrade.jobs.ExitCodes;
import org.kylinupgrade.launcher.LauncherRun;
import org.kylinupgrade.launcher.submit.SubmitOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Command line > KYLIN_UPGRADE_<OPTION> > conf/kylin-upgrade.properties > built-in default; info shows it. */
class PrecedenceTest {
  @TempDir
  Path conf;

  private LauncherEnvironment environment(Map<String, String> env, String properties) throws IOException {
    Files.writeString(conf.resolve(LauncherEnvironment.PROPERTIES_FILE), properties);
    Files.copy(LauncherRun.repo().resolve("conf/spark-defaults.conf"), conf.resolve("spark-defaults.conf"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return new LauncherEnvironment(env, conf, LauncherRun.repo());
  }

  private static List<String> args(LauncherRun run) {
    List<String> args = new ArrayList<>();
    run.json().get("args").forEach(a -> args.add(a.asText()));
    return args;
  }

  @Test
  void eachLayerWinsOverTheOnesBelow() throws IOException {
    LauncherEnvironment env = environment(
        Map.of("KYLIN_UPGRADE_METADATA_URL", "from_env@hbase", "KYLIN_UPGRADE_QUEUE", "env-queue"),
        "metadata-url = from_file@hbase\nmaster = yarn\nqueue = file-queue\nupgrade.deploy-mode = cluster\n"
            + "deploy-mode = client\nzookeeper = zk1:2181\nupgrade.keep-unloadable = true\n");
    LauncherRun run = LauncherRun.run(env, "upgrade", "--print-command", "--format", "json", "--zookeeper", "cli:2181");
    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertEquals("yarn", run.json().get("master").asText(), "conf file over the built-in default");
    assertEquals("cluster", run.json().get("deploy_mode").asText(), "upgrade.deploy-mode over deploy-mode");
    assertEquals("env-queue", run.json().get("queue").asText(), "environment over conf file");
    assertEquals(List.of("--metadata-url", "from_env@hbase", "--zookeeper", "cli:2181", "--keep-unloadable"), args(run),
        "the job gets the effective values: environment over file, command line over both");

    LauncherRun validate = LauncherRun.run(env, "validate", "--print-command", "--format", "json");
    assertEquals("client", validate.json().get("deploy_mode").asText(), "upgrade.* settings are upgrade's only");
  }

  @Test
  void aConfiguredMaxCombinationGoesOnlyToRunsForTheOneFiveTarget() throws IOException {
    LauncherEnvironment file = environment(Map.of(), "max-combination = 8192\n");
    List<String> forDefault = args(LauncherRun.run(file, "upgrade", "--print-command", "--format", "json",
        "--master", "yarn"));
    assertEquals(List.of("--max-combination", "8192"), forDefault, "the default target, 1.5, gets the conf file's");
    List<String> forAlpha = args(LauncherRun.run(file, "upgrade", "--print-command", "--format", "json",
        "--master", "yarn", "--to", "1.4-alpha"));
    assertEquals(List.of("--to", "1.4-alpha"), forAlpha, "1.4-alpha has no such limit: the setting is not passed");
    List<String> typed = args(LauncherRun.run(file, "validate", "--print-command", "--format", "json",
        "--master", "yarn", "--to", "1.4-alpha", "--max-combination", "100"));
    assertEquals(List.of("--to", "1.4-alpha", "--max-combination", "100"), typed,
        "typed on the command line it goes to the job, which refuses it");

    // a job run here: the environment's setting does not apply to 1.4-alpha; the missing folder is what stops it
    Path missing = conf.resolve("no-such-folder");
    LauncherRun alpha = LauncherRun.run(environment(Map.of("KYLIN_UPGRADE_MAX_COMBINATION", "8192"), ""),
        "validate", "--from-folder", missing.toString(), "--to", "1.4-alpha");
    assertEquals(ExitCodes.BAD_INPUT, alpha.exitCode, alpha::toString);
    assertTrue(alpha.err.contains(missing.toString()), alpha::toString);
    assertFalse(alpha.err.contains("--max-combination"), alpha::toString);
    LauncherRun typedHere = LauncherRun.run(environment(Map.of(), ""), "validate", "--from-folder",
        missing.toString(), "--to", "1.4-alpha", "--max-combination", "8192");
    assertEquals(ExitCodes.BAD_INPUT, typedHere.exitCode, typedHere::toString);
    assertTrue(typedHere.err.contains("--max-combination goes with --to 1.5"), typedHere::toString);
  }

  @Test
  void infoShowsTheEffectiveConfigurationWithSourcesAndSecretsMasked() throws IOException {
    LauncherEnvironment env = environment(Map.of("KYLIN_UPGRADE_MASTER", "yarn"),
        "queue = file-queue\nmetadata-url = kylin_metadata@jdbc,url=jdbc:mysql://db/kylin,username=kylin,password=hunter2\n");
    LauncherRun run = LauncherRun.run(env, "info", "--show-config", "--conf", "spark.ssl.keyStorePassword=s3cret",
        "--conf", "spark.hadoop.fs.s3a.secret.key=abc");
    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertTrue(run.out.matches("(?s).*--master\\s+yarn\\s+environment KYLIN_UPGRADE_MASTER.*"), run.out);
    assertTrue(run.out.matches("(?s).*--queue\\s+file-queue\\s+\\S*kylin-upgrade.properties \\(queue\\).*"), run.out);
    assertTrue(run.out.matches("(?s).*--deploy-mode\\s+client\\s+built-in default.*"), run.out);
    assertTrue(run.out.contains("spark.yarn.maxAppAttempts = 1"), run.out);
    assertTrue(run.out.contains("password=" + Secrets.MASK), run.out);
    assertTrue(run.out.contains("spark.ssl.keyStorePassword = " + Secrets.MASK), run.out);
    assertTrue(run.out.contains("spark.hadoop.fs.s3a.secret.key = " + Secrets.MASK), run.out);
    assertFalse(run.out.contains("hunter2") || run.out.contains("s3cret") || run.out.contains("abc\n"), run.out);
  }

  @Test
  void everyOptionHasADocumentedDefaultInTheShippedConfFile() throws IOException {
    String file = Files.readString(LauncherRun.repo().resolve("conf/kylin-upgrade.properties"));
    Set<String> documented = new java.util.HashSet<>();
    Matcher m = Pattern.compile("(?m)^#?\\s*([a-z][a-z-]*)\\s*=").matcher(file);
    while (m.find()) {
      documented.add(m.group(1));
    }
    for (Object options : List.of(new ClusterOptions(), new SubmitOptions())) {
      for (OptionSpec option : CommandSpec.forAnnotatedObject(options).options()) {
        if (LayeredDefaults.configurable(option)) {
          assertTrue(documented.contains(LayeredDefaults.key(option)), "conf/kylin-upgrade.properties documents "
              + option.longestName());
        }
      }
    }
  }

  @Test
  void sparkDefaultsCarryTheSameJdk17FlagsAsTheLauncher() throws IOException {
    List<String> flags = Files.readAllLines(LauncherRun.repo().resolve("conf/jdk17.options")).stream()
        .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    Map<String, String> spark = LauncherRun.environment(Map.of()).sparkDefaults();
    for (String key : List.of("spark.driver.extraJavaOptions", "spark.executor.extraJavaOptions", "spark.yarn.am.extraJavaOptions")) {
      assertEquals(flags, List.of(spark.get(key).split("\\s+")), key);
    }
  }

  @Test
  void secretsAreMaskedByKeyAndInsideValues() {
    assertEquals(Secrets.MASK, Secrets.mask("spark.authenticate.secret", "x"));
    assertEquals("hdfs://kylin:" + Secrets.MASK + "@nn/x", Secrets.mask("working-dir", "hdfs://kylin:pw@nn/x"));
    assertEquals("kylin_metadata@hbase", Secrets.mask("metadata-url", "kylin_metadata@hbase"));
  }
}
