package org.kylinupgrade.jobs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseRdds;
import org.kylinupgrade.hbase.TableAdmin;
import org.kylinupgrade.journal.FailurePoints;
import org.kylinupgrade.journal.JournaledRun;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.journal.RunNames;
import org.kylinupgrade.journal.Step;
import org.kylinupgrade.journal.Swap;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.RowSelection;
import org.kylinupgrade.pipeline.Phase;
import org.kylinupgrade.pipeline.Scope;
import org.kylinupgrade.pipeline.UpgradePipeline;
import org.kylinupgrade.pipeline.UpgradeReport;
import org.kylinupgrade.report.Console;
import org.kylinupgrade.report.ConversionFindings;
import org.kylinupgrade.rules.Problem;
import org.kylinupgrade.rules.PurgeRequest;
import org.kylinupgrade.rules.RowsRead;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeTarget;

/**
 * The live upgrade of the metadata table, run by {@link JournaledRun} (which owns the lock, the journal's start and
 * end, and the one failure path). Its steps, each journaled before the next begins:
 * <ol>
 *   <li>{@code BACKED_UP}: snapshot of the live table, the rollback point;</li>
 *   <li>the snapshot is read and converted, while the staging table is cloned from it (its rows under the ranges
 *   read, counted by the region servers, prove the read complete);</li>
 *   <li>{@code STAGED}: the rewritten resources are written into that clone of the backup, big cells into files;</li>
 *   <li>{@code VERIFIED}: the staged rows read back as written, counts per type are the snapshot's, converting them
 *   again changes nothing;</li>
 *   <li>{@code WRITERS_CHECKED}: no row of the live table changed since the backup;</li>
 *   <li>{@code SWAP_SNAPSHOT_TAKEN} … {@code SWAP_VERIFIED}: the swap ({@link Swap#finish});</li>
 *   <li>{@code RECORDED}.</li>
 * </ol>
 * Before the swap the live table is untouched: a failure removes what the run created (the backup snapshot too,
 * once the live table is seen healthy). From the swap on, a failure puts the backup back. A run that stopped is
 * resumed from its last step: before the swap it is redone from its backup, else the swap is finished.
 */
final class LiveUpgrade implements JournaledRun.Job {
  private final HBaseCluster cluster;
  private final Supplier<JavaSparkContext> spark;
  private final MetadataUrl url;
  private final JournaledRun runs;
  private final RunJournal journal;
  private final Console console;
  private Request request;
  private RunNames names;
  private Swap swap;
  private boolean resuming;

  /** What the operator asked for; immutable, and rebuilt from the journal by {@code resume}. */
  static final class Request {
    final List<String> models;
    final List<String> cubes;
    final List<String> projects;
    final List<String> purgeCubes;
    final boolean keepUnloadable;
    final boolean dryRun;
    final String reportFile;
    final UpgradeTarget target;
    /** For 1.5, the operator's {@code kylin.cube.aggrgroup.max.combination}. */
    final int maxCombination;

    Request(List<String> models, List<String> cubes, List<String> projects, List<String> purgeCubes,
        boolean keepUnloadable, boolean dryRun, String reportFile, UpgradeTarget target, int maxCombination) {
      this.maxCombination = maxCombination;
      this.models = immutable(models);
      this.cubes = immutable(cubes);
      this.projects = immutable(projects);
      this.purgeCubes = immutable(purgeCubes);
      this.keepUnloadable = keepUnloadable;
      this.dryRun = dryRun;
      this.reportFile = reportFile;
      this.target = target;
    }

    /**
     * The request a journaled run recorded; runs recorded before targets existed upgraded to 1.4-alpha, and those
     * recorded before the limit of combinations could be set, to Kylin's default one.
     */
    static Request of(Run run, String reportFile) {
      UpgradeTarget target = run.target() == null ? UpgradeTarget.V1_4_ALPHA : UpgradeTarget.parse(run.target());
      return new Request(run.models(), run.cubes(), run.projects(), run.purgeCubes(), run.keepUnloadable(), false,
          reportFile, target, run.maxCombination());
    }

