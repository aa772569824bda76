package org.kylinupgrade.launcher;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.kylinupgrade.jobs.ClusterOptions;
import org.kylinupgrade.jobs.BackupJob;
import org.kylinupgrade.jobs.CoprocessorJob;
import org.kylinupgrade.jobs.DumpJob;
import org.kylinupgrade.jobs.HybridJob;
import org.kylinupgrade.jobs.InfoJob;
import org.kylinupgrade.jobs.JobCommandLine;
import org.kylinupgrade.jobs.LoadJob;
import org.kylinupgrade.jobs.MergeConfJob;
import org.kylinupgrade.jobs.UpgradeJob;
import org.kylinupgrade.jobs.ResumeJob;
import org.kylinupgrade.jobs.RollbackJob;
import org.kylinupgrade.jobs.UnlockJob;
import org.kylinupgrade.jobs.ValidateJob;
import org.kylinupgrade.launcher.config.LauncherEnvironment;
import org.kylinupgrade.launcher.schedule.SchedulerFilesCommand;
import org.kylinupgrade.launcher.submit.SubmitOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code scripts/kylin-upgrade <command> [options]}: the operator's single entry point. */
@Command(name = "kylin-upgrade", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Upgrades Apache Kylin metadata from the v1.x schema to v2.0 on Spark and HBase.",
    footer = {"", "Global options (--metadata-url, --hbase-site, --zookeeper, --working-dir, --master, --report, "
        + "and the submit options of the Spark jobs) go before or after the command name.",
        "An option not on the command line is read from the environment (KYLIN_UPGRADE_<OPTION>, e.g. "
            + "KYLIN_UPGRADE_METADATA_URL), then from conf/kylin-upgrade.properties, else its built-in default.",
        "Exit codes: 0 done; 1 failed, table as it was (or cluster unreachable); 2 bad usage or input; "
            + "3 a run stopped half-way (resume or rollback); 4 finished with problems (see the report)."},
    subcommands = {LocalHBaseCommand.class, LoadJob.class, DumpJob.class, InfoJob.class, UpgradeJob.class,
        BackupJob.class, CoprocessorJob.class, ResumeJob.class, RollbackJob.class, UnlockJob.class, HybridJob.class,
        ValidateJob.class, MergeConfJob.class, SchedulerFilesCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return new Launcher(LauncherEnvironment.current(), new PrintWriter(System.out, true), new PrintWriter(System.err, true))
        .run(args);
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /**
   * Global options may come before the command name; picocli wants them after it, so they are moved
   * there: {@code --zookeeper h:1 load ...} becomes {@code load --zookeeper h:1 ...}.
   */
  static String[] globalOptionsAfterCommand(CommandLine cli, String[] args) {
    CommandSpec globals = CommandSpec.create();
    globals.addMixin("cluster", CommandSpec.forAnnotatedObject(new ClusterOptions()));
    globals.addMixin("submit", CommandSpec.forAnnotatedObject(new SubmitOptions()));
    List<String> moved = new ArrayList<>();
    int i = 0;
    while (i < args.length && !cli.getSubcommands().containsKey(args[i])) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      OptionSpec option = name.startsWith("-") ? globals.findOption(name) : null;
      if (option == null) {
        return args;
      }
      moved.add(arg);
      if (!arg.contains("=") && option.arity().max() > 0 && i + 1 < args.length) {
        moved.add(args[++i]);
      }
      i++;
    }
    if (i >= args.length || moved.isEmpty()) {
      return args;
    }
    List<String> reordered = new ArrayList<>();
    reordered.add(args[i]);
    reordered.addAll(moved);
    for (int j = i + 1; j < args.length; j++) {
      reordered.add(args[j]);
    }
    return reordered.toArray(new String[0]);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws Exception {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/kylin-upgrade-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"kylin-upgrade " + p.getProperty("version", "unknown")
          + " (Kylin metadata v1.x -> v2.0; Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()
          + ", HBase client " + org.kylinupgrade.hbase.HBaseVersions.client() + ")"};
    }
  }
}
