package org.kylinupgrade.jobs;

import java.util.concurrent.Callable;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hybrid.HybridIds;
import org.kylinupgrade.rules.UpgradeTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Extends a cube that has segments into a hybrid, as Kylin's {@code ExtendCubeToHybridCLI} does, on the upgraded
 * metadata table, in the format of the release {@code --to} names (Kylin 1.5.4.1's tool by default, or 1.4-alpha's):
 * all or nothing.
 */
@Command(name = "hybrid", mixinStandardHelpOptions = true,
    description = {"Extend a cube that has segments into a hybrid (Kylin's ExtendCubeToHybridCLI), on upgraded "
        + "metadata: the segments move into <cube>_old (with its own copy of the desc, still engine 0 / storage 0), "
        + "the cube itself becomes empty and moves to engine 2 / storage 2, and a hybrid <cube>_hybrid of the two "
        + "joins the project; the cube's ACL entries are copied to <cube>_old.",
        "The table is snapshotted first; a failure puts every resource and the ACL table back as they were."})
public final class HybridJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Option(names = "--project", paramLabel = "P", required = true, description = "the project the hybrid joins")
  String project;

  @Option(names = "--cube", paramLabel = "C", required = true, description = "the cube to extend; it must have segments")
  String cube;

  @Option(names = "--partition-date", paramLabel = "DATE",
      description = "where to split, GMT: with --to 1.5 yyyy-MM-dd, yyyy-MM-dd HH:mm:ss[.SSS], yyyyMMdd or epoch ms; "
          + "with --to 1.4-alpha also the model's partition date format; it must be the end of the cube's last "
          + "segment, the default (Kylin accepts no other)")
  String partitionDate;

  @Option(names = "--to", paramLabel = "RELEASE",
      description = "the Kylin release whose format the table is in and whose tool to reproduce: 1.5 (default; "
          + "Kylin 1.5.4.1) or 1.4-alpha")
  String to;

  @Mixin
  MaxCombinationOption maxCombination = new MaxCombinationOption();

  /** Random uuids and the clock; fixed in tests. */
  HybridIds ids = HybridIds.SYSTEM;

  public static void main(String[] args) {
    JobCommandLine.main(new HybridJob(), args);
  }

  @Override
  public Integer call() throws Exception {
    UpgradeTarget target = UpgradeJob.target(to);
    int limit = maxCombination.forTarget(target);
    try (HBaseCluster hbase = cluster.connect()) {
      return new LiveHybrid(hbase, cluster.metadataUrl(), ids, cluster.reportFile(), cluster.console())
          .run(target, limit, project, cube, partitionDate);
    }
  }
}
