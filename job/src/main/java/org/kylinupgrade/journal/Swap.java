package org.kylinupgrade.journal;

import java.io.IOException;
import java.util.Collections;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseRdds;
import org.kylinupgrade.hbase.TableAdmin;
import org.kylinupgrade.metadata.BigCellFiles;

/**
 * The journaled swap of the live table and its undo. The live name holds the complete old table (maybe disabled),
 * then (only between {@link Step#SWAP_DISABLED} and {@link Step#SWAP_CLONED}) nothing, then the complete new
 * table. Every table operation looks at the table's state first, so a run that stopped anywhere (in a step or
 * between a step and its journal entry) can be finished or undone; each is preceded by a failure point
 * {@code <phase>:<operation>} (see {@link FailurePoints}).
 */
public final class Swap {
  /** What goes with the table when it is replaced (big-cell files, side tables); run again after a crash. */
  @FunctionalInterface
  public interface SideEffect {
    void apply() throws IOException;
  }

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

  /**
   * The upgrade's swap, from wherever {@code run} stopped: the staging table is snapshotted, then put in place of
   * the live table with its big-cell files; returns the run at {@link Step#SWAP_VERIFIED}.
   */
  public Run finish(Run run) throws IOException {
    return finish(run, "swap");
  }

  /** {@link #finish(Run)} with the failure points of {@code phase} ({@code <phase>:snapshot}, …). */
  public Run finish(Run run, String phase) throws IOException {
    if (run.step().compareTo(Step.SWAP_SNAPSHOT_TAKEN) < 0) {
      FailurePoints.reached(phase + ":snapshot");
      admin.deleteSnapshotIfExists(names.newSnapshot());
      admin.snapshot(names.stagingTable(), names.newSnapshot());
      run = journal.step(run, Step.SWAP_SNAPSHOT_TAKEN, Collections.singletonMap(Run.NEW_SNAPSHOT, names.newSnapshot()));
    }
    final Run swapping = run;
    return replaceLive(run, phase, () -> files.moveIntoPlace(swapping.bigCells(),
        names.stagedBigCells(cluster.workingDir()), names.backedUpBigCells(cluster.workingDir())));
  }

  /** Records that {@code snapshot} (which exists already) is what the swap puts in place; a rollback's swap. */
  public Run begin(Run run, String snapshot) throws IOException {
    if (run.step().compareTo(Step.SWAP_SNAPSHOT_TAKEN) < 0) {
      run = journal.step(run, Step.SWAP_SNAPSHOT_TAKEN, Collections.singletonMap(Run.NEW_SNAPSHOT, snapshot));
    }
    return run;
  }

  /**
   * Puts the run's {@link Run#newSnapshot()} in place of the live table, from wherever the run stopped after
   * {@link Step#SWAP_SNAPSHOT_TAKEN}: disable, drop, clone, enable, {@code sideEffect}, then the live table is
   * compared with the snapshot through their manifests before the run may declare success.
   */
  public Run replaceLive(Run run, String phase, SideEffect sideEffect) throws IOException {
    String live = names.liveTable();
    String snapshot = run.newSnapshot();
    if (snapshot == null) {
      throw new IllegalStateException(run + " has no snapshot to put in place");
    }
    long windowStart = System.nanoTime();
    if (run.step().compareTo(Step.SWAP_DISABLED) < 0) {
      FailurePoints.reached(phase + ":disable");
      admin.disableIfEnabled(live);
      FailurePoints.reached(phase + ":disabled");
      run = journal.step(run, Step.SWAP_DISABLED);
    }
    if (run.step().compareTo(Step.SWAP_DROPPED) < 0) {
      FailurePoints.reached(phase + ":drop");
      admin.dropIfExists(live);
      FailurePoints.reached(phase + ":dropped");
      run = journal.step(run, Step.SWAP_DROPPED);
    }
    if (run.step().compareTo(Step.SWAP_CLONED) < 0) {
      if (!admin.exists(live)) {
        FailurePoints.reached(phase + ":clone");
        admin.cloneSnapshot(snapshot, live);
      }
      FailurePoints.reached(phase + ":enable");
      admin.enableIfDisabled(live);
      long windowMs = (System.nanoTime() - windowStart) / 1_000_000;
      run = journal.step(run, Step.SWAP_CLONED, Collections.singletonMap(Run.SWAP_WINDOW_MS, Long.toString(windowMs)));
    }
    if (run.step().compareTo(Step.SWAP_BIG_CELLS_MOVED) < 0) {
      FailurePoints.reached(phase + ":big-cells");
      sideEffect.apply();
      run = journal.step(run, Step.SWAP_BIG_CELLS_MOVED);
    }
    if (run.step().compareTo(Step.SWAP_VERIFIED) < 0) {
      FailurePoints.reached(phase + ":verify");
      verifyLiveHolds(snapshot);
      run = journal.step(run, Step.SWAP_VERIFIED);
    }
    return run;
  }

