package org.kylinupgrade.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live upgrade ({@code kylin-upgrade upgrade} against a real local HBase) measured four ways, each measure's
 * numerator and denominator in the same run:
 * <ul>
 *   <li>independence: the upgrade of a big table (many pass-through rows) ÷ of a table holding only its cube
 *       metadata, and ÷ a plain full copy of the big table ({@link FullCopy}); all whole commands in fresh JVMs;
 *   <li>copy: only the second ratio of independence (the upgrade of the big table ÷ a plain full copy of it);
 *   <li>sequential: Kylin's way ({@link SequentialUpgrader}, in this JVM) ÷ the upgrade command, same table;
 *   <li>swap: the journaled swap window at the big table ÷ at a small one;
 *   <li>heap: the used heap after GC of the upgrade ({@link HeapProbe}, fixed -Xmx) at the big row count ÷ at a small
 *       one, the same cube metadata in both; and, as a diagnostic, with ten times the cube metadata;
 *   <li>rollback: the rollback command from an upgrade's backup snapshot at the big table ÷ at a small one
 *       ({@link RollbackBench}).
 * </ul>
 * Before every run the measured table is re-created from its seed snapshot, so that each run upgrades v1 metadata.
 */
final class LiveBench {
  static final List<String> MEASURES = List.of("independence", "copy", "sequential", "swap", "heap",
      "rollback");
  /** After a full copy (gigabytes written), HBase and the OS get this long to finish writing before the next run. */
  private static final long COPY_SETTLE_MS = 30_000;

  private final Path home;
  private final Path work;
  private final Path cli;
  private final LiveSizes sizes;
  private final String heap;
  private final String upgradeTo;
  private final Map<String, List<LiveUpgradeCommand.Outcome>> upgrades = new LinkedHashMap<>();
  private BenchHBase hbase;
  private SeedTables seeds;
  private LiveUpgradeCommand command;
  private ResultRows results;
  private SyntheticV1Metadata generator;

  /** {@code upgradeTo}: the upgrade command's {@code --to} release, or null for its default. */
  LiveBench(Path home, Path work, Path cli, LiveSizes sizes, String heap, String upgradeTo) {
    this.upgradeTo = upgradeTo;
    this.home = home;
    this.work = work;
    this.cli = cli;
    this.sizes = sizes;
    this.heap = heap;
  }

  void run(List<String> measures, int repeats, int port, boolean keepHBase, String commandLine) throws Exception {
    for (String m : measures) {
      if (!MEASURES.contains(m)) {
        throw new IllegalArgumentException("unknown measure '" + m + "'; known: " + String.join(",", MEASURES));
      }
    }
    generator = new SyntheticV1Metadata(home);
    results = new ResultRows(commandLine);
    try (BenchHBase started = BenchHBase.start(work.resolve("live-hbase"), port, keepHBase)) {
      hbase = started;
      seeds = new SeedTables(hbase, generator);
      try {
        for (MetadataTable table : tablesFor(measures)) {
          seeds.ensure(table);
        }
      } finally {
        seeds.close();
      }
      command = new LiveUpgradeCommand(cli, hbase.clientSite(),
          upgradeTo == null ? List.of() : List.of("--to", upgradeTo));
      String loadBefore = Machine.loadAverage();
      for (String measure : measures) {
        switch (measure) {
          case "independence" -> independence(repeats);
          case "copy" -> copy(repeats);
          case "sequential" -> sequential(repeats);
          case "swap" -> swap(repeats);
          case "rollback" -> rollback(repeats);
          default -> heap(repeats);
        }
      }
      System.out.println();
      System.out.printf("live: local HBase, %d cores, %d run(s) per figure (median), load average %s before, %s "
          + "after%n", Machine.cores(), repeats, loadBefore, Machine.loadAverage());
      results.print();
    }
  }

  private Set<MetadataTable> tablesFor(List<String> measures) {
    Set<MetadataTable> tables = new LinkedHashSet<>();
    for (String m : measures) {
      switch (m) {
        case "independence" -> {
          tables.add(sizes.big());
          tables.add(sizes.bigMetadataOnly());
        }
        case "copy" -> tables.add(sizes.big());
        case "rollback" -> {
          tables.add(sizes.big());
          tables.add(sizes.rollbackSmall());
        }
        case "sequential" -> tables.add(sizes.sequential());
        case "swap" -> {
          tables.add(sizes.big());
          tables.add(sizes.swapSmall());
        }
        default -> {
          tables.add(sizes.heapSmall());
          tables.add(sizes.heapBig());
          tables.add(sizes.big());
        }
      }
    }
    return tables;
  }

