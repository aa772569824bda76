package org.kylinupgrade.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** What the figures depend on: cores and how busy the machine was. */
final class Machine {
  private Machine() {
  }

  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * CPU time so far of this process's threads in ms ({@code /proc/self/task}), summed by thread name without its
   * number: the JVM's compiler and collector threads are there too, which no Java API reports; empty where there is no
   * {@code /proc}.
   */
  static Map<String, Long> threadCpuMillis() {
    Map<String, Long> byName = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        try {
          String name = Files.readString(task.resolve("comm")).trim().replaceAll("[#\\-]?[0-9]+$", "").trim();
          String stat = Files.readString(task.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          byName.merge(name, ticks * 10, Long::sum);
        } catch (IOException | RuntimeException e) {
          // a thread that ended while it was read
        }
      }
    } catch (IOException e) {
      // no /proc here: nothing to report
    }
    return byName;
  }

  /** {@code after} − {@code before} by name, the largest first, those of at least {@code minMillis}. */
  static String cpuDelta(Map<String, Long> before, Map<String, Long> after, long minMillis) {
    StringBuilder out = new StringBuilder();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() >= minMillis)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .forEach(e -> out.append(out.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
    return out.toString();
  }

  /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or "n/a". */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