    /** What the journal records of the request. */
    Map<String, String> facts() {
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("version", Version.current());
      facts.put(Run.MODELS, String.join(",", models));
      facts.put(Run.CUBES, String.join(",", cubes));
      facts.put(Run.PROJECTS, String.join(",", projects));
      facts.put(Run.PURGE_CUBES, String.join(",", purgeCubes));
      facts.put(Run.KEEP_UNLOADABLE, Boolean.toString(keepUnloadable));
      facts.put(Run.TARGET, target.label());
      facts.put(Run.MAX_COMBINATION, Integer.toString(maxCombination));
      return facts;
    }

    private static List<String> immutable(List<String> list) {
      return list == null ? Collections.<String>emptyList() : Collections.unmodifiableList(new ArrayList<>(list));
    }
  }

  /**
   * {@code spark}: the Spark context, asked for only when the snapshot is read: the lock, the journal and the backup
   * go on while Spark still starts.
   */
  LiveUpgrade(HBaseCluster cluster, Supplier<JavaSparkContext> spark, MetadataUrl url, Request request, Console console)
      throws IOException {
    this.cluster = cluster;
    this.spark = spark;
    this.url = url;
    this.request = request;
    this.console = console;
    this.runs = new JournaledRun(cluster, url, console);
    this.journal = runs.journal();
  }

  int run() throws Exception {
    runs.preflight();
    cluster.openStore(url).close();
    names = new RunNames(url, RunNames.newRunId());
    if (request.dryRun) {
      return dryRun();
    }
    swap = new Swap(cluster, journal, names);
    return runs.start("upgrade", names, request.facts(), this);
  }

  private int dryRun() throws IOException {
    TableAdmin admin = cluster.admin();
    admin.snapshot(url.tableName(), names.dryRunSnapshot());
    try (StagingClone clone = StagingClone.start(cluster, names.dryRunSnapshot(), names.stagingTable(), rangesRead())) {
      Conversion c = convert(names.dryRunSnapshot(), System.currentTimeMillis(), clone);
      c.release();
      console.outcomef("dry run: %d resources would change in table %s; nothing written", c.result.changes.size(),
          url.tableName());
      return c.exitCode(request, "dry run");
    } finally {
      admin.dropIfExists(names.stagingTable());
      admin.deleteSnapshotIfExists(names.dryRunSnapshot());
      HBaseRdds.deleteRestoreDir(cluster, names.runId());
    }
  }

  /**
   * {@code resume}: finishes the unfinished run from where it stopped (its lock taken over from a dead process):
   * an upgrade is redone from its backup before the swap, else its swap is finished; a rollback's swap is
   * finished; a run that never touched the table is closed; a hybrid run is only undone, by {@code rollback}.
   */
  int resume(UpgradeTarget targetNamed) throws Exception {
    Run run = journal.unfinished().orElse(null);
    if (run == null) {
      console.outcome("no unfinished run: nothing to resume");
      return ExitCodes.OK;
    }
    if (run.is("rollback")) {
      return RollbackJob.resume(cluster, url, runs, run, console);
    }
    if (!run.is("upgrade")) {
      return closeOtherCommand(run);
    }
    request = Request.of(run, request.reportFile);
    if (targetNamed != null && targetNamed != request.target) {
      throw new BadInputException(run + " upgrades to " + request.target.label() + ", not to " + targetNamed.label()
          + "; resume it without --to (or with --to " + request.target.label() + "), or undo it with "
          + "`kylin-upgrade rollback`");
    }
    console.info("resuming " + run + " (to Kylin " + request.target.label() + ")");
    names = new RunNames(url, run.id());
    swap = new Swap(cluster, journal, names);
    resuming = true;
    return runs.resume(run, this);
  }

  /**
   * Another command's run is not resumed: one that never touched the table (a backup, a hybrid run before its
   * backup) is closed here; a hybrid run after its backup is undone by {@code rollback}.
   */
  private int closeOtherCommand(Run run) throws Exception {
    if (run.is("hybrid") && run.step().compareTo(Step.BACKED_UP) >= 0) {
      throw new NeedsOperatorException(run + " stopped half-way and cannot be resumed; undo it with "
          + "`kylin-upgrade rollback` (its backup snapshot " + run.backupSnapshot() + "), then run it again");
    }
    return runs.resume(run, new Closing(cluster, journal, url, run, Run.Status.FAILED, run.command() + " run "
        + run.id() + " stopped before it wrote anything: table " + url.tableName() + " is untouched; run it again",
        console));
  }

