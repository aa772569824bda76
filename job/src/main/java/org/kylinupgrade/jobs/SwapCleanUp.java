package org.kylinupgrade.jobs;

/**
 * The two choices a job makes when it cleans up after a run ({@code Swap.cleanUp(run, keepBigCellBackup,
 * dropBackup)}), named where they are made.
 */
final class SwapCleanUp {
  /** The big-cell files the run replaced stay in its folder: a rollback of a finished run puts them back. */
  static final boolean KEEP_BIG_CELL_BACKUP = true;
  /** The run's folder goes with everything in it. */
  static final boolean DROP_BIG_CELL_BACKUP = false;
  /** The run's backup snapshot goes too, when the run never began its swap and the live table is healthy. */
  static final boolean DROP_BACKUP_SNAPSHOT = true;
  /** The run's backup snapshot stays (a rollback point, or the only copy of the table). */
  static final boolean KEEP_BACKUP_SNAPSHOT = false;

  private SwapCleanUp() {
  }
}
