package org.kylinupgrade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.hbase.RegionMetrics;
import org.apache.hadoop.hbase.ServerName;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.kylinupgrade.hbase.BenchClient;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.TableAdmin;
import org.kylinupgrade.journal.RunNames;
import org.kylinupgrade.metadata.MetadataUrl;

/**
 * The rollback from a snapshot at a big table ÷ at a small one: {@code kylin-upgrade rollback --snapshot SNAP
 * --metadata-url T@hbase --hbase-site F}, the whole command in a fresh JVM, where SNAP is the backup snapshot of one
 * upgrade of the table.
 *
 * <p>Each table is cloned from its seed and upgraded once (the upgrade command); the upgraded table and its run
 * history are then snapshotted by the bench, so that before every rollback the same state is put back: the live
 * table and the history table cloned from those snapshots, the snapshots and tables of earlier rollbacks dropped,
 * the upgrade's backup snapshot kept. The sizes alternate run by run.
 *
 * <p>To show that the rollback reads no rows, the read requests the region server counted on the restored live table
 * are printed after each run (the table is a fresh clone, so they start at zero), and the snapshot-manifest
 * comparison the rollback verifies with ({@link TableAdmin#manifestStats}) is timed on its own in this JVM.
 */
final class RollbackBench {
  private static final String LIVE_STATE = "_rbstate_live";
  private static final String HISTORY_STATE = "_rbstate_hist";
  /** The region server reports its metrics to the master every 3 s by default. */
  private static final long METRICS_SETTLE_MS = 4_000;
  private static final Pattern STEP = Pattern.compile("RunJournal: run \\S+: ([A-Z_]+) \\((\\d+) ms\\)");

  private final BenchHBase hbase;
  private final SeedTables seeds;
  private final LiveUpgradeCommand upgrade;
  private final Path cli;
  private final Path logs;
  private final Map<String, String> backups = new LinkedHashMap<>();

  RollbackBench(BenchHBase hbase, SeedTables seeds, LiveUpgradeCommand upgrade, Path cli, Path logs) {
    this.hbase = hbase;
    this.seeds = seeds;
    this.upgrade = upgrade;
    this.cli = cli;
    this.logs = logs;
  }

  /** Median wall-clock seconds of the rollbacks of {@code big} and {@code small}, measured alternately. */
  record Result(Samples big, Samples small, List<String> notes) {
  }

  Result run(MetadataTable big, MetadataTable small, int repeats) throws Exception {
    for (MetadataTable t : List.of(big, small)) {
      prepare(t);
    }
    List<String> notes = new ArrayList<>();
    for (MetadataTable t : List.of(big, small)) {
      notes.add(manifestTiming(t));
    }
    Samples bigTimes = new Samples();
    Samples smallTimes = new Samples();
    for (int r = 1; r <= repeats; r++) {
      bigTimes.add(rollback(big, r, notes));
      smallTimes.add(rollback(small, r, notes));
    }
    return new Result(bigTimes, smallTimes, notes);
  }

  /** The table cloned from its seed, upgraded once, and its upgraded state kept in two snapshots of the bench. */
  private void prepare(MetadataTable table) throws Exception {
    seeds.reset(table);
    LiveUpgradeCommand.Outcome o = upgrade.upgrade(table, logs.resolve("rollback-upgrade-" + table.name() + ".log"));
    System.out.printf("rollback: %s upgraded in %.1f s (%,d rewritten), backup snapshot %s; load %s%n", table.name(),
        o.seconds(), o.rewritten(), o.backupSnapshot(), Machine.loadAverage());
    backups.put(table.name(), o.backupSnapshot());
    TableAdmin admin = hbase.cluster().admin();
    for (String[] kept : new String[][] {{table.name(), table.name() + LIVE_STATE},
        {history(table), table.name() + HISTORY_STATE}}) {
      admin.deleteSnapshotIfExists(kept[1]);
      admin.snapshot(kept[0], kept[1]);
    }
  }