  /**
   * Closes a run that stopped before it touched the live table: removes what it created (its backup snapshot once
   * the live table is seen healthy), journaled with {@code status}.
   */
  static final class Closing implements JournaledRun.Job {
    private final HBaseCluster cluster;
    private final RunNames names;
    private final Swap swap;
    private final Run.Status status;
    private final String message;
    private final Console console;

    Closing(HBaseCluster cluster, RunJournal journal, MetadataUrl url, Run run, Run.Status status, String message,
        Console console) {
      this.cluster = cluster;
      this.console = console;
      this.names = new RunNames(url, run.id());
      this.swap = new Swap(cluster, journal, names);
      this.status = status;
      this.message = message;
    }

    @Override
    public JournaledRun.Ending steps(Run current) {
      console.outcome(message);
      return JournaledRun.Ending.of(status, status == Run.Status.FAILED ? ExitCodes.FAILED : ExitCodes.OK, message);
    }

    @Override
    public boolean touched(Run current) {
      return false;
    }

    @Override
    public RuntimeException restore(Run current, Throwable cause) {
      throw new IllegalStateException("a run that never touched the table has nothing to put back");
    }

    @Override
    public String cleanUp(Run current, Run.Status ending) throws IOException {
      if (current.is("backup")) {
        // a backup never touches the live table; what it made is not a finished backup and goes
        BackupJob.removeWhatItMade(cluster, names, current.backupSnapshot());
      }
      return swap.cleanUp(current, SwapCleanUp.DROP_BIG_CELL_BACKUP, SwapCleanUp.DROP_BACKUP_SNAPSHOT);
    }
  }

  // ---- the job's steps ---------------------------------------------------------------------------------------------

  @Override
  public JournaledRun.Ending steps(Run run) throws Exception {
    if (resuming && run.step().compareTo(Step.BACKED_UP) < 0) {
      console.outcome("run " + run.id() + " stopped before its backup: table " + url.tableName()
          + " is untouched; run the upgrade again");
      return JournaledRun.Ending.of(Run.Status.FAILED, ExitCodes.FAILED, "stopped before its backup snapshot was taken");
    }
    if (run.step().compareTo(Step.BACKED_UP) < 0) {
      run = backUp(run);
    }
    if (!run.step().swapStarted()) {
      if (resuming) {
        cluster.admin().enableIfDisabled(url.tableName()); // before the swap a live table is the original
      }
      try (StagingClone clone = StagingClone.start(cluster, run.backupSnapshot(), names.stagingTable(), rangesRead())) {
        Conversion c = convert(run.backupSnapshot(), System.currentTimeMillis(), clone);
        if (c.refused(request) || c.result.changes.isEmpty()) {
          c.release();
          boolean nothing = c.result.changes.isEmpty();
          int exit = c.exitCode(request, nothing ? "nothing to do" : "refused: unloadable");
          journal.putReport(run, c.report.json().toString());
          console.outcome(nothing ? "table " + url.tableName() + " is already v2: nothing to change, nothing written"
              : "stopped before writing: " + request.target.release()
                  + " cannot load the resources above; fix them, or pass --keep-unloadable");
          return JournaledRun.Ending.of(nothing ? Run.Status.NOTHING_TO_DO : Run.Status.ABORTED, exit);
        }
        run = journal.putReport(run, c.report.json().toString()); // before staging: the changes printed point to it
        try {
          try (Phase.Running phase = Phase.STAGE.start(sc(), console)) {
            run = stage(run, c);
          }
          try (Phase.Running phase = Phase.VERIFY.start(sc(), console)) {
            run = verify(run, c);
          }
        } finally {
          c.release();
        }
        run = checkWriters(run);
        c.report.outcome("swapping", ExitCodes.OK).writeTo(request.reportFile);
      }
    }
    run = swap.finish(run);
    run = journal.step(run, Step.RECORDED);
    console.outcomef("upgraded table %s (run %s): %s resources rewritten; backup snapshot %s; swap window %s ms",
        url.tableName(), run.id(), run.changed(), run.backupSnapshot(), run.swapWindowMs());
    return JournaledRun.Ending.of(Run.Status.DONE, run.keptUnloadable() ? ExitCodes.PROBLEMS : ExitCodes.OK);
  }

