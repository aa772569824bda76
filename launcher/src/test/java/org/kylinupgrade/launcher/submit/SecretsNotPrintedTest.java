package org.kylinupgrade.launcher.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.conf.Secrets;
import org.kylinupgrade.jobs.ExitCodes;
import org.kylinupgrade.launcher.LauncherRun;
import org.kylinupgrade.launcher.config.LauncherEnvironment;

/**
 * Secrets given through every layer (environment, conf/kylin-upgrade.properties, spark-defaults.conf, the command
 * line) reach no printed command, neither as a shell line nor as JSON, nor the effective configuration.
 */
class SecretsNotPrintedTest {
  private static final List<String> SECRETS = List.of("EnvUrlPw-31", "PropDirPw-32", "SparkConfPw-33", "CliSecret-34",
      "EnvTok-35", "CliUrlPw-36");

  @TempDir
  Path conf;

  private LauncherEnvironment environment() throws IOException {
    Files.writeString(conf.resolve(LauncherEnvironment.PROPERTIES_FILE),
        "working-dir = hdfs://kylin:PropDirPw-32@nn:8020/kylin\nqueue = etl\n");
    Files.writeString(conf.resolve(LauncherEnvironment.SPARK_DEFAULTS_FILE),
        Files.readString(LauncherRun.repo().resolve("conf/spark-defaults.conf"))
            + "\nspark.ssl.keyStorePassword   SparkConfPw-33\n");
    Map<String, String> env = Map.of(
        "KYLIN_UPGRADE_METADATA_URL", "kylin_metadata@jdbc,url=jdbc:mysql://db/kylin,username=kylin,password=EnvUrlPw-31",
        "KYLIN_UPGRADE_API_TOKEN", "EnvTok-35");
    return new LauncherEnvironment(env, conf, LauncherRun.repo());
  }

  private static void assertNoSecret(LauncherRun run) {
    for (String secret : SECRETS) {
      assertFalse(run.out.contains(secret) || run.err.contains(secret), secret + " printed:\n" + run);
    }
  }

  @Test
  void printCommandShowsNoSecretFromAnyLayerButKeepsTheKeytabPath() throws IOException {
    LauncherEnvironment env = environment();
    String[] args = {"upgrade", "--print-command", "--master", "yarn", "--deploy-mode", "cluster",
        "--principal", "kylin@EXAMPLE.COM", "--keytab", "/etc/security/kylin.keytab",
        "--conf", "spark.authenticate.secret=CliSecret-34", "--conf", "spark.executor.memory=4g", "--dry-run"};
    LauncherRun text = LauncherRun.run(env, args);
    assertEquals(ExitCodes.OK, text.exitCode, text::toString);
    assertNoSecret(text);
    assertTrue(text.out.contains("--keytab /etc/security/kylin.keytab"), text.out);
    // the shell line quotes the mask's stars
    assertTrue(text.out.contains("--conf 'spark.authenticate.secret=" + Secrets.MASK + "'"), text.out);
    assertTrue(text.out.contains("--conf 'spark.ssl.keyStorePassword=" + Secrets.MASK + "'"), text.out);
    assertTrue(text.out.contains("--conf spark.executor.memory=4g"), "ordinary values stay: " + text.out);
    assertTrue(text.out.contains("username=kylin,password=" + Secrets.MASK), text.out);
    assertTrue(text.out.contains("--working-dir 'hdfs://kylin:" + Secrets.MASK + "@nn:8020/kylin'"), text.out);

    String[] jsonArgs = new String[args.length + 2];
    System.arraycopy(args, 0, jsonArgs, 0, args.length);
    jsonArgs[args.length] = "--format";
    jsonArgs[args.length + 1] = "json";
    LauncherRun json = LauncherRun.run(env, jsonArgs);
    assertEquals(ExitCodes.OK, json.exitCode, json::toString);
    assertNoSecret(json);
    assertEquals("/etc/security/kylin.keytab", json.json().get("keytab").asText());
    assertEquals(Secrets.MASK, json.json().get("conf").get("spark.ssl.keyStorePassword").asText());
  }

  @Test
  void aSecretOnTheCommandLineIsNotPrintedEither() throws IOException {
    LauncherRun run = LauncherRun.run(environment(), "info", "--print-command", "--master", "yarn",
        "--metadata-url", "m@jdbc,url=jdbc:mysql://db/m?user=u&password=CliUrlPw-36");
    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertNoSecret(run);
    assertTrue(run.out.contains("password=" + Secrets.MASK), run.out);
  }

  @Test
  void theEffectiveConfigurationShowsNoSecretEither() throws IOException {
    LauncherRun run = LauncherRun.run(environment(), "info", "--show-config", "--conf", "spark.authenticate.secret=CliSecret-34");
    assertEquals(ExitCodes.OK, run.exitCode, run::toString);
    assertNoSecret(run);
    assertTrue(run.out.contains("environment KYLIN_UPGRADE_METADATA_URL"), run.out);
  }
}
