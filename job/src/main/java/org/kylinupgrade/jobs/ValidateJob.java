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
import org.kylinupgrade.pipeline.SparkContexts;
import org.kylinupgrade.pipeline.SparkFolders;
import org.kylinupgrade.pipeline.UpgradePipeline;
import org.kylinupgrade.pipeline.ValidationPipeline;
import org.kylinupgrade.validate.Finding;
import org.kylinupgrade.validate.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Checks v2 metadata (the table, or a folder) and reports every problem; exit 4 when there is any. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check v2 metadata in the table (or a folder): every cube's desc exists, every desc's model and "
        + "tables exist and Kylin v2.0 can load it, signatures match the content, engine/storage ids are valid, no "
        + "sharded desc serves v1 segments, projects and hybrids list existing realizations.",
        "Every problem is reported (exit 4 when there is any)."})
public final class ValidateJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Option(names = "--from-folder", paramLabel = "DIR", description = "check a metadata folder instead of the table")
  String fromFolder;

  public static void main(String[] args) {
    JobCommandLine.main(new ValidateJob(), args);
  }

  @Override
  public Integer call() throws Exception {
    if (fromFolder != null) {
      Configuration conf = new Configuration();
      MetadataFolders.requireMetadataFolder(fromFolder, conf, "--from-folder");
      try (SparkContexts spark = SparkContexts.open("kylin-upgrade validate", cluster.master())) {
        return validate("folder " + fromFolder, SparkFolders.read(spark.context(), fromFolder, conf), spark);
      }
    }
    try (HBaseCluster hbase = cluster.connect()) {
      hbase.openStore(cluster.metadataUrl()).close();
      try (SparkContexts spark = SparkContexts.open("kylin-upgrade validate", cluster.master())) {
        return validate("table " + cluster.metadataUrl().tableName(),
            HBaseRdds.read(spark.context(), hbase, cluster.metadataUrl()), spark);
      }
    }
  }

  private int validate(String source, JavaRDD<Resource> resources, SparkContexts spark) throws IOException {
    resources.cache();
    try {
      Map<String, Long> counts = UpgradePipeline.countByType(resources);
      List<Finding> findings = ValidationPipeline.validate(spark.context(), resources);
      long total = counts.values().stream().mapToLong(Long::longValue).sum();
      System.out.println(source + ": " + total + " resources");
      findings.forEach(f -> System.out.println("  " + f));
      int exit = findings.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
      if (findings.isEmpty()) {
        System.out.println("no problems found");
      } else {
        System.out.println(findings.size() + " problems: " + ValidationReport.countByKind(findings));
      }
      new ValidationReport(source, counts, findings, exit).writeTo(cluster.reportFile());
      return exit;
    } finally {
      resources.unpersist(false);
    }
  }
}
