package org.kylinupgrade.journal;

/** A journaled run failed and the live table is as it was (put back, or never touched): exit 1, the message says why. */
public class RunFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
