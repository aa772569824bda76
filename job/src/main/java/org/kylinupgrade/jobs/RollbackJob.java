package org.kylinupgrade.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.journal.RunLock;
import org.kylinupgrade.journal.RunNames;
import org.kylinupgrade.journal.Swap;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.MetadataUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Restores the metadata table from the backup snapshot of the last run that changed it (or a named
 * snapshot), with the big-cell files that run replaced. The current table is snapshotted first, so the
 * rollback can itself be undone. Works after a completed run and after one that stopped half-way.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Restore the metadata table as it was before the upgrade (default: the backup snapshot of the last "
        + "run that changed it).")
public final class RollbackJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Option(names = "--snapshot", paramLabel = "NAME", description = "restore this snapshot instead")
  String snapshot;

  public static void main(String[] args) {
    JobCommandLine.main(new RollbackJob(), args);
  }

  @Override
  public Integer call() throws Exception {
    MetadataUrl url = cluster.metadataUrl();
    try (HBaseCluster hbase = cluster.connect()) {
      RunJournal journal = new RunJournal(hbase.historyTable(RunNames.historyTable(url)).ensureExists());
      RunLock lock = new RunLock(journal.table());
      Optional<Run> undone = runToUndo(journal);
      String restorePoint = snapshot != null ? snapshot
          : undone.map(r -> r.get("backup_snapshot")).orElseThrow(() -> new BadInputException(
              "no upgrade of table " + url.tableName() + " is recorded; name the snapshot to restore with --snapshot"));
      if (!hbase.admin().snapshotExists(restorePoint)) {
        throw new BadInputException("snapshot " + restorePoint + " does not exist; `info` lists the recorded runs");
      }
      RunNames rollbackNames = new RunNames(url, RunNames.newRunId());
      String lockOwner = undone.filter(Run::unfinished).map(Run::id).orElse(rollbackNames.runId());
      lock.takeOver(lockOwner);
      try {
        Run rollback = journal.start(rollbackNames.runId(), "rollback", Map.of("restored_snapshot", restorePoint,
            "undone_run", undone.map(Run::id).orElse("")));
        RunNames undoneNames = new RunNames(url, undone.map(Run::id).orElse(rollbackNames.runId()));
        Swap swap = new Swap(hbase, journal, undoneNames);
        String failsafe = swap.restore(undone.orElse(null), restorePoint);
        swap.cleanUp(false);
        if (undone.isPresent()) {
          journal.finish(undone.get(), Run.Status.ROLLED_BACK, Map.of("rolled_back_by", rollbackNames.runId()));
        }
        journal.finish(rollback, Run.Status.DONE, failsafe == null ? Map.of() : Map.of("failsafe_snapshot", failsafe));
        System.out.printf("table %s restored from snapshot %s%s%n", url.tableName(), restorePoint,
            failsafe == null ? "" : "; what it held before is kept in snapshot " + failsafe);
      } finally {
        lock.release(lockOwner);
      }
    }
    return ExitCodes.OK;
  }

  /** The named snapshot's run, else an unfinished run, else the last run that changed the table. */
  private Optional<Run> runToUndo(RunJournal journal) throws java.io.IOException {
    if (snapshot != null) {
      return journal.history().stream().filter(r -> snapshot.equals(r.get("backup_snapshot"))).reduce((a, b) -> b);
    }
    Optional<Run> unfinished = journal.unfinished();
    return unfinished.isPresent() ? unfinished : journal.lastChange();
  }
}
