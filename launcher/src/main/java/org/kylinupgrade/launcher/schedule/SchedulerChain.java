package org.kylinupgrade.launcher.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kylinupgrade.cuboid.V15Cuboids;
import org.kylinupgrade.launcher.submit.JobBuild;
import org.kylinupgrade.launcher.submit.SparkJobs;
import org.kylinupgrade.launcher.submit.SubmitCommand;
import org.kylinupgrade.launcher.submit.SubmitOptions;
import org.kylinupgrade.launcher.submit.SubmitPlanner;

/**
 * The scheduled upgrade: backup → upgrade → coprocessor → validate, and rollback when any of them fails.
 * Each step is a launcher command line whose {@code ${name}} placeholders the scheduler fills in; the
 * Oozie workflow and the Airflow DAG are both generated from the {@code spark-submit} invocations the
 * launcher plans for these command lines, so they carry the same class, jar, conf and arguments as
 * {@code --print-command --format json}.
 */
public final class SchedulerChain {
  /** A step: its task name, the command and the command's own arguments. */
  public record Step(String id, String command, List<String> args) {
  }

  public static final List<Step> MAIN_PATH = List.of(
      new Step("backup", "backup", List.of("--snapshot", "${backupSnapshot}")),
      new Step("upgrade", "upgrade", List.of("--max-combination", "${maxCombination}")),
      new Step("coprocessor", "coprocessor", List.of("--jar", "${coprocessorJar}", "--all")),
      new Step("validate", "validate", List.of("--max-combination", "${maxCombination}")));
  public static final Step ROLLBACK =
      new Step("rollback", "rollback", List.of("--snapshot", "${backupSnapshot}", "--coprocessor-jar", "${v1CoprocessorJar}"));

  /**
   * The job jar of the build the {@code hbaseMajor} parameter names (Oozie's expression language): the
   * HBase 1.x and 2.x builds are separate jars, and the scheduler runs the one the cluster needs.
   */
  public static final String JOB_JAR = "${hbaseMajor eq 1 ? jobJarHBase1 : jobJar}";

  /** The parameters the steps use, with the value a fresh installation starts from. */
  public static final Map<String, String> PARAMETERS = parameters();

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

  private final SubmitPlanner planner;

  public SchedulerChain(SubmitPlanner planner) {
    this.planner = planner;
  }

  private static Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("master", "yarn");
    p.put("queueName", "default");
    p.put("metadataUrl", "kylin_metadata@hbase");
    p.put("hbaseSite", "/etc/hbase/conf/hbase-site.xml");
    p.put("hbaseMajor", "2");
    p.put("jobJar", "hdfs:///apps/kylin-upgrade/jars/kylin-upgrade-job-cluster.jar");
    p.put("jobJarHBase1", "hdfs:///apps/kylin-upgrade/jars/kylin-upgrade-job-hbase1-cluster.jar");
    p.put("backupSnapshot", "kylin_metadata_before_v2");
    p.put("maxCombination", Integer.toString(V15Cuboids.DEFAULT_MAX_COMBINATION));
    p.put("coprocessorJar", "hdfs:///kylin/coprocessor/kylin-coprocessor-v2.jar");
    p.put("v1CoprocessorJar", "hdfs:///kylin/coprocessor/kylin-coprocessor-v1.jar");
    p.put("principal", "");
    p.put("keytab", "");
    return p;
  }

  public static List<Step> allSteps() {
    List<Step> steps = new ArrayList<>(MAIN_PATH);
    steps.add(ROLLBACK);
    return steps;
  }

  /** The launcher command line of a step, as an operator would type it with --print-command. */
  public static List<String> commandLine(Step step) {
    List<String> line = new ArrayList<>(List.of(step.command(),
        "--master", "${master}", "--deploy-mode", "cluster",
        "--metadata-url", "${metadataUrl}", "--hbase-site", "${hbaseSite}",
        "--job-jar", JOB_JAR, "--conf", "spark.yarn.queue=${queueName}"));
    line.addAll(step.args());
    return line;
  }

  /** The spark-submit invocation the launcher plans for a step. */
  public SubmitCommand submitCommand(Step step) {
    SubmitOptions submit = new SubmitOptions();
    submit.deployMode = SubmitOptions.DeployMode.cluster;
    submit.jobJar = JOB_JAR;
    submit.conf.put("spark.yarn.queue", "${queueName}");
    List<String> jobArgs = new ArrayList<>(List.of("--metadata-url", "${metadataUrl}", "--hbase-site", "${hbaseSite}"));
    jobArgs.addAll(step.args());
    return planner.plan(SparkJobs.named(step.command()), "${master}", jobArgs, submit, JobBuild.DEFAULT);
  }

  /** Rewrites each {@code ${name}} placeholder of a value. */
  public static String replacePlaceholders(String value, java.util.function.Function<String, String> byName) {
    Matcher m = PLACEHOLDER.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(byName.apply(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }
}
