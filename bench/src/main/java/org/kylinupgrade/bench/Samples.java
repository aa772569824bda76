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

  /**
   * The median of each sample divided by the one {@code other} took in the same round: the same rounds paired, so that
   * a minute in which the machine is slower for both sides counts once.
   */
  double pairedRatioMedian(Samples other) {
    if (seconds.size() != other.seconds.size()) {
      throw new IllegalStateException(seconds.size() + " samples against " + other.seconds.size());
    }
    Samples ratios = new Samples();
    for (int i = 0; i < seconds.size(); i++) {
      ratios.seconds.add(seconds.get(i) / other.seconds.get(i));
    }
    return ratios.median();
  }

  /** "1.23, 1.31, 1.27" in the order measured. */
  String all() {
    return seconds.stream().map(s -> String.format("%.2f", s)).collect(Collectors.joining(", "));
  }
}
