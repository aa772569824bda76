package org.kylinupgrade.jobs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseRdds;
import org.kylinupgrade.hbase.TableAdmin;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.journal.RunLock;
import org.kylinupgrade.journal.RunNames;
import org.kylinupgrade.journal.Step;
import org.kylinupgrade.journal.Swap;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.RowSelection;
import org.kylinupgrade.pipeline.Scope;
import org.kylinupgrade.pipeline.UpgradePipeline;
import org.kylinupgrade.pipeline.UpgradeReport;
import org.kylinupgrade.rules.Problem;
import org.kylinupgrade.rules.RowsRead;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeTarget;

/**
 * The live upgrade of the metadata table: back up (snapshot), read the snapshot, convert, stage into a clone
 * of the snapshot, verify, check for writers, swap (journaled), record. Any failure before the swap leaves the
 * live table untouched and removes what the run created; a failure during the swap restores the backup.
 */
final class LiveUpgrade {
  private final HBaseCluster cluster;
  private final JavaSparkContext sc;
  private final MetadataUrl url;
  private final RunJournal journal;
  private final RunLock lock;
  private final Request request;

  /** What the operator asked for. */
  static final class Request {
    List<String> models = List.of();
    List<String> cubes = List.of();
    List<String> projects = List.of();
    List<String> purgeCubes = List.of();
    boolean keepUnloadable;
    boolean dryRun;
    String reportFile;
    UpgradeTarget target = UpgradeTarget.DEFAULT;
    /** For resume: the target the operator named, to be checked against the run's; null when not named. */
    UpgradeTarget targetNamed;
  }

  LiveUpgrade(HBaseCluster cluster, JavaSparkContext sc, MetadataUrl url, Request request) throws IOException {
    this.cluster = cluster;
    this.sc = sc;
    this.url = url;
    this.request = request;
    this.journal = new RunJournal(cluster.historyTable(RunNames.historyTable(url)).ensureExists());
    this.lock = new RunLock(journal.table());
  }

  int run() throws IOException {
    journal.unfinished().ifPresent(unfinished -> {
      throw new NeedsOperatorException(unfinished + " stopped half-way; finish it with `kylin-upgrade resume` "
          + "or undo it with `kylin-upgrade rollback`");
    });
    cluster.openStore(url).close();
    RunNames names = new RunNames(url, RunNames.newRunId());
    return request.dryRun ? dryRun(names) : upgrade(names);
  }

  private int dryRun(RunNames names) throws IOException {
    TableAdmin admin = cluster.admin();
    admin.snapshot(url.tableName(), names.dryRunSnapshot());
    try {
      Conversion c = convert(names, names.dryRunSnapshot(), System.currentTimeMillis());
      c.release();
      System.out.printf("dry run: %d resources would change in table %s; nothing written%n", c.result.changes.size(),
          url.tableName());
      return c.exitCode(request, "dry run");
    } finally {
      admin.deleteSnapshotIfExists(names.dryRunSnapshot());
      HBaseRdds.deleteRestoreDir(cluster, names.runId());
    }
  }

  private int upgrade(RunNames names) throws IOException {
    lock.acquire(names.runId());
    Run run = journal.start(names.runId(), "upgrade", requestFacts());
    Swap swap = new Swap(cluster, journal, names);
    Run started = run;
    return guarded(started, names, swap, () -> {
      cluster.admin().snapshot(url.tableName(), names.backupSnapshot());
      long snapshotTime = cluster.admin().snapshotInfo(names.backupSnapshot()).orElseThrow().creationTime;
      Run backedUp = journal.step(started, Step.BACKED_UP, Map.of("backup_snapshot", names.backupSnapshot(),
          "backup_time", Long.toString(snapshotTime)));
      return continueFrom(backedUp, names, swap);
    });
  }

  /** A step of work that may fail; see {@link #guarded}. */
  @FunctionalInterface
  private interface RunBody {
    int run() throws IOException;
  }

  /**
   * Runs {@code body} for {@code run} with the one failure rule of this job: a run that fails before its swap
   * began is aborted (the live table was never touched); the lock is released once the run is no longer
   * unfinished, and kept for resume / rollback otherwise.
   */
  private int guarded(Run run, RunNames names, Swap swap, RunBody body) throws IOException {
    try {
      return body.run();
    } catch (RuntimeException | IOException | Error e) {
      Run current = journal.load(names.runId()).orElse(run);
      if (current.unfinished() && !current.step().swapStarted()) {
        abort(current, swap, e);
      }
      throw e;
    } finally {
      Run current = journal.load(names.runId()).orElse(run);
      if (!current.unfinished()) {
        lock.release(names.runId());
      }
    }
  }

