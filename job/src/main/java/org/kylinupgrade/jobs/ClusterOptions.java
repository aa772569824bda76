package org.kylinupgrade.jobs;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.report.Console;
import picocli.CommandLine.Option;

/** Where the metadata is: the global options every command accepts, before or after its name. */
public final class ClusterOptions {
  @Option(names = "--metadata-url", paramLabel = "URL", defaultValue = MetadataUrl.DEFAULT,
      description = "Kylin's kylin.metadata.url; TABLE@hbase names the HTable (default: ${DEFAULT-VALUE})")
  String metadataUrl;

  @Option(names = "--hbase-site", paramLabel = "FILE",
      description = "an hbase-site.xml to use (else $HBASE_CONF_DIR/hbase-site.xml)")
  String hbaseSite;

  @Option(names = "--zookeeper", paramLabel = "HOST:PORT", description = "HBase's ZooKeeper quorum, overriding the hbase-site")
  String zookeeper;

  @Option(names = "--working-dir", paramLabel = "URI",
      description = "Kylin's kylin.hdfs.working.dir (big cells, coprocessor jars); default: from the hbase-site, else /kylin on the default FS")
  String workingDir;

  @Option(names = "--keyvalue-maxsize", paramLabel = "BYTES",
      description = "Kylin's kylin.hbase.client.keyvalue.maxsize: larger resources live in files under the working dir (default: from the hbase-site, else 10485760)")
  Long maxCellSize;

  @Option(names = "--master", paramLabel = "MASTER", defaultValue = "local[*]",
      description = "Spark master for the jobs (default: ${DEFAULT-VALUE})")
  String master;

  @Option(names = "--report", paramLabel = "FILE", description = "write the run's JSON report there")
  String report;

  @Option(names = "--quiet", description = "print only warnings, errors and the outcome line")
  boolean quiet;

  @Option(names = "--verbose", description = "print everything: what the run does, every change, and details")
  boolean verbose;

  public MetadataUrl metadataUrl() {
    return MetadataUrl.parse(metadataUrl);
  }

  public Configuration hbaseConfiguration() {
    Configuration conf = HBaseCluster.configuration(hbaseSite, zookeeper);
    if (maxCellSize != null) {
      conf.setLong(HBaseCluster.MAX_CELL_SIZE_KEY, maxCellSize);
    }
    return conf;
  }

  /** Connects (bounded: an unreachable cluster fails within about 30 s). */
  public HBaseCluster connect() throws IOException {
    return HBaseCluster.connect(hbaseConfiguration(), workingDir);
  }

  /** These options as a command line, to run another job against the same cluster. */
  public java.util.List<String> asArguments() {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.Arrays.asList("--metadata-url", metadataUrl, "--master", master));
    if (hbaseSite != null) {
      args.addAll(java.util.Arrays.asList("--hbase-site", hbaseSite));
    }
    if (zookeeper != null) {
      args.addAll(java.util.Arrays.asList("--zookeeper", zookeeper));
    }
    if (workingDir != null) {
      args.addAll(java.util.Arrays.asList("--working-dir", workingDir));
    }
    if (maxCellSize != null) {
      args.addAll(java.util.Arrays.asList("--keyvalue-maxsize", maxCellSize.toString()));
    }
    if (quiet) {
      args.add("--quiet");
    }
    if (verbose) {
      args.add("--verbose");
    }
    return args;
  }

  /** Where the command's messages go, at the level of {@code --quiet} / {@code --verbose}. */
  public Console console() {
    return Console.standard(Console.level(quiet, verbose));
  }

  public String master() {
    return master;
  }

  public String reportFile() {
    return report;
  }
}
