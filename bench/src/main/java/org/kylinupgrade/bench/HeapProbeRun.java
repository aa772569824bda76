package org.kylinupgrade.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link HeapProbe} on a metadata table in a fresh JVM with a fixed {@code -Xmx} (GC log next to its log): the
 * peak used heap after GC of the upgrade, and what Spark's cached RDD blocks took then.
 */
final class HeapProbeRun {
  private static final Pattern HEAP_LINE =
      Pattern.compile("^heap: peak after GC (\\d+) MB \\(cached RDD blocks (\\d+) MB\\), at the end (\\d+) MB.*");

  private final Path logs;
  private final Path hbaseSite;
  private final String heap;

  /** One probe's figures, in MB. */
  record Peak(long peakMb, long cachedMb) {
    @Override
    public String toString() {
      return peakMb + " MB (cached RDD blocks " + cachedMb + " MB)";
    }

    static Peak median(List<Peak> peaks) {
      List<Peak> sorted = new ArrayList<>(peaks);
      sorted.sort(Comparator.comparingLong(Peak::peakMb));
      return sorted.get(sorted.size() / 2);
    }

    /** "183 MB (cached RDD blocks 111 MB)", or the median and every run. */
    static String all(List<Peak> peaks) {
      if (peaks.size() == 1) {
        return peaks.get(0).toString();
      }
      List<String> each = new ArrayList<>();
      peaks.forEach(p -> each.add(p.toString()));
      return median(peaks).peakMb() + " MB median (" + String.join("; ", each) + ")";
    }
  }

  HeapProbeRun(Path logs, Path hbaseSite, String heap) {
    this.logs = logs;
    this.hbaseSite = hbaseSite;
    this.heap = heap;
  }

  String heap() {
    return heap;
  }

  /** Upgrades {@code table} (already reset to v1) under the probe; {@code r} numbers the run's log files. */
  Peak probe(MetadataTable table, int r) throws IOException, InterruptedException {
    String name = "live-heap-" + table.name() + "-run" + r;
    Path log = logs.resolve(name + ".log");
    ChildJvm jvm = new ChildJvm(heap, List.of("-Xlog:gc:file=" + logs.resolve(name + ".gc.log")));
    long nanos = jvm.run(HeapProbe.class, List.of("--metadata-url", table.url(), "--hbase-site", hbaseSite.toString()),
        log);
    String line = ChildJvm.lastLine(log, "heap: ");
    Matcher m = HEAP_LINE.matcher(line);
    if (!m.matches()) {
      throw new IllegalStateException("unexpected line in " + log + ": " + line);
    }
    System.out.printf("heap run %d, %s: %s (run %.1f s); load %s%n", r, table.name(), line, nanos / 1e9,
        Machine.loadAverage());
    return new Peak(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
  }
}
