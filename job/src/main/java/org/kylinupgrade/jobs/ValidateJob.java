package org.kylinupgrade.jobs;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseRdds;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.pipeline.Phase;
import org.kylinupgrade.pipeline.SparkContexts;
import org.kylinupgrade.pipeline.SparkFolders;
import org.kylinupgrade.pipeline.UpgradePipeline;
import org.kylinupgrade.pipeline.ValidationPipeline;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.validate.Finding;
import org.kylinupgrade.validate.ValidationReport;
import org.kylinupgrade.report.Console;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Checks upgraded metadata (the table, or a folder) against the loading rules of the {@code --to} release and reports
 * every problem; exit 4 when there is any.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check upgraded metadata in the table (or a folder) as the --to release loads it: every cube's "
        + "desc exists, every desc's model and tables exist and that release can load it (for 1.5 its aggregation "
        + "groups too), signatures match the content, engine/storage ids are valid, no sharded desc serves v1 "
        + "segments, projects and hybrids list existing realizations; for 1.5, every JSON resource carries the "
        + "version label of Kylin 1.5's upgrade.",
        "Every problem is reported (exit 4 when there is any)."})
public final class ValidateJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Option(names = "--from-folder", paramLabel = "DIR", description = "check a metadata folder instead of the table")
  String fromFolder;

  @Option(names = "--to", paramLabel = "RELEASE",
      description = "the Kylin release whose loading rules apply: 1.5 (default) or 1.4-alpha")
  String to;

  @Mixin
  MaxCombinationOption maxCombination = new MaxCombinationOption();

  public static void main(String[] args) {
    JobCommandLine.main(new ValidateJob(), args);
  }

  @Override
  public Integer call() throws Exception {
    UpgradeTarget target = UpgradeJob.target(to);
    int limit = maxCombination.forTarget(target);
    if (fromFolder != null) {
      Configuration conf = new Configuration();
      MetadataFolders.requireMetadataFolder(fromFolder, conf, "--from-folder");
      try (SparkContexts spark = SparkContexts.open("kylin-upgrade validate", cluster.master())) {
        return validate("folder " + fromFolder, Phase.READ_FOLDER, target, limit, SparkFolders.read(spark.context(), fromFolder, conf),
            spark);
      }
    }
    try (HBaseCluster hbase = cluster.connect()) {
      hbase.openStore(cluster.metadataUrl()).close();
      try (SparkContexts spark = SparkContexts.open("kylin-upgrade validate", cluster.master())) {
        return validate("table " + cluster.metadataUrl().tableName(), Phase.READ_TABLE, target, limit,
            HBaseRdds.read(spark.context(), hbase, cluster.metadataUrl()), spark);
      }
    }
  }

  private int validate(String source, Phase read, UpgradeTarget target, int limit, JavaRDD<Resource> resources,
      SparkContexts spark) throws IOException {
    Console console = cluster.console();
    resources.cache();
    try {
      Map<String, Long> counts;
      try (Phase.Running phase = read.start(spark.context(), console)) {
        counts = UpgradePipeline.countByType(resources);
      }
      List<Finding> findings;
      try (Phase.Running phase = Phase.VALIDATE.start(spark.context(), console)) {
        findings = ValidationPipeline.validate(spark.context(), resources, target, limit);
      }
      long total = 0;
      for (long n : counts.values()) {
        total += n;
      }
      console.info(source + ": " + total + " resources, checked as Kylin " + target.label() + " loads them");
      for (Finding f : findings) {
        console.warn("  " + f);
      }
      int exit = findings.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
      if (findings.isEmpty()) {
        console.outcome("no problems found");
      } else {
        console.outcome(findings.size() + " problems: " + ValidationReport.countByKind(findings));
      }
      new ValidationReport(source, target, counts, findings, exit).writeTo(cluster.reportFile());
      return exit;
    } finally {
      resources.unpersist(false);
    }
  }
}
