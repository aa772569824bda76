package org.kylinupgrade.journal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.TableAdmin;
import org.kylinupgrade.metadata.BigCellFiles;

/**
 * The journaled swap of the live table and its undo. The live name holds the complete old table, then (only
 * between {@link Step#SWAP_DISABLED} and {@link Step#SWAP_CLONED}) nothing, then the complete new table.
 * Each step checks what is already done, so a run that stopped anywhere can be finished or undone.
 */
public final class Swap {
  private final HBaseCluster cluster;
  private final RunJournal journal;
  private final RunNames names;
  private final TableAdmin admin;
  private final BigCellFiles files;

  public Swap(HBaseCluster cluster, RunJournal journal, RunNames names) {
    this.cluster = cluster;
    this.journal = journal;
    this.names = names;
    this.admin = cluster.admin();
    this.files = new BigCellFiles(cluster.conf(), names.url(), cluster.workingDir());
  }

  public static List<String> bigCells(Run run) {
    String list = run.get("big_cells");
    return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split("\n"));
  }

  /** Finishes the swap from wherever {@code run} stopped; returns the run at {@link Step#SWAP_BIG_CELLS_MOVED}. */
  public Run finish(Run run) throws IOException {
    String live = names.liveTable();
    if (run.step().compareTo(Step.SWAP_SNAPSHOT_TAKEN) < 0) {
      admin.deleteSnapshotIfExists(names.newSnapshot());
      admin.snapshot(names.stagingTable(), names.newSnapshot());
      run = journal.step(run, Step.SWAP_SNAPSHOT_TAKEN, Map.of("new_snapshot", names.newSnapshot()));
    }
    long windowStart = System.nanoTime();
    if (run.step().compareTo(Step.SWAP_DISABLED) < 0) {
      admin.disableIfEnabled(live);
      run = journal.step(run, Step.SWAP_DISABLED);
    }
    if (run.step().compareTo(Step.SWAP_DROPPED) < 0) {
      admin.dropIfExists(live);
      run = journal.step(run, Step.SWAP_DROPPED);
    }
    if (run.step().compareTo(Step.SWAP_CLONED) < 0) {
      if (!admin.exists(live)) {
        admin.cloneSnapshot(names.newSnapshot(), live);
      }
      admin.enableIfDisabled(live);
      long windowMs = (System.nanoTime() - windowStart) / 1_000_000;
      run = journal.step(run, Step.SWAP_CLONED, Map.of("swap_window_ms", Long.toString(windowMs)));
    }
    if (run.step().compareTo(Step.SWAP_BIG_CELLS_MOVED) < 0) {
      files.moveIntoPlace(bigCells(run), names.stagedBigCells(cluster.workingDir()), names.backedUpBigCells(cluster.workingDir()));
      run = journal.step(run, Step.SWAP_BIG_CELLS_MOVED);
    }
    return run;
  }

  /**
   * Puts the live table back as it was in {@code snapshot}, with the big-cell files {@code run} replaced. What
   * the live table holds now is snapshotted first (the fail-safe), so that the rollback itself can be undone.
   */
  public String restore(Run run, String snapshot) throws IOException {
    String live = names.liveTable();
    String failsafe = null;
    if (admin.exists(live)) {
      failsafe = names.failsafeSnapshot();
      admin.deleteSnapshotIfExists(failsafe);
      admin.snapshot(live, failsafe);
      admin.dropIfExists(live);
    }
    admin.cloneSnapshot(snapshot, live);
    if (run != null) {
      files.restore(bigCells(run), names.stagedBigCells(cluster.workingDir()), names.backedUpBigCells(cluster.workingDir()));
    }
    return failsafe;
  }

  /** Drops what a run created for itself (never the backup snapshot: it is the rollback point). */
  public void cleanUp(boolean keepBigCellBackup) throws IOException {
    admin.dropIfExists(names.stagingTable());
    admin.deleteSnapshotIfExists(names.newSnapshot());
    admin.deleteSnapshotIfExists(names.dryRunSnapshot());
    files.deleteDir(names.stagedBigCells(cluster.workingDir()));
    if (!keepBigCellBackup) {
      files.deleteDir(names.runDir(cluster.workingDir()));
    }
  }
}
