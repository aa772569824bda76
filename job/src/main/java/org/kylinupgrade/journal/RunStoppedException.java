package org.kylinupgrade.journal;

/** A journaled run stopped half-way (or could not be put back): the operator must resume or roll back (exit 3). */
public class RunStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunStoppedException(String message) {
    super(message);
  }
}
