package org.kylinupgrade.jobs;

import java.util.concurrent.Callable;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.journal.RunLock;
import org.kylinupgrade.journal.RunNames;
import org.kylinupgrade.report.Console;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Clears the lock of a run whose process is gone. */
@Command(name = "unlock", mixinStandardHelpOptions = true,
    description = "Clear the run lock of a run whose process is gone (refused while it is alive).")
public final class UnlockJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Option(names = "--run", paramLabel = "ID", required = true, description = "the run id the lock names")
  String runId;

  public static void main(String[] args) {
    JobCommandLine.main(new UnlockJob(), args);
  }

  @Override
  public Integer call() throws Exception {
    Console console = cluster.console();
    try (HBaseCluster hbase = cluster.connect()) {
      new RunLock(hbase.historyTable(RunNames.historyTable(cluster.metadataUrl())).ensureExists()).unlock(runId);
      console.outcome("lock of run " + runId + " cleared; the run's journal is kept: `info` shows where it stands");
    }
    return ExitCodes.OK;
  }
}
