package org.kylinupgrade.launcher.submit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kylinupgrade.launcher.config.LauncherEnvironment;
import org.kylinupgrade.metadata.BadInputException;

/**
 * Turns a Spark job, its arguments and the submit options into the {@code spark-submit} invocation. Needs
 * nothing but the options and the conf folder: no Spark, no HBase, no hbase-site.
 */
public final class SubmitPlanner {
  public static final String HBASE_SITE = LauncherEnvironment.HBASE_SITE;
  public static final String HBASE_SITE_OPTION = "--hbase-site";

  private final LauncherEnvironment environment;

  public SubmitPlanner(LauncherEnvironment environment) {
    this.environment = environment;
  }

  public static boolean isLocal(String master) {
    return master == null || master.startsWith("local");
  }

  /**
   * @param jobArgs the job's own arguments, global options included, without {@code --master} and the submit
   *     options; an {@code --hbase-site} among them is shipped with the job in cluster mode
   * @param build the build of the jobs whose jar is submitted unless {@code --job-jar} names one
   */
  public SubmitCommand plan(SparkJob job, String master, List<String> jobArgs, SubmitOptions submit, JobBuild build) {
    String deployMode = isLocal(master) ? null : submit.deployMode.name();
    boolean driverInCluster = SubmitOptions.DeployMode.cluster.name().equals(deployMode);
    List<String> args = new ArrayList<>(jobArgs);
    List<String> files = new ArrayList<>();
    hbaseSite(args).ifPresent(site -> {
      if (driverInCluster) {
        // the driver runs in a YARN container: ship the file, and name it where YARN puts it
        files.add(site + "#" + HBASE_SITE);
        setHBaseSite(args, HBASE_SITE);
      } else {
        setHBaseSite(args, site);
      }
    });
    if ((submit.principal == null) != (submit.keytab == null)) {
      throw new BadInputException("--principal and --keytab go together");
    }
    return new SubmitCommand(job.command(), sparkSubmit(submit), master == null ? "local[*]" : master, deployMode,
        "kylin-upgrade " + job.command(), job.mainClass(), submit.queue, submit.principal, submit.keytab, submit.jars,
        files, conf(submit), submit.jobJar != null ? submit.jobJar : environment.defaultJobJar(build), args);
  }

  /** spark-submit from the Spark installation when one is named, else the one on the PATH. */
  private String sparkSubmit(SubmitOptions submit) {
    return sparkHome(submit).map(home -> Path.of(home, "bin", "spark-submit").toString()).orElse("spark-submit");
  }

  public Optional<String> sparkHome(SubmitOptions submit) {
    return Optional.ofNullable(submit.sparkHome).filter(s -> !s.isEmpty()).or(() -> environment.env("SPARK_HOME"));
  }

  private Map<String, String> conf(SubmitOptions submit) {
    Map<String, String> conf = new LinkedHashMap<>(environment.sparkDefaults());
    conf.putAll(submit.conf);
    for (String key : conf.keySet()) {
      if (!key.startsWith("spark.")) {
        throw new BadInputException("--conf " + key + ": Spark properties start with \"spark.\"");
      }
    }
    return conf;
  }

  /** The hbase-site the job reads: the one the arguments name, else {@code $HBASE_CONF_DIR/hbase-site.xml}. */
  private Optional<String> hbaseSite(List<String> args) {
    int at = args.indexOf(HBASE_SITE_OPTION);
    return environment.hbaseSite(at >= 0 && at + 1 < args.size() ? args.get(at + 1) : null);
  }

  private static void setHBaseSite(List<String> args, String value) {
    int at = args.indexOf(HBASE_SITE_OPTION);
    if (at >= 0) {
      args.set(at + 1, value);
      return;
    }
    int metadataUrl = args.indexOf("--metadata-url");
    int insertAt = metadataUrl >= 0 ? metadataUrl + 2 : 0;
    args.add(insertAt, value);
    args.add(insertAt, HBASE_SITE_OPTION);
  }
}
