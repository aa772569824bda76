package org.kylinupgrade.metadata;

/** Input the operator must fix (a resource, a folder, a table): exit code 2, nothing written. */
public class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The bad-input exception in {@code e}'s cause chain (Spark wraps what its tasks throw), or null. */
  public static BadInputException in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BadInputException) {
        return (BadInputException) t;
      }
    }
    return null;
  }
}
