package org.kylinupgrade.bench;

import java.util.ArrayList;
import java.util.List;

/** The rows a benchmark run adds to BENCHMARKS.md's table: measure | baseline | ours | ratio | command. */
final class ResultRows {
  private final String command;
  private final List<String> rows = new ArrayList<>();
  private final List<String> verdicts = new ArrayList<>();

  ResultRows(String command) {
    this.command = command;
  }

  /** One row; {@code atMost} true when the target is an upper bound on the ratio, false for a lower bound. */
  void add(String measure, String baseline, String ours, double ratio, double target, boolean atMost) {
    boolean met = atMost ? ratio <= target : ratio >= target;
    rows.add(String.format("| %s | %s | %s | %.2f | `%s` |", measure, baseline, ours, ratio, command));
    verdicts.add(String.format("%s: %.2f (target %s %.1f: %s)", measure, ratio, atMost ? "<=" : ">=", target,
        met ? "met" : "NOT met"));
  }

  /** A row without a target. */
  void addDiagnostic(String measure, String baseline, String ours, double ratio) {
    rows.add(String.format("| %s | %s | %s | %.2f | `%s` |", measure, baseline, ours, ratio, command));
  }

  void print() {
    System.out.println("| measure | baseline | ours | ratio | command |");
    System.out.println("|---|---|---|---|---|");
    rows.forEach(System.out::println);
    verdicts.forEach(System.out::println);
  }
}