  /** The live table is enabled and its files are the snapshot's (compared through the manifests). */
  private void verifyLiveHolds(String snapshot) throws IOException {
    String live = names.liveTable();
    if (!liveHealthy()) {
      throw new IllegalStateException("table " + live + " is not enabled after the swap");
    }
    String check = names.verifySnapshot();
    admin.deleteSnapshotIfExists(check);
    admin.snapshot(live, check);
    try {
      TableAdmin.ManifestStats expected = admin.manifestStats(snapshot);
      TableAdmin.ManifestStats actual = admin.manifestStats(check);
      if (!expected.sameFilesAs(actual)) {
        throw new IllegalStateException("table " + live + " does not match snapshot " + snapshot + ": " + actual
            + " instead of " + expected);
      }
    } finally {
      admin.deleteSnapshotIfExists(check);
    }
  }

  /**
   * Puts the live table back as it was before {@code run}'s swap, from any state the swap stopped in: a live table
   * that exists before {@link Step#SWAP_DROPPED} is the original and is only enabled again; otherwise whatever
   * stands under the live name is dropped and the run's backup snapshot cloned. The big-cell files the run moved
   * go back. Ends with the live table enabled, or throws.
   */
  public void undo(Run run) throws IOException {
    String live = names.liveTable();
    String backup = run.backupSnapshot();
    if (run.step().liveIsOriginalIfPresent() && admin.exists(live)) {
      FailurePoints.reached("undo:enable");
      admin.enableIfDisabled(live);
    } else if (backup != null) {
      if (!admin.snapshotExists(backup)) {
        throw new IOException("backup snapshot " + backup + " of " + run + " does not exist");
      }
      FailurePoints.reached("undo:drop");
      admin.dropIfExists(live);
      FailurePoints.reached("undo:clone");
      admin.cloneSnapshot(backup, live);
      admin.enableIfDisabled(live);
    } else {
      // no backup: the live table did not exist before the run; what the run put there goes
      admin.dropIfExists(live);
      return;
    }
    if (run.step().compareTo(Step.SWAP_CLONED) >= 0) { // big-cell files are only touched after the clone
      FailurePoints.reached("undo:big-cells");
      files.restore(run.bigCells(), names.stagedBigCells(cluster.workingDir()), names.backedUpBigCells(cluster.workingDir()));
    }
    if (!liveHealthy()) {
      throw new IOException("table " + live + " is still not enabled after putting it back");
    }
  }

  /** The live table exists and is enabled. */
  public boolean liveHealthy() throws IOException {
    return admin.exists(names.liveTable()) && admin.isEnabled(names.liveTable());
  }

  /**
   * Drops what the run created for itself: staging table, new, dry-run and verification snapshots, staged
   * big-cell files, Spark's restore folder, and (unless {@code keepBigCellBackup}) the run's folder. The run's own
   * backup snapshot goes only when {@code dropBackup}, the run never began its swap and the live table is
   * enabled; otherwise it is kept, since it may be the only copy of the table. Returns a note when a backup that
   * was to go is kept.
   */
  public String cleanUp(Run run, boolean keepBigCellBackup, boolean dropBackup) throws IOException {
    admin.dropIfExists(names.stagingTable());
    admin.deleteSnapshotIfExists(names.newSnapshot());
    admin.deleteSnapshotIfExists(names.dryRunSnapshot());
    admin.deleteSnapshotIfExists(names.verifySnapshot());
    files.deleteDir(names.stagedBigCells(cluster.workingDir()));
    if (!keepBigCellBackup) {
      files.deleteDir(names.runDir(cluster.workingDir()));
    }
    HBaseRdds.deleteRestoreDir(cluster, names.runId());
    String backup = run.backupSnapshot();
    if (!dropBackup || backup == null || !backup.equals(names.backupSnapshot())) {
      return null;
    }
    if (!run.step().swapStarted() && liveHealthy()) {
      admin.deleteSnapshotIfExists(backup);
      return null;
    }
    return "backup snapshot " + backup + " is kept: table " + names.liveTable() + " is not verified as healthy";
  }
}