  /** Finishes the unfinished run (the lock is taken over): redone from its backup before the swap, else the swap. */
  int resume() throws IOException {
    Run run = journal.unfinished().orElse(null);
    if (run == null) {
      System.out.println("no unfinished run: nothing to resume");
      return ExitCodes.OK;
    }
    if (!"upgrade".equals(run.command())) {
      return closeOtherCommand(run);
    }
    lock.takeOver(run.id());
    RunNames names = new RunNames(url, run.id());
    request.models = list(run.get("models"));
    request.cubes = list(run.get("cubes"));
    request.projects = list(run.get("projects"));
    request.purgeCubes = list(run.get("purge_cubes"));
    request.keepUnloadable = Boolean.parseBoolean(run.get("keep_unloadable"));
    request.target = recordedTarget(run);
    if (request.targetNamed != null && request.targetNamed != request.target) {
      throw new org.kylinupgrade.metadata.BadInputException(run + " upgrades to " + request.target.label()
          + ", not to " + request.targetNamed.label() + "; resume it without --to (or with --to "
          + request.target.label() + "), or undo it with `kylin-upgrade rollback`");
    }
    System.out.println("resuming " + run + " (to Kylin " + request.target.label() + ")");
    Swap swap = new Swap(cluster, journal, names);
    Run stopped = run;
    return guarded(stopped, names, swap, () -> {
      if (stopped.step().compareTo(Step.BACKED_UP) < 0) {
        abort(stopped, swap, new IllegalStateException("stopped before its backup snapshot was taken"));
        System.out.println("run " + stopped.id() + " stopped before its backup: table " + url.tableName()
            + " is untouched; run the upgrade again");
        return ExitCodes.FAILED;
      }
      return continueFrom(stopped, names, swap);
    });
  }

  /**
   * Another command's run (hybrid) is not resumed: before its backup it wrote nothing and is closed here, after it
   * only its snapshot puts the table back.
   */
  private int closeOtherCommand(Run run) throws IOException {
    if (run.step().compareTo(Step.BACKED_UP) >= 0) {
      throw new NeedsOperatorException(run + " stopped half-way and cannot be resumed; undo it with "
          + "`kylin-upgrade rollback` (its backup snapshot " + run.get("backup_snapshot") + "), then run it again");
    }
    lock.takeOver(run.id());
    journal.finish(run, Run.Status.FAILED, Map.of("message", "stopped before it wrote anything"));
    lock.release(run.id());
    System.out.println(run.command() + " run " + run.id() + " stopped before it wrote anything: table "
        + url.tableName() + " is untouched; run it again");
    return ExitCodes.FAILED;
  }

  /** Before the swap the live table is untouched: remove what the run created and record the failure. */
  private void abort(Run run, Swap swap, Throwable cause) throws IOException {
    swap.cleanUp(false);
    if (run.get("backup_snapshot") != null) {
      cluster.admin().deleteSnapshotIfExists(run.get("backup_snapshot"));
    }
    HBaseRdds.deleteRestoreDir(cluster, run.id());
    journal.finish(run, Run.Status.FAILED, Map.of("message", String.valueOf(cause.getMessage())));
  }

  private Map<String, String> requestFacts() {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("table", url.tableName());
    facts.put("version", Version.current());
    facts.put("models", String.join(",", request.models));
    facts.put("cubes", String.join(",", request.cubes));
    facts.put("projects", String.join(",", request.projects));
    facts.put("purge_cubes", String.join(",", request.purgeCubes));
    facts.put("keep_unloadable", Boolean.toString(request.keepUnloadable));
    facts.put("target", request.target.label());
    return facts;
  }

  private static List<String> list(String csv) {
    return csv == null || csv.isEmpty() ? List.of() : List.of(csv.split(","));
  }