  private Run backUp(Run run) throws IOException {
    FailurePoints.reached("upgrade:backup");
    cluster.admin().snapshot(url.tableName(), names.backupSnapshot());
    long snapshotTime = cluster.admin().snapshotInfo(names.backupSnapshot())
        .orElseThrow(() -> new IOException("snapshot " + names.backupSnapshot() + " vanished")).creationTime;
    Map<String, String> produced = new LinkedHashMap<>();
    produced.put(Run.BACKUP_SNAPSHOT, names.backupSnapshot());
    produced.put(Run.BACKUP_TIME, Long.toString(snapshotTime));
    return journal.step(run, Step.BACKED_UP, produced);
  }

  @Override
  public boolean touched(Run run) {
    return run.step().swapStarted();
  }

  @Override
  public RuntimeException restore(Run run, Throwable cause) throws IOException {
    swap.undo(run);
    return new SwapFailedException("the swap failed (" + cause.getMessage() + "); table " + url.tableName()
        + " was put back as it was (backup snapshot " + run.backupSnapshot() + ")", cause);
  }

  @Override
  public String cleanUp(Run run, Run.Status ending) throws IOException {
    if (ending == Run.Status.DONE) {
      return swap.cleanUp(run, SwapCleanUp.KEEP_BIG_CELL_BACKUP, SwapCleanUp.KEEP_BACKUP_SNAPSHOT);
    }
    // a run that was put back keeps its backup snapshot: it is what the table was put back from
    return swap.cleanUp(run, SwapCleanUp.DROP_BIG_CELL_BACKUP, ending == Run.Status.ROLLED_BACK
        ? SwapCleanUp.KEEP_BACKUP_SNAPSHOT : SwapCleanUp.DROP_BACKUP_SNAPSHOT);
  }

  /** The conversion of one snapshot and its report. */
  private static final class Conversion {
    final UpgradePipeline.ConversionResult result;
    final UpgradeReport report;
    final Map<String, Long> countsRead;
    /**
     * The rewritten resources, computed once for the staging write and the checks after it (each would label the
     * resources again), in at most one partition per core: one table writer each.
     */
    final JavaRDD<Resource> rewritten;
    private final JavaRDD<Resource> snapshotRows;

