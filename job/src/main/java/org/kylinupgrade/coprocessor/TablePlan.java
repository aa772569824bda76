package org.kylinupgrade.coprocessor;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.kylinupgrade.util.Immutables;

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
    List<CoprocessorEntry> kylin = Collections.unmodifiableList(
        before.stream().filter(CoprocessorEntry::isKylin).collect(Collectors.toList()));
    boolean right = comparable(kylin).equals(comparable(wanted));
    List<CoprocessorEntry> none = Collections.emptyList();
    return new TablePlan(Immutables.copyOfList(before), right ? none : kylin,
        right ? none : Immutables.copyOfList(wanted), enabled);
  }

  private static List<CoprocessorEntry> comparable(List<CoprocessorEntry> entries) {
    List<CoprocessorEntry> copy = new ArrayList<>();
    for (CoprocessorEntry e : entries) {
      copy.add(new CoprocessorEntry(e.className(), sameJarForm(e.jarPath()), e.priority(), e.parameters()));
    }
    copy.sort(ORDER);
    return copy;
  }

  /** {@code file:///x} and {@code file:/x} name the same jar (Hadoop writes the second, URIs the first). */
  static String sameJarForm(String jar) {
    if (jar == null) {
      return null;
    }
    try {
      URI uri = new URI(jar);
      if (uri.getScheme() != null && (uri.getAuthority() == null || uri.getAuthority().isEmpty()) && uri.getPath() != null) {
        return uri.getScheme() + ":" + uri.getPath();
      }
    } catch (URISyntaxException e) {
      // not a URI: compared as written
    }
    return jar;
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
    List<CoprocessorEntry> after = before.stream().filter(e -> !e.isKylin()).collect(Collectors.toList());
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
