package org.kylinupgrade.jobs;

import java.util.concurrent.Callable;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.pipeline.SparkContexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Finishes a journaled upgrade or rollback that stopped half-way (taking over the lock of its dead process). */
@Command(name = "resume", mixinStandardHelpOptions = true,
    description = "Finish a journaled upgrade that stopped half-way: redone from its backup snapshot if it stopped "
        + "before the swap, else the swap is completed.")
public final class ResumeJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @picocli.CommandLine.Option(names = "--to", paramLabel = "RELEASE",
      description = "the Kylin release the run upgrades to, as a check: the run goes on to the target it recorded "
          + "and a different one is refused (exit 2)")
  String to;

  public static void main(String[] args) {
    JobCommandLine.main(new ResumeJob(), args);
  }

  @Override
  public Integer call() throws Exception {
    org.kylinupgrade.rules.UpgradeTarget named = to == null ? null : UpgradeJob.target(to);
    LiveUpgrade.Request request = new LiveUpgrade.Request(null, null, null, null, false, false, cluster.reportFile(),
        org.kylinupgrade.rules.UpgradeTarget.DEFAULT, org.kylinupgrade.cuboid.V15Cuboids.DEFAULT_MAX_COMBINATION);
    try (SparkContexts.Opening starting = SparkContexts.openBeside("kylin-upgrade resume", cluster.master());
        HBaseCluster hbase = cluster.connect()) {
      return new LiveUpgrade(hbase, starting::context, cluster.metadataUrl(), request, cluster.console()).resume(named);
    }
  }
}
