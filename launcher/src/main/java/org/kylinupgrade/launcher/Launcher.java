package org.kylinupgrade.launcher;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kylinupgrade.hbase.HBaseVersions;
import org.kylinupgrade.jobs.JobCommandLine;
import org.kylinupgrade.launcher.config.EffectiveConfig;
import org.kylinupgrade.launcher.config.LauncherEnvironment;
import org.kylinupgrade.launcher.config.LayeredDefaults;
import org.kylinupgrade.launcher.submit.BuildChoice;
import org.kylinupgrade.launcher.submit.JobArguments;
import org.kylinupgrade.launcher.submit.JobBuild;
import org.kylinupgrade.launcher.submit.SparkJob;
import org.kylinupgrade.launcher.submit.SparkJobs;
import org.kylinupgrade.launcher.submit.SparkSubmission;
import org.kylinupgrade.launcher.submit.SubmitCommand;
import org.kylinupgrade.launcher.submit.SubmitOptions;
import org.kylinupgrade.launcher.submit.SubmitPlanner;
import org.kylinupgrade.metadata.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * Runs the operator's command line: a Spark job runs in this process for a local master, is submitted
 * through {@code SparkLauncher} for any other, or is only printed with {@code --print-command}. The jar is the
 * build of the jobs for the cluster's HBase ({@link BuildChoice}); a local job whose cluster needs another
 * build than this JVM's HBase client goes through {@code spark-submit} too; so do the jobs without Spark (load,
 * dump, unlock, hybrid), which otherwise run here whatever the master. Options not on the command line
 * come from the environment or {@code conf/kylin-upgrade.properties}.
 */
public final class Launcher {
  static final String SUBMIT_MIXIN = "submit";
  static final String INFO_MIXIN = "info-config";
  /** The master of a job without Spark run through spark-submit when another master was asked for. */
  static final String LOCAL_MASTER = "local[*]";

  /** {@code info --show-config}: only the effective configuration, no cluster needed. */
  static final class ShowConfigOption {
    @Option(names = "--show-config", description = "print the effective configuration (secrets masked) and stop")
    boolean showConfig;
  }

  private final LauncherEnvironment environment;
  private final LayeredDefaults defaults;
  private final SubmitPlanner planner;
  private final PrintWriter out;
  private final PrintWriter err;

  public Launcher(LauncherEnvironment environment, PrintWriter out, PrintWriter err) {
    this.environment = environment;
    this.defaults = new LayeredDefaults(environment);
    this.planner = new SubmitPlanner(environment);
    this.out = out;
    this.err = err;
  }

  public int run(String... args) {
    CommandLine cli = commandLine();
    return cli.execute(Main.globalOptionsAfterCommand(cli, args));
  }

  CommandLine commandLine() {
    CommandLine cli = JobCommandLine.create(new Main());
    for (SparkJob job : SparkJobs.ALL) {
      CommandLine command = cli.getSubcommands().get(job.command());
      if (command != null) {
        command.addMixin(SUBMIT_MIXIN, new SubmitOptions());
      }
    }
    cli.getSubcommands().get("info").addMixin(INFO_MIXIN, new ShowConfigOption());
    cli.setOut(out);
    cli.setErr(err);
    cli.setDefaultValueProvider(defaults);
    cli.setExecutionStrategy(this::execute);
    return cli;
  }

  private int execute(ParseResult root) {
    Integer helpExit = CommandLine.executeHelpRequest(root);
    if (helpExit != null) {
      return helpExit;
    }
    ParseResult command = root.subcommand();
    Optional<SparkJob> job = command == null ? Optional.empty() : SparkJobs.forCommand(command.commandSpec().name());
    if (job.isEmpty() || !command.commandSpec().mixins().containsKey(SUBMIT_MIXIN)) {
      return new CommandLine.RunLast().execute(root);
    }
    CommandLine commandLine = command.commandSpec().commandLine();
    try {
      return runSparkJob(root, command, job.get());
    } catch (CommandLine.ExecutionException e) {
      throw e;
    } catch (Exception e) {
      throw new CommandLine.ExecutionException(commandLine, e.getMessage(), e);
    }
  }

