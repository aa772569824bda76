package org.kylinupgrade.launcher.submit;

import java.io.PrintWriter;
import java.time.Duration;
import org.kylinupgrade.launcher.cluster.ClusterVersion;
import org.kylinupgrade.launcher.cluster.ZooKeeperAddress;
import org.kylinupgrade.launcher.config.LauncherEnvironment;
import org.kylinupgrade.metadata.BadInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Which build of the jobs runs a command. A command that works on the cluster asks it for its HBase version
 * (through ZooKeeper, which both clients can read) and takes the matching build; {@code --hbase-major}, when
 * given, must name that build. A command on a folder, or a cluster that cannot be asked, takes
 * {@code --hbase-major}, else the default build.
 */
public final class BuildChoice {
  static final Duration ASK_DEADLINE = Duration.ofSeconds(5);

  private final LauncherEnvironment environment;
  private final PrintWriter err;

  public BuildChoice(LauncherEnvironment environment, PrintWriter err) {
    this.environment = environment;
    this.err = err;
  }

  public JobBuild choose(CommandSpec command, SparkJob job, SubmitOptions submit) throws InterruptedException {
    JobBuild given = submit.hbaseMajor == null ? null : JobBuild.forOption(submit.hbaseMajor);
    if (!needsCluster(command, job)) {
      return given != null ? given : JobBuild.DEFAULT;
    }
    ZooKeeperAddress zookeeper = ZooKeeperAddress.of(environment.hbaseSite(value(command, "--hbase-site")),
        value(command, "--zookeeper"));
    ClusterVersion cluster;
    try {
      cluster = ClusterVersion.ask(zookeeper.connectString, zookeeper.parent, ASK_DEADLINE);
    } catch (ClusterVersion.Unknown e) {
      JobBuild build = given != null ? given : JobBuild.DEFAULT;
      if (given == null) {
        err.println(job.command() + ": could not ask the cluster for its HBase version (" + e.getMessage()
            + "); using " + build.describe(LauncherEnvironment.version()));
        err.flush();
      }
      return build;
    }
    JobBuild matching = JobBuild.forClusterMajor(cluster.major());
    if (given != null && given != matching) {
      throw new BadInputException("--hbase-major " + given.hbaseMajor + " does not match the cluster, which runs "
          + cluster + ": use " + matching.describe(LauncherEnvironment.version()));
    }
    return matching;
  }

  /** False when the command works on a metadata folder (for example {@code upgrade --from-folder}). */
  public static boolean needsCluster(CommandSpec command, SparkJob job) {
    return job.folderOption() == null || value(command, job.folderOption()) == null;
  }

  private static String value(CommandSpec command, String option) {
    OptionSpec spec = command.findOption(option);
    Object value = spec == null ? null : spec.getValue();
    return value == null || value.toString().isEmpty() ? null : value.toString();
  }
}
