package org.kylinupgrade.coprocessor;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** What happened to one table: its coprocessors before and after, whether it was enabled, and any error. */
public final class TableOutcome implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final Status status;
  private final boolean enabledBefore;
  private final boolean enabledAfter;
  private final List<CoprocessorEntry> before;
  private final List<CoprocessorEntry> after;
  private final List<String> changes;
  private final String error;

  public TableOutcome(String table, Status status, boolean enabledBefore, boolean enabledAfter,
      List<CoprocessorEntry> before, List<CoprocessorEntry> after, List<String> changes, String error) {
    this.table = table;
    this.status = status;
    this.enabledBefore = enabledBefore;
    this.enabledAfter = enabledAfter;
    this.before = before;
    this.after = after;
    this.changes = changes;
    this.error = error;
  }

  public String table() {
    return table;
  }

  public Status status() {
    return status;
  }

  public boolean enabledBefore() {
    return enabledBefore;
  }

  public boolean enabledAfter() {
    return enabledAfter;
  }

  public List<CoprocessorEntry> before() {
    return before;
  }

  public List<CoprocessorEntry> after() {
    return after;
  }

  public List<String> changes() {
    return changes;
  }

  public String error() {
    return error;
  }

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
    return new TableOutcome(table, Status.MISSING, false, false, Collections.emptyList(), Collections.emptyList(),
        Collections.emptyList(),
        "table " + table + " is named by a READY segment in the metadata but does not exist in HBase");
  }

  /** Not touched at all: enabled or not, the table is as it was. */
  public static TableOutcome notAttempted(String table, String reason) {
    return new TableOutcome(table, Status.FAILED, false, false, Collections.emptyList(), Collections.emptyList(),
        Collections.emptyList(), "table " + table + ": not attempted: " + reason);
  }

  public static TableOutcome skipped(String table, List<CoprocessorEntry> current) {
    return new TableOutcome(table, Status.SKIPPED, true, true, current, current, Collections.emptyList(), null);
  }

  public boolean failed() {
    return status == Status.FAILED;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TableOutcome)) {
      return false;
    }
    TableOutcome other = (TableOutcome) o;
    return Objects.equals(table, other.table)
        && Objects.equals(status, other.status)
        && enabledBefore == other.enabledBefore
        && enabledAfter == other.enabledAfter
        && Objects.equals(before, other.before)
        && Objects.equals(after, other.after)
        && Objects.equals(changes, other.changes)
        && Objects.equals(error, other.error);
  }

  /** The hash of a record of these components, so that hash-ordered collections keep their order. */
  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(table);
    h = 31 * h + Objects.hashCode(status);
    h = 31 * h + Boolean.hashCode(enabledBefore);
    h = 31 * h + Boolean.hashCode(enabledAfter);
    h = 31 * h + Objects.hashCode(before);
    h = 31 * h + Objects.hashCode(after);
    h = 31 * h + Objects.hashCode(changes);
    h = 31 * h + Objects.hashCode(error);
    return h;
  }

  @Override
  public String toString() {
    return "TableOutcome[table=" + table + ", status=" + status + ", enabledBefore=" + enabledBefore
        + ", enabledAfter=" + enabledAfter + ", before=" + before + ", after=" + after + ", changes=" + changes
        + ", error=" + error + "]";
  }
}
