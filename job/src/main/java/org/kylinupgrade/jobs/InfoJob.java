package org.kylinupgrade.jobs;

import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseRdds;
import org.kylinupgrade.journal.JournaledRun;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.journal.RunNames;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;
import org.kylinupgrade.pipeline.Phase;
import org.kylinupgrade.pipeline.SparkContexts;
import org.kylinupgrade.pipeline.SparkFolders;
import org.kylinupgrade.pipeline.UpgradePipeline;
import org.kylinupgrade.pipeline.UpgradeReport;
import org.kylinupgrade.report.Console;
import org.kylinupgrade.report.ConversionFindings;
import org.kylinupgrade.rules.RowsRead;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.rules.v15.Versions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What is there: counts per resource type, and whether it is v1 (an upgrade to the {@code --to} release would change
 * something) or already that release's format.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show what the metadata table (or a folder) holds: counts per resource type, whether it is v1 or "
        + "already in the format of the --to release, what an upgrade to it would change.")
public final class InfoJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Option(names = "--from-folder", paramLabel = "DIR", description = "look at a metadata folder instead of the table")
  String fromFolder;

  @Option(names = "--to", paramLabel = "RELEASE",
      description = "the Kylin release an upgrade would write the format of: 1.5 (default) or 1.4-alpha")
  String to;

  @Mixin
  MaxCombinationOption maxCombination = new MaxCombinationOption();

  public static void main(String[] args) {
    JobCommandLine.main(new InfoJob(), args);
  }

  @Override
  public Integer call() throws Exception {
    Console console = cluster.console();
    UpgradeTarget target = UpgradeJob.target(to);
    int limit = maxCombination.forTarget(target);
    try (SparkContexts spark = SparkContexts.open("kylin-upgrade info", cluster.master())) {
      if (fromFolder != null) {
        Configuration conf = new Configuration();
        JavaRDD<Resource> resources;
        Map<String, Long> counts;
        try (Phase.Running phase = Phase.READ_FOLDER.start(spark.context(), console)) {
          resources = SparkFolders.read(spark.context(), fromFolder, conf).cache();
          counts = UpgradePipeline.countByType(resources);
        }
        show(console, "folder " + fromFolder, target, limit, counts, resources, spark);
      } else {
        try (HBaseCluster hbase = cluster.connect()) {
          String table = cluster.metadataUrl().tableName();
          org.kylinupgrade.hbase.TableAdmin admin = hbase.admin();
          if (!admin.exists(table) || !admin.isEnabled(table)) {
            // a swap that stopped half-way: say so, and what brings the table back
            console.warn("table " + table + (admin.exists(table) ? " is DISABLED" : " does not exist")
                + ": its resources cannot be read");
            showHistory(console, new RunJournal(hbase.historyTable(RunNames.historyTable(cluster.metadataUrl()))), false);
            return ExitCodes.NEEDS_OPERATOR;
          }
          hbase.openStore(cluster.metadataUrl()).close();
          // every row is counted from its key; only the resources the rules read are read whole
          Map<String, Long> counts;
          try (Phase.Running phase = Phase.READ_TABLE.start(spark.context(), console)) {
            counts = new java.util.TreeMap<>(HBaseRdds.paths(spark.context(), hbase,
                cluster.metadataUrl().tableName()).map(ResourcePaths::typeOf).countByValue());
          }
          show(console, "table " + cluster.metadataUrl().tableName(), target, limit, counts, HBaseRdds.readTable(spark.context(), hbase,
              cluster.metadataUrl().tableName(), cluster.metadataUrl(), RowsRead.forUpgrade(target, false), null), spark);
          showHistory(console, new RunJournal(hbase.historyTable(RunNames.historyTable(cluster.metadataUrl()))), true);
        }
      }
    }
    return ExitCodes.OK;
  }

  /** Flyway's history view: every recorded run, where an unfinished one stands, who holds the lock. */
  private static void showHistory(Console console, RunJournal journal, boolean liveHealthy)
      throws java.io.IOException {
    java.util.List<Run> runs = journal.history();
    if (runs.isEmpty()) {
      console.info("run history: none");
      if (!liveHealthy) {
        console.warn("no run is recorded: restore the table with `kylin-upgrade rollback --snapshot NAME` "
            + "or `kylin-upgrade rollback --from-folder DIR`");
      }
      return;
    }
    console.info("run history (" + journal.table().name() + "):");
    for (Run run : runs) {
      console.infof("  %-24s %-8s %-14s last step %-20s started %s finished %s%s", run.id(), run.command(),
          run.status(), run.step(), run.started(), run.finished() == null ? "-" : run.finished(),
          run.backupSnapshot() == null ? "" : " backup " + run.backupSnapshot());
    }
    java.util.Optional<Run> unfinished = journal.unfinished();
    if (unfinished.isPresent()) {
      Run run = unfinished.get();
      String where = !liveHealthy ? "the live table is not enabled (a swap stopped half-way)"
          : run.is("hybrid") ? "it may have written part of its changes"
          : run.step().swapStarted() ? "the swap had begun"
          : "the live table is untouched";
      console.warn("UNFINISHED: " + run + "; " + where + ": " + JournaledRun.nextCommand(run));
    } else if (!liveHealthy) {
      console.warn("no run is unfinished: restore the table with `kylin-upgrade rollback` (the last change's "
          + "backup) or `kylin-upgrade rollback --snapshot NAME`");
    }
    java.util.Optional<org.kylinupgrade.journal.RunLock.Holder> holder =
        new org.kylinupgrade.journal.RunLock(journal.table()).holder();
    if (holder.isPresent()) {
      org.kylinupgrade.journal.RunLock.Holder h = holder.get();
      console.warn("LOCK: held by " + h + (h.alive() ? " (running)" : "; its process is gone: `kylin-upgrade "
          + "resume` or `kylin-upgrade rollback` take it over, `kylin-upgrade unlock --run " + h.run + "` clears it"));
    }
  }

  private void show(Console console, String source, UpgradeTarget target, int limit, Map<String, Long> counts,
      JavaRDD<Resource> resources, SparkContexts spark) throws java.io.IOException {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    console.info(source + ": " + total + " resources");
    counts.forEach((type, n) -> console.infof("  %-20s %6d", type, n));
    UpgradePipeline.ConversionResult conversion;
    long labelled;
    try (Phase.Running phase = Phase.CONVERT.start(spark.context(), console)) {
      conversion = UpgradePipeline.convert(spark.context(), resources,
          UpgradeOptions.of(System.currentTimeMillis(), target).withMaxCombination(limit));
      labelled = target == UpgradeTarget.V1_5 ? conversion.versionLabelled.count() : 0;
    }
    long changed = conversion.changes.size() + labelled;
    boolean current = changed == 0;
    String format = formatName(target);
    console.info("upgrade target: Kylin " + target.label());
    if (current) {
      console.outcome("metadata version: " + format + " (nothing would change)");
    } else {
      console.outcome("metadata version: v1 (an upgrade to " + target.label() + " would change " + changed
          + " resources)");
      org.kylinupgrade.report.Summary wouldChange = new org.kylinupgrade.report.Summary("changes");
      conversion.changes.forEach(c -> wouldChange.add(ConversionFindings.kind(c.kind()),
          "  would change " + c.path() + ": " + String.join("; ", c.reasons())));
      wouldChange.printInfo(console, ConversionFindings.where(cluster.reportFile(), null));
      if (labelled > 0) {
        console.info("  " + labelled + " more would only get the version label " + Versions.UPGRADED);
      }
    }
    if (!conversion.unloadable.isEmpty()) {
      console.warn(conversion.unloadable.size() + " resources " + target.release() + " cannot load:");
      conversion.unloadable.forEach(p -> console.warn("  " + p.path() + ": " + p.reason()));
    }
    UpgradeReport report = new UpgradeReport("info", source, null, 0L, true).upgradeTarget(target).counts(counts)
        .conversion(conversion.changes, conversion.unloadable, conversion.warnings);
    if (target == UpgradeTarget.V1_5) {
      report.versionLabelled(labelled);
    }
    report.outcome(current ? format : "v1", ExitCodes.OK).writeTo(cluster.reportFile());
    conversion.release();
    resources.unpersist(false);
  }

  /** What metadata the target's upgrade leaves unchanged is called: "1.5", or "v2" (1.4-alpha's format). */
  static String formatName(UpgradeTarget target) {
    return target == UpgradeTarget.V1_5 ? target.label() : "v2";
  }
}
