package org.kylinupgrade.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Many lines of one sort (the changes of a run, its warnings) as the terminal shows them: a run over a large
 * metadata table changes hundreds of thousands of resources, and a line for each is more than anyone reads. At the
 * default level the terminal gets the count per kind, the first {@link #SHOWN} entries and how many more there are
 * and where they all are; with {@code --verbose} every entry. An entry is one or more lines (a change and the
 * properties it drops).
 */
public final class Summary {
  /** How many entries the default level prints. */
  public static final int SHOWN = 20;

  private final String noun;
  private final Map<String, Integer> byKind = new TreeMap<String, Integer>();
  private final List<List<String>> entries = new ArrayList<List<String>>();

  /** A summary of {@code noun} ("changes", "warnings"): the word its count line and its "more" line use. */
  public Summary(String noun) {
    this.noun = noun;
  }

  /** One entry of {@code kind} (a word: "cube desc", "model"), printed as {@code lines}. */
  public Summary add(String kind, String... lines) {
    return add(kind, Arrays.asList(lines));
  }

  public Summary add(String kind, List<String> lines) {
    Integer n = byKind.get(kind);
    byKind.put(kind, n == null ? 1 : n + 1);
    entries.add(Collections.unmodifiableList(new ArrayList<String>(lines)));
    return this;
  }

  public int size() {
    return entries.size();
  }

  /**
   * The lines to print: nothing when empty; else the count per kind ("changes: 3 (2 cube desc, 1 model)"), then every
   * entry when {@code all}, else the first {@link #SHOWN} and "... N more" with {@code where} they all are (e.g. "in
   * the report r.json"); {@code where} {@code null} says how to get them instead, {@code ""} only that
   * {@code --verbose} prints them.
   */
  public List<String> lines(boolean all, String where) {
    List<String> out = new ArrayList<String>();
    if (entries.isEmpty()) {
      return out;
    }
    out.add(countLine());
    int shown = all ? entries.size() : Math.min(SHOWN, entries.size());
    for (int i = 0; i < shown; i++) {
      out.addAll(entries.get(i));
    }
    int more = entries.size() - shown;
    if (more > 0) {
      out.add("  ... " + more + " more " + noun + (where == null
          ? ": pass --verbose to print them all, or --report FILE to write them"
          : (where.isEmpty() ? "" : " " + where) + " (--verbose prints them all)"));
    }
    return out;
  }

  /** "changes: 3 (2 cube desc, 1 model)"; the kind is left out when there is only one. */
  String countLine() {
    StringBuilder line = new StringBuilder(noun).append(": ").append(entries.size());
    if (byKind.size() > 1 || !byKind.containsKey("")) {
      List<String> parts = new ArrayList<String>();
      for (Map.Entry<String, Integer> kind : byKind.entrySet()) {
        parts.add(kind.getValue() + " " + kind.getKey());
      }
      line.append(" (").append(String.join(", ", parts)).append(')');
    }
    return line.toString();
  }

  /** Prints {@link #lines} as information: all with {@code --verbose}, a summary by default, nothing with {@code --quiet}. */
  public void printInfo(Console console, String where) {
    if (console.level() == Console.Level.QUIET) {
      return;
    }
    for (String line : lines(console.level() == Console.Level.VERBOSE, where)) {
      console.info(line);
    }
  }

  /** Prints {@link #lines} as warnings, at every level: all with {@code --verbose}, else a summary. */
  public void printWarnings(Console console, String where) {
    for (String line : lines(console.level() == Console.Level.VERBOSE, where)) {
      console.warn(line);
    }
  }
}
