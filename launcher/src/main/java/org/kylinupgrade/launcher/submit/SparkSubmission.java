package org.kylinupgrade.launcher.submit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.launcher.SparkAppHandle;
import org.apache.spark.launcher.SparkLauncher;
import org.kylinupgrade.conf.Secrets;
import org.kylinupgrade.jobs.ExitCodes;
import org.kylinupgrade.jobs.JobExit;
import org.kylinupgrade.jobs.OutputRelay;
import org.kylinupgrade.report.Console;

/**
 * Submits a {@link SubmitCommand} through Spark's own {@link SparkLauncher} and follows it: the
 * application's state changes and the job's output (its progress lines among them) go to the terminal,
 * and the job's exit code comes back as the process's. A driver in the cluster relays its output through a file on the
 * cluster's file system ({@link RelayedOutput}).
 */
public final class SparkSubmission {
  /** How long to wait, after the application ended, for the line that carries the job's exit code. */
  private static final long EXIT_CODE_WAIT_SECONDS = 30;

  private final String sparkHome;
  private final Map<String, String> childEnv;
  private final PrintWriter out;
  private final AtomicInteger reportedExit = new AtomicInteger(-1);
  private final CountDownLatch exitReported = new CountDownLatch(1);

  public SparkSubmission(String sparkHome, Map<String, String> childEnv, PrintWriter out) {
    this.sparkHome = sparkHome;
    this.childEnv = childEnv;
    this.out = out;
  }

  public int run(SubmitCommand command) throws IOException, InterruptedException {
    Path output = Files.createTempFile("kylin-upgrade-" + command.command() + "-", ".log");
    RelayedOutput relayed = relayFor(command);
    try (ChildOutput following = new ChildOutput(output, this::childLine)) {
      SparkLauncher launcher = launcher(command).redirectOutput(output.toFile()).redirectError();
      if (relayed != null) {
        launcher.setConf("spark.yarn.appMasterEnv." + OutputRelay.ENV, relayed.file());
        // the driver's progress as it goes, not only at each phase's end: there is no terminal in the container
        launcher.setConf("spark.yarn.appMasterEnv." + Console.PROGRESS_ENV, "1");
        relayed.start();
      }
      return follow(launcher, command, relayed);
    } finally {
      if (relayed != null) {
        // a submission that failed before its end still stops following and deletes the file
        relayed.close();
      }
      Files.deleteIfExists(output);
    }
  }

  /**
   * For a driver in the cluster, the relay of what it prints (its lines would be in the container's log only); null in
   * client or local mode, where its output comes back through spark-submit's, or when no cluster file system is
   * there to relay through, which is said.
   */
  private RelayedOutput relayFor(SubmitCommand command) {
    if (!"cluster".equals(command.deployMode())) {
      return null;
    }
    try {
      return RelayedOutput.create(command.name(), childEnv, this::childLine);
    } catch (IOException | RuntimeException e) {
      say(command.command() + ": the driver's output is not relayed here (" + Secrets.redact(String.valueOf(e))
          + "); it is in the YARN logs");
      return null;
    }
  }

  private SparkLauncher launcher(SubmitCommand command) {
    SparkLauncher launcher = new SparkLauncher(childEnv).setSparkHome(sparkHome)
        .setMaster(command.master()).setAppName(command.name()).setMainClass(command.mainClass())
        .setAppResource(command.jobJar());
    if (command.deployMode() != null) {
      launcher.setDeployMode(command.deployMode());
    }
    if (command.queue() != null) {
      launcher.addSparkArg("--queue", command.queue());
    }
    if (command.principal() != null) {
      launcher.addSparkArg("--principal", command.principal());
      launcher.addSparkArg("--keytab", command.keytab());
    }
    command.jars().forEach(launcher::addJar);
    command.files().forEach(launcher::addFile);
    command.conf().forEach(launcher::setConf);
    launcher.addAppArgs(command.args().toArray(new String[0]));
    return launcher;
  }

  private int follow(SparkLauncher launcher, SubmitCommand command, RelayedOutput relayed)
      throws IOException, InterruptedException {
    CountDownLatch ended = new CountDownLatch(1);
    String prefix = command.command() + ": ";
    // a job without Spark never reports to the handle, which ends LOST: its own lines and exit code say it all
    boolean showState = SparkJobs.forCommand(command.command()).map(SparkJob::usesSpark).orElse(true);
    SparkAppHandle handle = launcher.startApplication(new SparkAppHandle.Listener() {
      @Override
      public void stateChanged(SparkAppHandle h) {
        if (showState) {
          say(prefix + "Spark application " + h.getState() + (h.getAppId() == null ? "" : " (" + h.getAppId() + ")"));
        }
        if (h.getState().isFinal()) {
          ended.countDown();
        }
      }

      @Override
      public void infoChanged(SparkAppHandle h) {
        say(prefix + "Spark application id " + h.getAppId());
      }
    });
    Thread killOnExit = new Thread(handle::kill, "kill " + command.name());
    Runtime.getRuntime().addShutdownHook(killOnExit);
    try {
      ended.await();
    } finally {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    }
    if (relayed != null) {
      // the last lines the driver relayed, its exit code among them
      relayed.close();
    }
    SparkAppHandle.State state = handle.getState();
    boolean succeededInCluster = state == SparkAppHandle.State.FINISHED && "cluster".equals(command.deployMode());
    // a driver here prints its exit code as it ends; a driver in the cluster only when it failed (YARN's diagnostics)
    exitReported.await(succeededInCluster ? 0 : EXIT_CODE_WAIT_SECONDS, TimeUnit.SECONDS);
    int reported = reportedExit.get();
    if (reported >= 0) {
      return reported;
    }
    return state == SparkAppHandle.State.FINISHED ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private synchronized void say(String line) {
    out.println(line);
    out.flush();
  }

  /** A line of the child's output: the exit code line is kept, everything else is shown, secrets masked. */
  private void childLine(String line) {
    OptionalInt code = JobExit.in(line);
    if (code.isPresent()) {
      reportedExit.compareAndSet(-1, code.getAsInt());
      exitReported.countDown();
      if (line.trim().startsWith(JobExit.MARKER)) {
        return;
      }
    }
    say(Secrets.redact(line));
  }
}
