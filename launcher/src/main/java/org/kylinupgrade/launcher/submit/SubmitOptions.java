package org.kylinupgrade.launcher.submit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** How a Spark job is submitted: the options every Spark-running command takes besides the job's own. */
public final class SubmitOptions {
  public enum Format { text, json }

  public enum DeployMode { client, cluster }

  @Option(names = "--print-command",
      description = "print the exact spark-submit invocation instead of running it (no SPARK_HOME, HBase or hbase-site needed; "
          + "secret values shown as ******)")
  public boolean printCommand;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "how --print-command prints: a shell line or the same as JSON (default: ${DEFAULT-VALUE})")
  public Format format;

  @Option(names = "--deploy-mode", paramLabel = "client|cluster", defaultValue = "client",
      description = "where the driver runs for a cluster master: here (client) or in the cluster (default: ${DEFAULT-VALUE})")
  public DeployMode deployMode;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "a Spark property for this run, over conf/spark-defaults.conf (repeatable)")
  public Map<String, String> conf = new LinkedHashMap<>();

  @Option(names = "--queue", paramLabel = "QUEUE", description = "the YARN queue")
  public String queue;

  @Option(names = "--principal", paramLabel = "PRINCIPAL", description = "Kerberos principal spark-submit logs in as (with --keytab)")
  public String principal;

  @Option(names = "--keytab", paramLabel = "FILE", description = "the keytab of --principal")
  public String keytab;

  @Option(names = "--jars", split = ",", paramLabel = "JAR,...",
      description = "extra jars for the driver and executors (for example the cluster's HBase client jars)")
  public List<String> jars = new ArrayList<>();

  @Option(names = "--job-jar", paramLabel = "JAR",
      description = "the job jar to submit (default: this installation's kylin-upgrade-job-*-cluster.jar, or its -hbase1-cluster.jar "
          + "for an HBase 1.x cluster)")
  public String jobJar;

  @Option(names = "--hbase-major", paramLabel = "1|2",
      description = "the cluster's HBase major version, which picks the build of the jobs: 1 for HBase 0.98/1.x "
          + "(the -hbase1 jar), 2 for HBase 2.x (default: asked of the cluster, else 2; --print-command: 2). "
          + "A version the cluster does not run is refused")
  public Integer hbaseMajor;

  @Option(names = "--spark-home", paramLabel = "DIR", description = "the Spark installation to submit with (default: $SPARK_HOME)")
  public String sparkHome;

  @Option(names = "--spark-submit",
      description = "submit through spark-submit even for a local master (by default a local[...] master runs in this process)")
  public boolean viaSparkSubmit;
}
