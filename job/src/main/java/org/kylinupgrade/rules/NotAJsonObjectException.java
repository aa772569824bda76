package org.kylinupgrade.rules;

/**
 * A resource whose bytes are not a JSON object at all (not JSON, empty, or another JSON value). Parseable JSON
 * that Kylin v2 merely cannot bind or initialise is not bad input but "unloadable" (see {@link GroupResult}).
 */
public final class NotAJsonObjectException extends org.kylinupgrade.metadata.BadInputException {
  private static final long serialVersionUID = 1L;

  private final String path;

  public NotAJsonObjectException(String path, String problem, Throwable cause) {
    super(path + ": " + problem, cause);
    this.path = path;
  }

  public String path() {
    return path;
  }
}
