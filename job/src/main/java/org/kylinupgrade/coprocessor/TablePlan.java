package org.kylinupgrade.coprocessor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one table needs: Kylin's procedure removes every Kylin coprocessor (v1 and v2 names) and attaches the
 * wanted set; other coprocessors stay. A table that already carries exactly the wanted set (same classes, jar,
 * priorities, no parameters) and is enabled needs nothing.
 */
public final class TablePlan {
  private static final Comparator<CoprocessorEntry> ORDER = Comparator.comparing(CoprocessorEntry::className)
      .thenComparing(e -> String.valueOf(e.jarPath())).thenComparingInt(CoprocessorEntry::priority)
      .thenComparing(e -> e.parameters().toString());

  private final List<CoprocessorEntry> before;
  private final List<CoprocessorEntry> toRemove;
  private final List<CoprocessorEntry> toAdd;
  private final boolean wasEnabled;

  private TablePlan(List<CoprocessorEntry> before, List<CoprocessorEntry> toRemove, List<CoprocessorEntry> toAdd,
      boolean wasEnabled) {
    this.before = before;
    this.toRemove = toRemove;
    this.toAdd = toAdd;
    this.wasEnabled = wasEnabled;
  }

  public static TablePlan of(List<CoprocessorEntry> before, boolean enabled, List<CoprocessorEntry> wanted) {
    List<CoprocessorEntry> kylin = before.stream().filter(CoprocessorEntry::isKylin).toList();
    boolean right = sorted(kylin).equals(sorted(wanted));
    return new TablePlan(List.copyOf(before), right ? List.of() : kylin, right ? List.of() : List.copyOf(wanted), enabled);
  }

  private static List<CoprocessorEntry> sorted(List<CoprocessorEntry> entries) {
    List<CoprocessorEntry> copy = new ArrayList<>(entries);
    copy.sort(ORDER);
    return copy;
  }

  /** The coprocessors need changing (a disabled table with the right set only needs enabling). */
  public boolean changesCoprocessors() {
    return !toAdd.isEmpty();
  }

  public boolean needsEnabling() {
    return !wasEnabled;
  }

  public boolean alreadyRight() {
    return !changesCoprocessors() && !needsEnabling();
  }

  public List<CoprocessorEntry> before() {
    return before;
  }

  public List<CoprocessorEntry> toRemove() {
    return toRemove;
  }

  public List<CoprocessorEntry> toAdd() {
    return toAdd;
  }

  /** The table's coprocessors once the plan is applied: the non-Kylin ones, then the wanted set. */
  public List<CoprocessorEntry> after() {
    if (!changesCoprocessors()) {
      return before;
    }
    List<CoprocessorEntry> after = new ArrayList<>(before.stream().filter(e -> !e.isKylin()).toList());
    after.addAll(toAdd);
    return after;
  }

  /** The changes in words, one item per line. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    toRemove.forEach(e -> lines.add("remove " + e));
    toAdd.forEach(e -> lines.add("add " + e));
    if (needsEnabling()) {
      lines.add("enable (the table is disabled)");
    }
    return lines;
  }
}