  private int runSparkJob(ParseResult root, ParseResult command, SparkJob job) throws Exception {
    CommandSpec spec = command.commandSpec();
    SubmitOptions submit = (SubmitOptions) spec.mixins().get(SUBMIT_MIXIN).userObject();
    String master = master(job, (String) spec.findOption("--master").getValue());
    if (spec.mixins().containsKey(INFO_MIXIN) && !submit.printCommand) {
      EffectiveConfig.print(out, command, defaults, sparkConf(submit));
      if (((ShowConfigOption) spec.mixins().get(INFO_MIXIN).userObject()).showConfig) {
        return 0;
      }
    }
    if (submit.printCommand) {
      SubmitCommand submitCommand = plan(command, job, master, submit, JobBuild.forOption(submit.hbaseMajor)).redacted();
      out.println(submit.format == SubmitOptions.Format.json ? submitCommand.toJsonText() : submitCommand.toText());
      out.flush();
      return 0;
    }
    JobBuild build = new BuildChoice(environment, err).choose(spec, job, submit);
    boolean inProcess = SubmitPlanner.isLocal(master) && !submit.viaSparkSubmit;
    // a folder job runs here whatever the build; only a cluster job needs this JVM's HBase client version (looking it
    // up loads HBase's version classes: about 0.1 s of a folder upgrade's start)
    if (inProcess && (!BuildChoice.needsCluster(spec, job) || build == JobBuild.inProcess())) {
      return new CommandLine.RunLast().execute(root);
    }
    Optional<String> sparkHome = planner.sparkHome(submit);
    if (inProcess) {
      // this JVM's HBase client cannot work with the cluster: the job runs in a spark-submit of the matching build
      if (sparkHome.isEmpty()) {
        throw new BadInputException("the cluster needs " + build.describe(LauncherEnvironment.version())
            + ", and a local job here runs with the HBase " + HBaseVersions.client() + " client: "
            + "run it with spark-submit and that jar (set SPARK_HOME or --spark-home; --spark-submit)");
      }
      out.println(job.command() + ": running the job through spark-submit with " + build.describe(LauncherEnvironment.version()));
    }
    SubmitCommand submitCommand = plan(command, job, master, submit, build);
    String home = sparkHome.orElseThrow(() -> new BadInputException(
        "SPARK_HOME is not set: set it (or --spark-home) to the Spark installation to submit with, "
            + "or print the command with --print-command"));
    out.println(job.command() + ": submitting " + submitCommand.redacted().toText());
    out.flush();
    return new SparkSubmission(home, childEnv(), out).run(submitCommand);
  }

  /**
   * The master a job runs with: the one asked for, but a job without Spark (load, dump, unlock, hybrid) runs on
   * this host whatever the master; only its build decides whether it goes through a (local) spark-submit.
   */
  static String master(SparkJob job, String master) {
    return job.usesSpark() || SubmitPlanner.isLocal(master) ? master : LOCAL_MASTER;
  }

  private SubmitCommand plan(ParseResult command, SparkJob job, String master, SubmitOptions submit, JobBuild build) {
    return planner.plan(job, master, JobArguments.of(command, defaults, launcherOnlyOptions()), submit, build);
  }

  private Map<String, String> sparkConf(SubmitOptions submit) {
    Map<String, String> conf = new LinkedHashMap<>(environment.sparkDefaults());
    conf.putAll(submit.conf);
    return conf;
  }

  /** The launcher's environment, and our quiet log4j for the spark-submit process (the driver itself in client mode). */
  private Map<String, String> childEnv() {
    Map<String, String> env = new LinkedHashMap<>(environment.env());
    environment.log4jConfig().ifPresent(file -> env.put("SPARK_SUBMIT_OPTS",
        (environment.env("SPARK_SUBMIT_OPTS").map(s -> s + " ").orElse(""))
            + "-Dlog4j2.configurationFile=" + file.toUri()));
    return env;
  }

  /** The options the launcher consumes: they shape the spark-submit line, not the job's arguments. */
  static Set<String> launcherOnlyOptions() {
    Set<String> keys = new HashSet<>(List.of("master", "show-config"));
    for (OptionSpec option : CommandSpec.forAnnotatedObject(new SubmitOptions()).options()) {
      keys.add(LayeredDefaults.key(option));
    }
    return keys;
  }
}
