package org.kylinupgrade.journal;

/**
 * The journaled steps of a run that changes the live table, in order (each command journals the ones it has). A
 * run that stopped is resumed from the step after the last one recorded. From {@link #SWAP_SNAPSHOT_TAKEN} on the
 * snapshot to put in place is recorded and the live table may be disabled, dropped or replaced.
 */
public enum Step {
  STARTED,
  BACKED_UP,
  STAGED,
  VERIFIED,
  WRITERS_CHECKED,
  SWAP_SNAPSHOT_TAKEN,
  SWAP_DISABLED,
  SWAP_DROPPED,
  SWAP_CLONED,
  SWAP_BIG_CELLS_MOVED,
  SWAP_VERIFIED,
  RECORDED;

  /**
   * Whether the live table may have been touched: from here on only resume or rollback finish the run. The live
   * table is disabled right after {@link #SWAP_SNAPSHOT_TAKEN} is journaled, so a run that stopped there may have
   * left it disabled.
   */
  public boolean swapStarted() {
    return compareTo(SWAP_SNAPSHOT_TAKEN) >= 0;
  }

  /**
   * Whether a live table that exists is the original one (maybe disabled): the clone is only made after
   * {@link #SWAP_DROPPED} is journaled.
   */
  public boolean liveIsOriginalIfPresent() {
    return compareTo(SWAP_DROPPED) < 0;
  }
}