  private void independence(int repeats) throws Exception {
    MetadataTable big = sizes.big();
    MetadataTable small = sizes.bigMetadataOnly();
    Samples bigTimes = new Samples();
    Samples smallTimes = new Samples();
    Samples copyTimes = new Samples();
    for (int r = 1; r <= repeats; r++) {
      bigTimes.add(upgrade(big, "independence", r).nanos());
      smallTimes.add(upgrade(small, "independence", r).nanos());
      copyTimes.add(fullCopy(big, r));
    }
    requireSameRewrites(big, small);
    String bigLabel = label(big);
    String smallLabel = label(small);
    results.add(String.format("live upgrade, whole command: %s ÷ %s (the same cube metadata alone)", bigLabel,
        smallLabel), seconds(smallTimes), seconds(bigTimes), bigTimes.median() / smallTimes.median(), 1.3, true);
    results.add(String.format("live upgrade of %s ÷ plain full copy of that table (Spark read, bulk put into a new "
        + "table; whole command)", bigLabel), seconds(copyTimes), seconds(bigTimes),
        bigTimes.median() / copyTimes.median(), 0.3, true);
  }

  private void copy(int repeats) throws Exception {
    MetadataTable big = sizes.big();
    Samples bigTimes = new Samples();
    Samples copyTimes = new Samples();
    for (int r = 1; r <= repeats; r++) {
      bigTimes.add(upgrade(big, "upgrade-vs-copy", r).nanos());
      copyTimes.add(fullCopy(big, r));
    }
    results.add(String.format("live upgrade of %s ÷ plain full copy of that table (Spark read, bulk put into a new "
        + "table; whole command)", label(big)), seconds(copyTimes), seconds(bigTimes),
        bigTimes.median() / copyTimes.median(), 0.3, true);
  }

  private void rollback(int repeats) throws Exception {
    MetadataTable big = sizes.big();
    MetadataTable small = sizes.rollbackSmall();
    RollbackBench.Result r = new RollbackBench(hbase, seeds, command, cli, work.resolve("logs")).run(big, small,
        repeats);
    results.add(String.format("rollback --snapshot (an upgrade's backup snapshot), whole command: %s ÷ %s",
        label(big), label(small)), seconds(r.small()), seconds(r.big()), r.big().median() / r.small().median(), 2,
        true);
  }

  private void swap(int repeats) throws Exception {
    MetadataTable big = sizes.big();
    MetadataTable small = sizes.swapSmall();
    List<LiveUpgradeCommand.Outcome> bigRuns = upgrades.getOrDefault(big.name(), List.of());
    for (int r = bigRuns.size() + 1; r <= repeats; r++) {
      upgrade(big, "swap", r);
    }
    for (int r = 1; r <= repeats; r++) {
      upgrade(small, "swap", r);
    }
    Samples bigWindows = swapWindows(big);
    Samples smallWindows = swapWindows(small);
    results.add(String.format("swap window (live table absent, journal's swap_window_ms): %s ÷ %s", label(big),
        label(small)), millis(small, smallWindows), millis(big, bigWindows),
        bigWindows.median() / smallWindows.median(), 1.5, true);
  }

  private void sequential(int repeats) throws Exception {
    MetadataTable table = sizes.sequential();
    SequentialUpgrader kylinWay = new SequentialUpgrader(hbase.cluster());
    Samples baseline = new Samples();
    Samples ours = new Samples();
    for (int r = 1; r <= repeats; r++) {
      seeds.reset(table);
      SequentialUpgrader.Outcome b = kylinWay.upgrade(table.name());
      System.out.printf("sequential run %d, %s: %.1f s (%s), %,d resources read, %,d rewritten, %d refused; load "
          + "%s%n", r, table.name(), b.seconds(), b.phases(), b.read(), b.rewritten(), b.refused(),
          Machine.loadAverage());
      if (b.refused() > 0) {
        throw new IllegalStateException(b.refused() + " checkAndMutate calls were refused on an idle table");
      }
      baseline.add(b.nanos());
      LiveUpgradeCommand.Outcome o = upgrade(table, "sequential", r);
      if (o.rewritten() != b.rewritten()) {
        throw new IllegalStateException("the upgrade rewrote " + o.rewritten() + " resources, the sequential "
            + "baseline " + b.rewritten());
      }
      ours.add(o.nanos());
    }
    results.add(String.format("Kylin's way done fairly (one thread, a Get per resource, a checkAndMutate per "
        + "rewritten one, no cache reloads; in the bench JVM, no JVM start) ÷ live upgrade (whole command), %s",
        label(table)), seconds(baseline), seconds(ours), baseline.median() / ours.median(), 10, false);
  }