  /**
   * Everything after the backup, from the step {@code run} last completed. Shared by a fresh run and by
   * {@code resume}: a run that stopped before the swap is redone from its backup snapshot.
   */
  int continueFrom(Run run, RunNames names, Swap swap) throws IOException {
    if (!run.step().swapStarted()) {
      Conversion c = convert(names, run.get("backup_snapshot"), System.currentTimeMillis());
      if (c.refused(request) || c.result.changes.isEmpty()) {
        c.release();
        int exit = c.exitCode(request, c.result.changes.isEmpty() ? "nothing to do" : "refused: unloadable");
        swap.cleanUp(false);
        cluster.admin().deleteSnapshotIfExists(run.get("backup_snapshot"));
        run = journal.putReport(run, c.report.json().toString());
        journal.finish(run, c.result.changes.isEmpty() ? Run.Status.NOTHING_TO_DO : Run.Status.ABORTED, Map.of());
        System.out.println(c.result.changes.isEmpty()
            ? "table " + url.tableName() + " is already v2: nothing to change, nothing written"
            : "stopped before writing: Kylin v2.0 cannot load the resources above; fix them, or pass --keep-unloadable");
        return exit;
      }
      try {
        run = stage(run, names, c);
        run = verify(run, names, c);
      } finally {
        c.release();
      }
      run = checkWriters(run, names);
      run = journal.putReport(run, c.report.json().toString());
      c.report.outcome("swapping", ExitCodes.OK).writeTo(request.reportFile);
    }
    try {
      run = swap.finish(run);
    } catch (RuntimeException | IOException e) {
      restoreAfterFailedSwap(run, names, swap, e);
      throw new SwapFailedException("the swap failed (" + e.getMessage() + "); table " + url.tableName()
          + " was restored from snapshot " + run.get("backup_snapshot"), e);
    }
    swap.cleanUp(true);
    HBaseRdds.deleteRestoreDir(cluster, names.runId());
    run = journal.step(run, Step.RECORDED);
    run = journal.finish(run, Run.Status.DONE, Map.of());
    System.out.printf("upgraded table %s (run %s): %s resources rewritten; backup snapshot %s; swap window %s ms%n",
        url.tableName(), run.id(), run.get("changed"), run.get("backup_snapshot"), run.get("swap_window_ms"));
    return Boolean.parseBoolean(run.get("kept_unloadable")) ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }

  private void restoreAfterFailedSwap(Run run, RunNames names, Swap swap, Exception cause) {
    try {
      swap.restore(run, run.get("backup_snapshot"));
      swap.cleanUp(false);
      journal.finish(run, Run.Status.ROLLED_BACK, Map.of("message", "swap failed: " + cause.getMessage()));
    } catch (IOException | RuntimeException again) {
      cause.addSuppressed(again);
      throw new NeedsOperatorException("the swap failed (" + cause.getMessage() + ") and so did the automatic restore ("
          + again.getMessage() + "); run `kylin-upgrade rollback` (or `resume`)");
    }
  }

  /** The conversion of one snapshot and its report. */
  private static final class Conversion {
    final UpgradePipeline.Conversion result;
    final UpgradeReport report;
    final Map<String, Long> countsRead;
    private final JavaRDD<Resource> snapshotRows;

    Conversion(UpgradePipeline.Conversion result, UpgradeReport report, Map<String, Long> countsRead,
        JavaRDD<Resource> snapshotRows) {
      this.result = result;
      this.report = report;
      this.countsRead = countsRead;
      this.snapshotRows = snapshotRows;
    }

    /** Frees the cached snapshot rows and conversion: after verification only the report is needed. */
    void release() {
      result.release();
      snapshotRows.unpersist(false);
    }

    boolean refused(Request request) {
      return !result.unloadable.isEmpty() && !request.keepUnloadable;
    }

    int exitCode(Request request, String status) throws IOException {
      int exit = refused(request) ? ExitCodes.BAD_INPUT : result.unloadable.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
      report.outcome(status, exit).writeTo(request.reportFile);
      return exit;
    }
  }

  private Conversion convert(RunNames names, String snapshot, long runTimestamp) throws IOException {
    // cached once by the read; the pipeline reuses this cache instead of caching its own copy
    SnapshotRead read = readSnapshot(names, snapshot);
    JavaRDD<Resource> resources = read.rows;
    Map<String, Long> counts = UpgradePipeline.countByType(resources);
    read.proveComplete(counts);
    UpgradeOptions options = UpgradeOptions.of(runTimestamp, request.target)
        .withDescsInScope(Scope.descsInScope(resources, request.models, request.cubes, request.projects))
        .withPurgeCubes(UpgradeJob.purgeCubeSet(request.purgeCubes));
    UpgradePipeline.Conversion result = UpgradePipeline.convert(sc, resources, options);
    UpgradeReport report = new UpgradeReport("upgrade", "table " + url.tableName() + " (" + read.source + ")",
        "table " + url.tableName(), runTimestamp, request.dryRun)
        .counts(counts)
        .conversion(result.changes, result.unloadable, result.warnings)
        .purge(result.purge);
    UpgradeJob.printFindings(result);
    return new Conversion(result, report, counts, resources);
  }

