package org.kylinupgrade.journal;

/**
 * The journaled steps of a live upgrade, in order. A run that stopped is resumed from the step after the
 * last one recorded; the live table is only touched from {@link #SWAP_DISABLED} on.
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
  RECORDED;

  /** Whether the live table may have been touched: from here on only resume or rollback finish the run. */
  public boolean swapStarted() {
    return compareTo(SWAP_DISABLED) >= 0;
  }
}
