package org.kylinupgrade.jobs;

import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseRdds;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.journal.RunNames;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;
import org.kylinupgrade.pipeline.SparkContexts;
import org.kylinupgrade.pipeline.SparkFolders;
import org.kylinupgrade.pipeline.UpgradePipeline;
import org.kylinupgrade.pipeline.UpgradeReport;
import org.kylinupgrade.rules.UpgradeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What is there: counts per resource type, and whether it is v1 (an upgrade would change something) or v2. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show what the metadata table (or a folder) holds: counts per resource type, v1 or v2, what an upgrade would change.")
public final class InfoJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Option(names = "--from-folder", paramLabel = "DIR", description = "look at a metadata folder instead of the table")
  String fromFolder;

  public static void main(String[] args) {
    JobCommandLine.main(new InfoJob(), args);
  }

  @Override
  public Integer call() throws Exception {
    try (SparkContexts spark = SparkContexts.open("kylin-upgrade info", cluster.master())) {
      if (fromFolder != null) {
        Configuration conf = new Configuration();
        JavaRDD<Resource> resources = SparkFolders.read(spark.context(), fromFolder, conf).cache();
        show("folder " + fromFolder, UpgradePipeline.countByType(resources), resources, spark);
      } else {
        try (HBaseCluster hbase = cluster.connect()) {
          hbase.openStore(cluster.metadataUrl()).close();
          // every row is counted from its key; only the resources the rules read are read whole
          Map<String, Long> counts = new java.util.TreeMap<>(HBaseRdds.paths(spark.context(), hbase,
              cluster.metadataUrl().tableName()).map(ResourcePaths::typeOf).countByValue());
          show("table " + cluster.metadataUrl().tableName(), counts, HBaseRdds.readTable(spark.context(), hbase,
              cluster.metadataUrl().tableName(), cluster.metadataUrl(),
              org.kylinupgrade.rules.RowsRead.forUpgrade(org.kylinupgrade.rules.UpgradeTarget.DEFAULT, false), null), spark);
          showHistory(new RunJournal(hbase.historyTable(RunNames.historyTable(cluster.metadataUrl()))));
        }
      }
    }
    return ExitCodes.OK;
  }

  /** Flyway's history view: every recorded run, and where an unfinished one stands. */
  private static void showHistory(RunJournal journal) throws java.io.IOException {
    java.util.List<Run> runs = journal.history();
    if (runs.isEmpty()) {
      System.out.println("run history: none");
      return;
    }
    System.out.println("run history (" + journal.table().name() + "):");
    for (Run run : runs) {
      System.out.printf("  %-24s %-8s %-14s last step %-20s started %s finished %s%s%n", run.id(), run.command(),
          run.status(), run.step(), run.get("started"), run.get("finished") == null ? "-" : run.get("finished"),
          run.get("backup_snapshot") == null ? "" : " backup " + run.get("backup_snapshot"));
    }
    journal.unfinished().ifPresent(run -> System.out.println("UNFINISHED: " + run + (!"upgrade".equals(run.command())
        ? "; it may have written part of its changes: run `kylin-upgrade rollback` to restore its backup snapshot"
        : run.step().swapStarted()
        ? "; the swap had begun: run `kylin-upgrade resume` to finish it or `kylin-upgrade rollback` to undo it"
        : "; the live table is untouched: run `kylin-upgrade resume` to finish it or `kylin-upgrade rollback` to discard it")));
  }

  private void show(String source, Map<String, Long> counts, JavaRDD<Resource> resources, SparkContexts spark)
      throws java.io.IOException {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    System.out.println(source + ": " + total + " resources");
    counts.forEach((type, n) -> System.out.printf("  %-20s %6d%n", type, n));
    UpgradePipeline.Conversion conversion =
        UpgradePipeline.convert(spark.context(), resources, UpgradeOptions.of(System.currentTimeMillis()));
    if (conversion.changes.isEmpty()) {
      System.out.println("metadata version: v2 (an upgrade would change nothing)");
    } else {
      System.out.println("metadata version: v1 (an upgrade would change " + conversion.changes.size() + " resources)");
      conversion.changes.forEach(c -> System.out.println("  would change " + c.path() + ": " + String.join("; ", c.reasons())));
    }
    if (!conversion.unloadable.isEmpty()) {
      System.out.println(conversion.unloadable.size() + " resources Kylin v2.0 cannot load:");
      conversion.unloadable.forEach(p -> System.out.println("  " + p.path() + ": " + p.reason()));
    }
    new UpgradeReport("info", source, null, 0L, true).counts(counts)
        .conversion(conversion.changes, conversion.unloadable, conversion.warnings)
        .outcome(conversion.changes.isEmpty() ? "v2" : "v1", ExitCodes.OK).writeTo(cluster.reportFile());
    conversion.release();
    resources.unpersist(false);
  }
}
