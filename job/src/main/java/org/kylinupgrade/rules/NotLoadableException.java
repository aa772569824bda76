package org.kylinupgrade.rules;

/** Kylin v2 would fail to load (bind or initialise) the resource; the message says why. */
final class NotLoadableException extends Exception {
  private static final long serialVersionUID = 1L;

  NotLoadableException(String reason) {
    super(reason, null, false, false);
  }
}