  /**
   * Puts back the upgraded state: drops what earlier rollbacks made (their fail-safe snapshots and any table of a
   * run), clones the upgraded live table and its history; the upgrade's backup snapshot stays.
   */
  private void restoreState(MetadataTable table) throws IOException {
    HBaseCluster cluster = hbase.cluster();
    TableAdmin admin = cluster.admin();
    String backup = backups.get(table.name());
    String runPrefix = table.name() + "_upg_";
    for (TableAdmin.SnapshotInfo s : admin.snapshots(runPrefix)) {
      if (!s.name.equals(backup)) {
        admin.deleteSnapshotIfExists(s.name);
      }
    }
    try (Admin raw = BenchClient.connection(cluster).getAdmin()) {
      for (TableName leftOver : raw.listTableNames(Pattern.compile(Pattern.quote(runPrefix) + ".*"))) {
        admin.dropIfExists(leftOver.getNameAsString());
      }
    }
    admin.dropIfExists(history(table));
    admin.cloneSnapshot(table.name() + HISTORY_STATE, history(table));
    admin.dropIfExists(table.name());
    admin.cloneSnapshot(table.name() + LIVE_STATE, table.name());
  }

  private long rollback(MetadataTable table, int r, List<String> notes) throws Exception {
    restoreState(table);
    String backup = backups.get(table.name());
    Path log = logs.resolve("rollback-" + table.name() + "-run" + r + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(List.of(cli.toString(), "rollback", "--snapshot", backup,
        "--metadata-url", table.url(), "--hbase-site", hbase.clientSite().toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    String loadBefore = Machine.loadAverage();
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    long nanos = System.nanoTime() - start;
    if (exit != 0) {
      throw new IllegalStateException("rollback of table " + table.name() + " exited with " + exit + "; see " + log);
    }
    String outcome = ChildJvm.lastLine(log, "table " + table.name() + " restored from snapshot " + backup);
    Thread.sleep(METRICS_SETTLE_MS);
    long[] reads = readRequests(table.name());
    String note = String.format("rollback run %d, %s: %.2f s (journaled steps, ms: %s); read requests on the restored "
        + "table: %,d (filtered %,d); load %s before, %s after", r, table.name(), nanos / 1e9, steps(log), reads[0],
        reads[1], loadBefore, Machine.loadAverage());
    System.out.println(note);
    System.out.println("  " + outcome);
    notes.add(note);
    return nanos;
  }

  /** The steps the run journaled with their times, e.g. "BACKED_UP 1092, SWAP_DISABLED 908", from its log. */
  private static String steps(Path log) throws IOException {
    List<String> steps = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      java.util.regex.Matcher m = STEP.matcher(line);
      if (m.find()) {
        steps.add(m.group(1) + " " + m.group(2));
      }
    }
    return String.join(", ", steps);
  }

  /** Read and filtered-read requests the region server has counted on the table's regions. */
  private long[] readRequests(String table) throws IOException {
    long reads = 0;
    long filtered = 0;
    try (Admin admin = BenchClient.connection(hbase.cluster()).getAdmin()) {
      for (ServerName server : admin.getRegionServers()) {
        for (RegionMetrics region : admin.getRegionMetrics(server, TableName.valueOf(table))) {
          reads += region.getReadRequestCount();
          filtered += region.getFilteredReadRequestCount();
        }
      }
    }
    return new long[] {reads, filtered};
  }

  /** What the rollback's verification compares (the backup's manifest statistics), timed in this JVM. */
  private String manifestTiming(MetadataTable table) throws IOException {
    TableAdmin admin = hbase.cluster().admin();
    String backup = backups.get(table.name());
    admin.manifestStats(backup); // first call: class loading
    long start = System.nanoTime();
    TableAdmin.ManifestStats stats = admin.manifestStats(backup);
    String note = String.format("manifest statistics of %s (%s): %.1f ms", backup, stats,
        (System.nanoTime() - start) / 1e6);
    System.out.println(note);
    return note;
  }

  private static String history(MetadataTable table) {
    return RunNames.historyTable(MetadataUrl.parse(table.url()));
  }
}
