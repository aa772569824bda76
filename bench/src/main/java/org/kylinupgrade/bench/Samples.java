package org.kylinupgrade.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Repeated wall-clock timings of one measure, in seconds. */
final class Samples {
  private final List<Double> seconds = new ArrayList<>();

  void add(long nanos) {
    seconds.add(nanos / 1e9);
  }

  double median() {
    if (seconds.isEmpty()) {
      throw new IllegalStateException("no samples");
    }
    List<Double> sorted = seconds.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** "1.23, 1.31, 1.27" in the order measured. */
  String all() {
    return seconds.stream().map(s -> String.format("%.2f", s)).collect(Collectors.joining(", "));
  }
}