  /**
   * The snapshot's rows under the ranges the rules read: from its files where this process can read them, else
   * from a temporary clone of it. Either way the rows are counted again by a path independent of Spark's splits
   * (one thread, keys only), and a read that comes back short stops the run before anything is written.
   */
  private SnapshotRead readSnapshot(RunNames names, String snapshot) throws IOException {
    RowSelection ranges = rangesRead();
    Optional<String> unreadable = HBaseRdds.whySnapshotFilesUnreadable(cluster, snapshot, names.runId());
    long expected = -1;
    if (!unreadable.isPresent()) {
      // the count opens the snapshot's regions in this JVM, as the executors will: where HBase's region code cannot
      // run beside the job's class loader (a split package between the job jar and the cluster's Hadoop), the
      // clone is read instead
      try {
        expected = HBaseRdds.countSnapshotRows(cluster, snapshot, ranges, names.runId());
      } catch (IOException | LinkageError e) {
        Throwable linkage = linkageErrorIn(e);
        if (linkage == null) {
          throw e;
        }
        unreadable = Optional.of("HBase cannot open the snapshot's regions in this JVM: " + linkage);
      }
    }
    JavaRDD<Resource> rows;
    String source;
    if (!unreadable.isPresent()) {
      source = "snapshot " + snapshot + " read from its files under " + HBaseRdds.rootDir(cluster);
      System.out.println("reading " + source);
      rows = HBaseRdds.readSnapshot(sc, cluster, snapshot, url, ranges, names.runId())
          .persist(StorageLevel.MEMORY_AND_DISK());
    } else {
      String clone = names.stagingTable();
      source = "snapshot " + snapshot + " read through a temporary clone " + clone;
      System.out.println("reading " + source + " (its files cannot be read from here: " + unreadable.get() + ")");
      cluster.admin().dropIfExists(clone);
      cluster.admin().cloneSnapshot(snapshot, clone);
      rows = HBaseRdds.readTable(sc, cluster, clone, url, ranges, null).persist(StorageLevel.MEMORY_AND_DISK());
      expected = HBaseRdds.countTableRows(cluster, clone, ranges);
    }
    return new SnapshotRead(rows, expected, source, ranges);
  }

