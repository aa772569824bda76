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
}