  private void heap(int repeats) throws Exception {
    MetadataTable small = sizes.heapSmall();
    MetadataTable big = sizes.heapBig();
    MetadataTable moreMetadata = sizes.big();
    HeapProbeRun probe = new HeapProbeRun(work.resolve("logs"), hbase.clientSite(), heap);
    List<HeapProbeRun.Peak> smallPeaks = new ArrayList<>();
    List<HeapProbeRun.Peak> bigPeaks = new ArrayList<>();
    for (int r = 1; r <= repeats; r++) {
      seeds.reset(small);
      smallPeaks.add(probe.probe(small, r));
      seeds.reset(big);
      bigPeaks.add(probe.probe(big, r));
    }
    HeapProbeRun.Peak smallPeak = HeapProbeRun.Peak.median(smallPeaks);
    HeapProbeRun.Peak bigPeak = HeapProbeRun.Peak.median(bigPeaks);
    seeds.reset(moreMetadata);
    HeapProbeRun.Peak moreMetadataPeak = probe.probe(moreMetadata, 1);
    results.add(String.format("upgrade JVM's peak used heap after GC (-Xmx%s, local[*]: executors included): %s ÷ "
        + "%s", heap, label(big), label(small)), HeapProbeRun.Peak.all(smallPeaks), HeapProbeRun.Peak.all(bigPeaks),
        (double) bigPeak.peakMb() / smallPeak.peakMb(), 1.5, true);
    results.addDiagnostic(String.format("the same, diagnostic: %s ÷ %s", label(moreMetadata), label(big)),
        bigPeak.toString(), moreMetadataPeak.toString(), (double) moreMetadataPeak.peakMb() / bigPeak.peakMb());
  }

  private LiveUpgradeCommand.Outcome upgrade(MetadataTable table, String measure, int r) throws Exception {
    seeds.reset(table);
    Path log = work.resolve("logs/live-" + measure + "-" + table.name() + "-run" + r + ".log");
    LiveUpgradeCommand.Outcome o = command.upgrade(table, log);
    upgrades.computeIfAbsent(table.name(), k -> new ArrayList<>()).add(o);
    System.out.printf("%s run %d, %s: %.1f s, %,d rewritten, swap window %d ms; load %s%n", measure, r, table.name(),
        o.seconds(), o.rewritten(), o.swapWindowMs(), Machine.loadAverage());
    return o;
  }

  private long fullCopy(MetadataTable table, int r) throws Exception {
    seeds.reset(table);
    String copy = table.name() + "_copy";
    hbase.cluster().admin().dropIfExists(copy);
    Path log = work.resolve("logs/live-copy-" + table.name() + "-run" + r + ".log");
    long nanos = new ChildJvm("2g", List.of()).run(FullCopy.class, List.of("--hbase-site",
        hbase.clientSite().toString(), "--from", table.name(), "--to", copy), log);
    String line = ChildJvm.lastLine(log, "copied ");
    long expected = generator.describe(table.shape()).total();
    if (!line.equals("copied " + expected + " rows")) {
      throw new IllegalStateException("full copy of " + table.name() + ": '" + line + "', expected " + expected
          + " rows; see " + log);
    }
    hbase.cluster().admin().dropIfExists(copy);
    Thread.sleep(COPY_SETTLE_MS);
    System.out.printf("copy run %d, %s: %.1f s, %s; load %s%n", r, table.name(), nanos / 1e9, line,
        Machine.loadAverage());
    return nanos;
  }

  private void requireSameRewrites(MetadataTable a, MetadataTable b) {
    long first = upgrades.get(a.name()).get(0).rewritten();
    long second = upgrades.get(b.name()).get(0).rewritten();
    if (first != second) {
      throw new IllegalStateException(a.name() + " had " + first + " resources rewritten, " + b.name() + " "
          + second + ": not the same cube metadata");
    }
  }

  private Samples swapWindows(MetadataTable table) {
    Samples windows = new Samples();
    upgrades.get(table.name()).forEach(o -> windows.add(o.swapWindowMs() * 1_000_000));
    return windows;
  }

  private String label(MetadataTable table) {
    SyntheticV1Metadata.Written w = generator.describe(table.shape());
    return String.format("%,d rows (%,d cube metadata)", w.total(), w.metadata());
  }

  private static String seconds(Samples samples) {
    return samples.all().contains(",") ? String.format("%.1f s (%s)", samples.median(), samples.all())
        : String.format("%.1f s", samples.median());
  }

  private String millis(MetadataTable table, Samples windows) {
    List<String> all = new ArrayList<>();
    upgrades.get(table.name()).forEach(o -> all.add(Long.toString(o.swapWindowMs())));
    return String.format("%.0f ms", windows.median() * 1000) + (all.size() > 1 ? " (" + String.join(", ", all) + ")"
        : "");
  }
}
