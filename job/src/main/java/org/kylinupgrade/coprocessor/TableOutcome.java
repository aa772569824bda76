package org.kylinupgrade.coprocessor;

import java.io.Serializable;
import java.util.List;

/** What happened to one table: its coprocessors before and after, whether it was enabled, and any error. */
public record TableOutcome(String table, Status status, boolean enabledBefore, boolean enabledAfter,
    List<CoprocessorEntry> before, List<CoprocessorEntry> after, List<String> changes, String error)
    implements Serializable {

  public enum Status {
    /** Already carried exactly the wanted set and was enabled. */
    SKIPPED,
    /** Coprocessors replaced (or a disabled table enabled). */
    CHANGED,
    /** A step failed; {@code error} says which, {@code enabledAfter} whether the table could be re-enabled. */
    FAILED,
    /** Named by the metadata, absent from HBase. */
    MISSING,
    /** Dry run: would be changed as {@code changes} says. */
    WOULD_CHANGE
  }

  public static TableOutcome missing(String table) {
    return new TableOutcome(table, Status.MISSING, false, false, List.of(), List.of(), List.of(),
        "table " + table + " is named by a READY segment in the metadata but does not exist in HBase");
  }

  /** Not touched at all: enabled or not, the table is as it was. */
  public static TableOutcome notAttempted(String table, String reason) {
    return new TableOutcome(table, Status.FAILED, false, false, List.of(), List.of(), List.of(),
        "table " + table + ": not attempted: " + reason);
  }

  public static TableOutcome skipped(String table, List<CoprocessorEntry> current) {
    return new TableOutcome(table, Status.SKIPPED, true, true, current, current, List.of(), null);
  }

  public boolean failed() {
    return status == Status.FAILED;
  }
}
