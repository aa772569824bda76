package org.kylinupgrade.jobs;

/** A journaled run stopped half-way: the operator must resume or roll back (exit code 3). */
public class NeedsOperatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NeedsOperatorException(String message) {
    super(message);
  }
}
