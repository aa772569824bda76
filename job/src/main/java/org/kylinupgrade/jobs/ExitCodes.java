package org.kylinupgrade.jobs;

/** The operator's exit codes (the command-line contract). */
public final class ExitCodes {
  /** Done. */
  public static final int OK = 0;
  /** Failed, and the live table is as it was; also an unreachable cluster. */
  public static final int FAILED = 1;
  /** Bad usage or bad input; nothing changed. */
  public static final int BAD_INPUT = 2;
  /** A journaled run stopped half-way: resume or rollback. */
  public static final int NEEDS_OPERATOR = 3;
  /** Finished with problems that the report lists. */
  public static final int PROBLEMS = 4;

  private ExitCodes() {
  }
}