    Conversion(UpgradePipeline.ConversionResult result, UpgradeReport report, Map<String, Long> countsRead,
        JavaRDD<Resource> snapshotRows, int cores) {
      this.result = result;
      this.report = report;
      this.countsRead = countsRead;
      this.snapshotRows = snapshotRows;
      this.rewritten = result.rewritten.coalesce(Math.max(1, Math.min(result.rewritten.getNumPartitions(), cores)))
          .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** Frees the cached snapshot rows and conversion: after verification only the report is needed. */
    void release() {
      rewritten.unpersist(false);
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

  private Conversion convert(String snapshot, long runTimestamp, StagingClone clone) throws IOException {
    // cached once by the read; the pipeline reuses this cache instead of caching its own copy
    SnapshotRead read;
    try (Phase.Running phase = Phase.READ_SNAPSHOT.start(sc(), console)) {
      read = readSnapshot(snapshot, clone);
      read.proveComplete(clone.rowsUnderRanges());
    }
    Map<String, Long> counts = read.countsByType;
    JavaRDD<Resource> resources = read.rows;
    UpgradePipeline.ConversionResult result;
    try (Phase.Running phase = Phase.CONVERT.start(sc(), console)) {
      UpgradeOptions options = UpgradeOptions.of(runTimestamp, request.target)
          .withDescsInScope(Scope.descsInScope(resources, request.models, request.cubes, request.projects))
          .withPurgeCubes(PurgeRequest.cubeNames(request.purgeCubes)).withMaxCombination(request.maxCombination);
      result = UpgradePipeline.convert(sc(), resources, options);
    }
    UpgradeReport report = new UpgradeReport("upgrade", "table " + url.tableName() + " (" + read.source + ")",
        "table " + url.tableName(), runTimestamp, request.dryRun)
        .counts(counts)
        .conversion(result.changes, result.unloadable, result.warnings)
        .purge(result.purge);
    ConversionFindings.print(console, result, request.target.release(), ConversionFindings.where(request.reportFile,
        request.dryRun ? null : "stored in history table " + journal.table().name() + " (rows report:" + names.runId()
            + ":NNNNNN)"));
    return new Conversion(result, report, counts, resources, sc().defaultParallelism());
  }

  /**
   * The snapshot's rows under the ranges the rules read, counted by type: from its files where this process can
   * read them, else from the staging table {@code clone} (a clone of the snapshot). Either way {@code clone}'s count,
   * by the region servers, is the independent one that proves the read complete.
   */
  private SnapshotRead readSnapshot(String snapshot, StagingClone clone) throws IOException {
    RowSelection ranges = rangesRead();
    Optional<String> unreadable = HBaseRdds.whySnapshotFilesUnreadable(cluster, snapshot, names.runId());
    if (!unreadable.isPresent()) {
      String source = "snapshot " + snapshot + " read from its files under " + HBaseRdds.rootDir(cluster);
      console.info("reading " + source);
      JavaRDD<Resource> rows = HBaseRdds.readSnapshot(sc(), cluster, snapshot, url, ranges, names.runId())
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        return new SnapshotRead(rows, UpgradePipeline.countByType(rows), source, ranges);
      } catch (Exception | LinkageError e) { // Spark's job failure is a checked exception Java is not told of
        // where HBase's region code cannot run beside the job's class loader (a split package between the job jar
        // and the cluster's Hadoop), the executors cannot open the snapshot's regions: the clone is read instead
        Throwable linkage = linkageErrorIn(e);
        rows.unpersist(false);
        if (linkage == null) {
          throw e;
        }
        unreadable = Optional.of("HBase cannot open the snapshot's regions in this JVM: " + linkage);
      }
    }
    String source = "snapshot " + snapshot + " read through its clone " + clone.table();
    console.info("reading " + source + " (its files cannot be read from here: " + unreadable.get() + ")");
    clone.rowsUnderRanges(); // the clone is complete
    JavaRDD<Resource> rows = HBaseRdds.readTable(sc(), cluster, clone.table(), url, ranges, null)
        .persist(StorageLevel.MEMORY_AND_DISK());
    return new SnapshotRead(rows, UpgradePipeline.countByType(rows), source, ranges);
  }

  private static Throwable linkageErrorIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof LinkageError) {
        return t;
      }
    }
    return null;
  }

  /** A snapshot's rows as Spark read them, and their counts by type. */
  private static final class SnapshotRead {
    final JavaRDD<Resource> rows;
    final Map<String, Long> countsByType;
    final String source;
    private final RowSelection ranges;

    SnapshotRead(JavaRDD<Resource> rows, Map<String, Long> countsByType, String source, RowSelection ranges) {
      this.rows = rows;
      this.countsByType = countsByType;
      this.source = source;
      this.ranges = ranges;
    }

    /** {@code rowsInSnapshot}: how many rows the snapshot holds under the ranges read, by an independent count. */
    void proveComplete(long rowsInSnapshot) {
      long read = countsByType.values().stream().mapToLong(Long::longValue).sum();
      if (read != rowsInSnapshot) {
        rows.unpersist(false);
        throw new ShortReadException("the " + source + " returned " + read + " rows under " + ranges + ", but the "
            + "snapshot holds " + rowsInSnapshot + " rows there (counted again in its clone by the region servers); "
            + "nothing was changed");
      }
    }
  }

  private Run stage(Run run, Conversion c) throws IOException {
    JavaRDD<Resource> rewritten = c.rewritten;
    String stagedDir = names.stagedBigCells(cluster.workingDir());
    FailurePoints.reached("stage:write");
    HBaseRdds.bulkPut(sc(), cluster, names.stagingTable(), rewritten, stagedDir);
    long limit = cluster.maxCellSize();
    List<String> bigCells = rewritten.filter(r -> r.content().length > limit).map(Resource::path).collect();
    Map<String, String> produced = new LinkedHashMap<>();
    produced.put(Run.STAGING_TABLE, names.stagingTable());
    produced.put(Run.CHANGED, Integer.toString(c.result.changes.size()));
    produced.put(Run.BIG_CELLS, String.join("\n", bigCells));
    produced.put(Run.KEPT_UNLOADABLE, Boolean.toString(!c.result.unloadable.isEmpty()));
    return journal.step(run, Step.STAGED, produced);
  }

  /**
   * Every rewritten resource reads back from the staging table as written; converting the staged metadata
   * again changes nothing (it parses, signatures match content) and finds the same unloadable resources
   * (references resolve as before); counts per type equal the snapshot's. Only counts and paths reach the driver.
   */
  private Run verify(Run run, Conversion c) throws IOException {
    String stagedDir = names.stagedBigCells(cluster.workingDir());
    FailurePoints.reached("verify:read");
    List<String> failures = new ArrayList<>();
    JavaRDD<Resource> staged = HBaseRdds.readTable(sc(), cluster, names.stagingTable(), url, rangesRead(), stagedDir)
        .persist(StorageLevel.MEMORY_AND_DISK());
    // one pass over the staged rows: counts per type, and a checksum of the rewritten paths' rows
    Broadcast<Set<String>> rewrittenPaths = sc().broadcast(new HashSet<>(c.rewritten.map(Resource::path).collect()));
    UpgradePipeline.ConversionResult again = null;
    try {
      RowSums found = RowSums.of(staged, rewrittenPaths);
      RowSums written = RowSums.ofAll(c.rewritten);
      if (!found.sameRows(written)) {
        List<String> notAsWritten = HBaseRdds.rowsNotAsExpected(cluster, names.stagingTable(), url, c.rewritten,
            stagedDir);
        failures.add(notAsWritten.size() + " rewritten resources do not read back as written, e.g. "
            + (notAsWritten.isEmpty() ? "(none found by path: the staged rows changed while read)" : notAsWritten.get(0)));
      }
      if (!c.countsRead.equals(found.countsByType)) {
        failures.add("resource counts differ: snapshot " + c.countsRead + ", staging " + found.countsByType);
      }
      again = UpgradePipeline.convert(sc(), staged, UpgradeOptions.of(System.currentTimeMillis(), request.target)
          .withMaxCombination(request.maxCombination));
      if (!again.changes.isEmpty()) {
        failures.add("converting the staged metadata again would change " + again.changes.size() + " resources, e.g. "
            + again.changes.get(0).path());
      }
      if (!new HashSet<>(paths(again.unloadable)).equals(new HashSet<>(paths(c.result.unloadable)))) {
        failures.add("the staged metadata has other unloadable resources than the snapshot");
      }
    } finally {
      if (again != null) {
        again.release();
      }
      staged.unpersist(false);
      rewrittenPaths.destroy();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("verification of staging table " + names.stagingTable() + " failed: "
          + String.join("; ", failures));
    }
    return journal.step(run, Step.VERIFIED, Collections.singletonMap("verified_resources",
        Integer.toString(c.result.changes.size())));
  }

  /** The same context on every call: the supplier waits for it once and keeps it. */
  private JavaSparkContext sc() {
    return spark.get();
  }

  /** Job records cost nothing unless cubes are purged. */
  private RowSelection rangesRead() {
    return RowsRead.forUpgrade(request.target, !request.purgeCubes.isEmpty());
  }

  private static List<String> paths(List<Problem> problems) {
    List<String> out = new ArrayList<>();
    problems.forEach(p -> out.add(p.path()));
    return out;
  }

  /** A Kylin server left running, or someone's edit: the live table changed since the backup. */
  private Run checkWriters(Run run) throws IOException {
    List<String> changed = cluster.admin().rowsChangedSince(url.tableName(), run.backupTime(), 20);
    if (!changed.isEmpty()) {
      throw new WritersException("table " + url.tableName() + " changed after backup snapshot " + run.backupSnapshot()
          + " was taken (a Kylin server still running, or an edit): " + String.join(", ", changed)
          + "; nothing was swapped. Stop every writer and run the upgrade again");
    }
    return journal.step(run, Step.WRITERS_CHECKED);
  }

  /** The Spark read of the snapshot returned fewer (or more) rows than the snapshot holds: exit 1, nothing changed. */
  static final class ShortReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ShortReadException(String message) {
      super(message);
    }
  }

  /** The live table changed under the run: exit 1, table as it was. */
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