  private static Throwable linkageErrorIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof LinkageError) {
        return t;
      }
    }
    return null;
  }

  /** A snapshot's rows as Spark read them, and how many rows the snapshot holds there by an independent count. */
  private static final class SnapshotRead {
    final JavaRDD<Resource> rows;
    private final long rowsInSnapshot;
    final String source;
    private final RowSelection ranges;

    SnapshotRead(JavaRDD<Resource> rows, long rowsInSnapshot, String source, RowSelection ranges) {
      this.rows = rows;
      this.rowsInSnapshot = rowsInSnapshot;
      this.source = source;
      this.ranges = ranges;
    }

    void proveComplete(Map<String, Long> countsByType) {
      long read = countsByType.values().stream().mapToLong(Long::longValue).sum();
      if (read != rowsInSnapshot) {
        rows.unpersist(false);
        throw new ShortReadException("the " + source + " returned " + read + " rows under " + ranges + ", but the "
            + "snapshot holds " + rowsInSnapshot + " rows there (counted again on one thread); nothing was changed");
      }
    }
  }

  private Run stage(Run run, RunNames names, Conversion c) throws IOException {
    TableAdmin admin = cluster.admin();
    admin.dropIfExists(names.stagingTable());
    admin.cloneSnapshot(run.get("backup_snapshot"), names.stagingTable());
    JavaRDD<Resource> rewritten = c.result.rewritten;
    String stagedDir = names.stagedBigCells(cluster.workingDir());
    HBaseRdds.bulkPut(sc, cluster, names.stagingTable(), rewritten, stagedDir);
    long limit = cluster.maxCellSize();
    List<String> bigCells = rewritten.filter(r -> r.content().length > limit).map(Resource::path).collect();
    Map<String, String> produced = new LinkedHashMap<>();
    produced.put("staging_table", names.stagingTable());
    produced.put("changed", Integer.toString(c.result.changes.size()));
    produced.put("big_cells", String.join("\n", bigCells));
    produced.put("kept_unloadable", Boolean.toString(!c.result.unloadable.isEmpty()));
    return journal.step(run, Step.STAGED, produced);
  }

  /**
   * Every rewritten resource reads back from the staging table as written; converting the staged metadata
   * again changes nothing (it parses, signatures match content) and finds the same unloadable resources
   * (references resolve as before); counts per type equal the snapshot's. Only counts and paths reach the driver.
   */
  private Run verify(Run run, RunNames names, Conversion c) throws IOException {
    String stagedDir = names.stagedBigCells(cluster.workingDir());
    List<String> failures = new ArrayList<>();
    JavaRDD<Resource> staged = HBaseRdds.readTable(sc, cluster, names.stagingTable(), url, rangesRead(), stagedDir)
        .persist(StorageLevel.MEMORY_AND_DISK());
    // one pass over the staged rows: counts per type, and a checksum of the rewritten paths' rows
    Broadcast<Set<String>> rewrittenPaths = sc.broadcast(new HashSet<>(c.result.rewritten.map(Resource::path).collect()));
    RowSums found = RowSums.of(staged, rewrittenPaths);
    RowSums written = RowSums.of(c.result.rewritten, null);
    if (!found.sameRows(written)) {
      List<String> notAsWritten = HBaseRdds.rowsNotAsExpected(cluster, names.stagingTable(), url, c.result.rewritten,
          stagedDir);
      failures.add(notAsWritten.size() + " rewritten resources do not read back as written, e.g. "
          + (notAsWritten.isEmpty() ? "(none found by path: the staged rows changed while read)" : notAsWritten.get(0)));
    }
    if (!c.countsRead.equals(found.countsByType)) {
      failures.add("resource counts differ: snapshot " + c.countsRead + ", staging " + found.countsByType);
    }
    UpgradePipeline.Conversion again = UpgradePipeline.convert(sc, staged,
        UpgradeOptions.of(System.currentTimeMillis(), request.target));
    if (!again.changes.isEmpty()) {
      failures.add("converting the staged metadata again would change " + again.changes.size() + " resources, e.g. "
          + again.changes.get(0).path());
    }
    if (!Set.copyOf(paths(again.unloadable)).equals(Set.copyOf(paths(c.result.unloadable)))) {
      failures.add("the staged metadata has other unloadable resources than the snapshot");
    }
    again.release();
    staged.unpersist(false);
    rewrittenPaths.destroy();
    if (!failures.isEmpty()) {
      throw new IllegalStateException("verification of staging table " + names.stagingTable() + " failed: "
          + String.join("; ", failures));
    }
    return journal.step(run, Step.VERIFIED, Map.of("verified_resources", Integer.toString(c.result.changes.size())));
  }

  /** Job records cost nothing unless cubes are purged. */
  private RowSelection rangesRead() {
    return RowsRead.forUpgrade(request.target, !request.purgeCubes.isEmpty());
  }

  /** The target a journaled run recorded; runs recorded before targets existed upgraded to 1.4-alpha. */
  private static UpgradeTarget recordedTarget(Run run) {
    String label = run.get("target");
    return label == null ? UpgradeTarget.V1_4_ALPHA : UpgradeTarget.parse(label);
  }

  private static List<String> paths(List<Problem> problems) {
    List<String> out = new ArrayList<>();
    problems.forEach(p -> out.add(p.path()));
    return out;
  }

  /** A Kylin server left running, or someone's edit: the live table changed since the backup. */
  private Run checkWriters(Run run, RunNames names) throws IOException {
    List<String> changed = cluster.admin().rowsChangedSince(url.tableName(), run.getLong("backup_time"), 20);
    if (!changed.isEmpty()) {
      throw new WritersException("table " + url.tableName() + " changed after backup snapshot " + run.get("backup_snapshot")
          + " was taken (a Kylin server still running, or an edit): " + String.join(", ", changed)
          + "; nothing was swapped. Stop every writer and run the upgrade again");
    }
    return journal.step(run, Step.WRITERS_CHECKED);
  }

  /** The live table changed under the run: exit 1, table as it was. */
  /** The Spark read of the snapshot returned fewer (or more) rows than the snapshot holds: exit 1, nothing changed. */
  static final class ShortReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ShortReadException(String message) {
      super(message);
    }
  }

  static final class WritersException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WritersException(String message) {
      super(message);
    }
  }

  /** The swap failed and the backup was restored: exit 1, table as it was. */
  static final class SwapFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SwapFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
