package org.kylinupgrade.jobs;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseRdds;
import org.kylinupgrade.hbase.HBaseStore;
import org.kylinupgrade.hbase.TableAdmin;
import org.kylinupgrade.journal.FailurePoints;
import org.kylinupgrade.journal.JournaledRun;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunFailedException;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.journal.RunNames;
import org.kylinupgrade.journal.Step;
import org.kylinupgrade.journal.Swap;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.BigCellFiles;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.pipeline.Phase;
import org.kylinupgrade.pipeline.SparkContexts;
import org.kylinupgrade.pipeline.SparkFolders;
import org.kylinupgrade.report.Console;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Restores the metadata table: from the backup snapshot of the last run that changed it, a named snapshot
 * (with the ACL/user tables and big-cell files a {@code backup} saved with it), or a metadata folder (the
 * table's content is replaced, not overlaid). What the table held is snapshotted first, so a rollback can be
 * undone and a failed one puts it back; the restored table is verified against its source.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = {"Restore the metadata table as it was before the upgrade (default: the backup snapshot of the last "
        + "run that changed it).",
        "--snapshot NAME restores a named snapshot (a backup's ACL/user tables and big-cell files come with it); "
            + "--from-folder DIR replaces the table's content with a metadata folder."})
public final class RollbackJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @ArgGroup(exclusive = true)
  Source source = new Source();

  static final class Source {
    @Option(names = "--snapshot", paramLabel = "NAME", description = "restore this snapshot")
    String snapshot;

    @Option(names = "--from-folder", paramLabel = "DIR", description = "replace the table's content with this folder")
    String folder;
  }

  @Option(names = "--coprocessor-jar", paramLabel = "JAR",
      description = "also put Kylin 1.3's (v1) coprocessor from this jar back on every cube table of the restored metadata")
  String coprocessorJar;

  public static void main(String[] args) {
    JobCommandLine.main(new RollbackJob(), args);
  }

  @Override
  public Integer call() throws Exception {
    MetadataUrl url = cluster.metadataUrl();
    Console console = cluster.console();
    int exit;
    try (HBaseCluster hbase = cluster.connect()) {
      JournaledRun runs = new JournaledRun(hbase, url, console);
      RunJournal journal = runs.journal();
      Optional<Run> unfinished = journal.unfinished();
      if (source.folder == null && source.snapshot == null && unfinished.isPresent() && !mayHaveTouched(unfinished.get())) {
        // it never touched the live table: nothing to restore, only what it created to remove
        Run u = unfinished.get();
        return runs.resume(u, new LiveUpgrade.Closing(hbase, journal, url, u, Run.Status.ROLLED_BACK,
            u.command() + " run " + u.id() + " stopped before it touched table " + url.tableName() + ": the table is "
                + "untouched and what the run created is removed" + (u.is("rollback") ? "; run the rollback again" : ""),
            console));
      }
      if (source.folder != null) {
        MetadataFolders.requireMetadataFolder(source.folder, hbase.conf(), "--from-folder");
        try (SparkContexts spark = SparkContexts.open("kylin-upgrade rollback", cluster.master())) {
          Restore restore = Restore.fromFolder(hbase, journal, url, source.folder, spark, console);
          exit = runs.startTakingOver("rollback", restore.names, restore.facts(), restore);
        }
      } else {
        Optional<Run> undone = runToUndo(journal);
        String restorePoint = source.snapshot != null ? source.snapshot
            : undone.map(Run::backupSnapshot).orElseThrow(() -> new BadInputException(
                "no upgrade of table " + url.tableName() + " is recorded; name what to restore with --snapshot or --from-folder"));
        if (!hbase.admin().snapshotExists(restorePoint)) {
          throw new BadInputException("snapshot " + restorePoint + " does not exist; `info` lists the recorded runs");
        }
        Restore restore = Restore.fromSnapshot(hbase, journal, url, restorePoint, undone.orElse(null), console);
        exit = runs.startTakingOver("rollback", restore.names, restore.facts(), restore);
      }
    }
    return exit != ExitCodes.OK || coprocessorJar == null ? exit : redeployV1Coprocessor(console);
  }

  /** Whether an unfinished run may have changed the live table: a hybrid run from its backup on, others from the swap. */
  private static boolean mayHaveTouched(Run run) {
    return run.is("hybrid") ? run.step().compareTo(Step.BACKED_UP) >= 0 : run.step().swapStarted();
  }

  /** {@code resume} of a rollback that stopped: its swap is finished; one that stopped before it is closed. */
  static int resume(HBaseCluster hbase, MetadataUrl url, JournaledRun runs, Run rollback, Console console)
      throws Exception {
    RunJournal journal = runs.journal();
    if (!rollback.step().swapStarted()) {
      return runs.resume(rollback, new LiveUpgrade.Closing(hbase, journal, url, rollback, Run.Status.FAILED,
          "rollback run " + rollback.id() + " stopped before it touched table " + url.tableName() + "; run the rollback again",
          console));
    }
    Run undone = rollback.undoneRun() == null ? null : journal.load(rollback.undoneRun()).orElse(null);
    Restore restore = Restore.resuming(hbase, journal, url, rollback, undone, console);
    console.info("resuming " + rollback);
    return runs.resume(rollback, restore);
  }

  /** The coprocessor job with the v1 class set on every cube table of the restored metadata. */
  private int redeployV1Coprocessor(Console console) {
    java.util.List<String> args = new java.util.ArrayList<>(cluster.asArguments());
    args.addAll(java.util.Arrays.asList("--jar", coprocessorJar, "--all", "--target", "1.3"));
    if (cluster.reportFile() != null) {
      args.addAll(java.util.Arrays.asList("--report", cluster.reportFile() + ".coprocessor.json"));
    }
    console.info("rollback: putting the v1 coprocessor from " + coprocessorJar + " back on the cube tables");
    return JobCommandLine.execute(new CoprocessorJob(), args.toArray(new String[0]));
  }

  /**
   * A rollback run. Its steps, each journaled before the next begins:
   * <ol>
   *   <li>{@code BACKED_UP}: the fail-safe snapshot of what the live table holds (if it exists), so that the
   *   rollback itself can be undone;</li>
   *   <li>from a folder only: {@code STAGED} (the folder loaded into a staging table by the executors, big cells
   *   into the run's staging folder) and {@code VERIFIED} (count and order-independent checksum equal on both
   *   sides);</li>
   *   <li>{@code SWAP_SNAPSHOT_TAKEN} … {@code SWAP_CLONED}: the live table replaced by the snapshot (or the
   *   staging table's snapshot);</li>
   *   <li>{@code SWAP_BIG_CELLS_MOVED}: what a snapshot alone misses: the big-cell files the undone run replaced,
   *   or a {@code backup}'s ACL/user tables and big-cell files;</li>
   *   <li>{@code SWAP_VERIFIED}: the live table's files are the snapshot's (through the manifests), before success
   *   is declared;</li>
   *   <li>{@code RECORDED}: the undone run (and any run stopped half-way) journaled ROLLED_BACK.</li>
   * </ol>
   * A failure after the live table was touched puts the fail-safe back, and keeps it.
   */
  static final class Restore implements JournaledRun.Job {
    private final HBaseCluster hbase;
    private final RunJournal journal;
    private final MetadataUrl url;
    final RunNames names;
    private final String snapshot;
    private final String folder;
    private final Run undone;
    private final SparkContexts spark;
    private final Swap swap;
    private final Console console;

    /** A new rollback that replaces the table's content with a metadata folder, loaded through {@code spark}. */
    static Restore fromFolder(HBaseCluster hbase, RunJournal journal, MetadataUrl url, String folder,
        SparkContexts spark, Console console) {
      return new Restore(hbase, journal, url, RunNames.newRunId(), null, folder, NO_RUN_UNDONE, spark, console);
    }

    /** A new rollback to a snapshot, undoing {@code undone} (the run that took it, or null). */
    static Restore fromSnapshot(HBaseCluster hbase, RunJournal journal, MetadataUrl url, String snapshot, Run undone,
        Console console) {
      return new Restore(hbase, journal, url, RunNames.newRunId(), snapshot, null, undone, NO_SPARK, console);
    }

    /** A rollback that stopped after its swap had begun, to finish: its swap needs no Spark. */
    static Restore resuming(HBaseCluster hbase, RunJournal journal, MetadataUrl url, Run rollback, Run undone,
        Console console) {
      return new Restore(hbase, journal, url, rollback.id(), rollback.restoredSnapshot(), rollback.restoredFolder(),
          undone, NO_SPARK, console);
    }

    private static final Run NO_RUN_UNDONE = null;
    private static final SparkContexts NO_SPARK = null;

    private Restore(HBaseCluster hbase, RunJournal journal, MetadataUrl url, String runId, String snapshot,
        String folder, Run undone, SparkContexts spark, Console console) {
      this.console = console;
      this.hbase = hbase;
      this.journal = journal;
      this.url = url;
      this.names = new RunNames(url, runId);
      this.snapshot = snapshot;
      this.folder = folder;
      this.undone = undone;
      this.spark = spark;
      this.swap = new Swap(hbase, journal, names);
    }

    Map<String, String> facts() {
      Map<String, String> facts = new LinkedHashMap<>();
      if (snapshot != null) {
        facts.put(Run.RESTORED_SNAPSHOT, snapshot);
      } else {
        facts.put(Run.RESTORED_FOLDER, folder);
      }
      facts.put(Run.UNDONE_RUN, undone == null ? "" : undone.id());
      return facts;
    }

    @Override
    public JournaledRun.Ending steps(Run run) throws Exception {
      TableAdmin admin = hbase.admin();
      if (run.step().compareTo(Step.BACKED_UP) < 0) {
        FailurePoints.reached("rollback:failsafe");
        Map<String, String> produced = new LinkedHashMap<>();
        if (admin.exists(url.tableName())) {
          admin.snapshot(url.tableName(), names.failsafeSnapshot()); // a new run's name: it never exists already
          produced.put(Run.BACKUP_SNAPSHOT, names.failsafeSnapshot());
        }
        if (folder == null && undone != null && !undone.is("backup")) {
          // the big-cell files it puts back: what they are now is saved first, so that undoing this run restores it
          new BigCellFiles(hbase.conf(), url, hbase.workingDir()).saveLive(undone.bigCells(),
              names.backedUpBigCells(hbase.workingDir()));
          produced.put(Run.BIG_CELLS, String.join("\n", undone.bigCells()));
        }
        run = journal.step(run, Step.BACKED_UP, produced);
      }
      RowSums expected = null;
      if (folder != null) {
        if (!run.step().swapStarted()) {
          expected = stageFolder(run);
          run = journal.load(run.id()).orElse(run);
        }
        run = swap.finish(run, "rollback");
      } else {
        run = swap.begin(run, snapshot);
        run = swap.replaceLive(run, "rollback", this::restoreWhatSnapshotsMiss);
      }
      deleteAclCopy(hbase, url, undone, console);
      for (Run other : journal.history()) {
        boolean isUndone = undone != null && other.id().equals(undone.id()) && !undone.is("backup");
        if (!other.id().equals(run.id()) && (isUndone || other.unfinished())) {
          new Swap(hbase, journal, new RunNames(url, other.id())).cleanUp(other, SwapCleanUp.DROP_BIG_CELL_BACKUP,
              SwapCleanUp.KEEP_BACKUP_SNAPSHOT);
          journal.finish(other, Run.Status.ROLLED_BACK, Collections.singletonMap("rolled_back_by", run.id()));
        }
      }
      run = journal.step(run, Step.RECORDED);
      Map<String, String> facts = new LinkedHashMap<>();
      String failsafe = run.backupSnapshot();
      if (failsafe != null) {
        facts.put("failsafe_snapshot", failsafe);
      }
      String sideTables = run.restoredSideTables();
      if (folder != null) {
        console.outcomef("table %s replaced by folder %s (%s resources, checksum verified; files verified against the "
            + "staged snapshot); what it held before is kept in snapshot %s", url.tableName(), folder,
            run.resources(), failsafe);
      } else {
        console.outcomef("table %s restored from snapshot %s and verified against its manifest%s%s", url.tableName(),
            snapshot, failsafe == null ? "" : "; what it held before is kept in snapshot " + failsafe,
            sideTables == null ? "" : "; also restored: " + sideTables);
      }
      return JournaledRun.Ending.of(Run.Status.DONE, ExitCodes.OK, facts);
    }

    /**
     * The folder loaded by the executors into a staging table (big cells into the run's staging folder), verified
     * by an order-independent checksum computed on both sides.
     */
    private RowSums stageFolder(Run run) throws IOException {
      JavaRDD<Resource> resources = SparkFolders.read(spark.context(), folder, hbase.conf()).cache();
      try {
        RowSums expected;
        try (Phase.Running phase = Phase.READ_FOLDER.start(spark.context(), console)) {
          expected = RowSums.ofAll(resources);
        }
        TableAdmin admin = hbase.admin();
        admin.dropIfExists(names.stagingTable());
        hbase.createKylinTable(names.stagingTable());
        FailurePoints.reached("rollback:stage");
        List<String> bigCells;
        try (Phase.Running phase = Phase.STAGE.start(spark.context(), console)) {
          HBaseRdds.bulkPut(spark.context(), hbase, names.stagingTable(), resources, names.stagedBigCells(hbase.workingDir()));
          long limit = hbase.maxCellSize();
          bigCells = resources.filter(r -> r.content().length > limit).map(Resource::path).collect();
        }
        Map<String, String> produced = new LinkedHashMap<>();
        produced.put(Run.STAGING_TABLE, names.stagingTable());
        produced.put(Run.BIG_CELLS, String.join("\n", bigCells));
        run = journal.step(run, Step.STAGED, produced);
        RowSums staged;
        try (Phase.Running phase = Phase.VERIFY.start(spark.context(), console)) {
          staged = RowSums.ofAll(HBaseRdds.readTable(spark.context(), hbase, names.stagingTable(), url,
              org.kylinupgrade.metadata.RowSelection.all(), names.stagedBigCells(hbase.workingDir())));
        }
        if (!staged.sameRows(expected)) {
          throw new IllegalStateException("the staging table does not hold the folder's resources (count/checksum "
              + staged + " instead of " + expected + ")");
        }
        Map<String, String> verified = new LinkedHashMap<>();
        verified.put("checksum", Long.toString(expected.checksum));
        verified.put(Run.RESOURCES, Long.toString(expected.rows));
        journal.step(run, Step.VERIFIED, verified);
        return expected;
      } finally {
        resources.unpersist(false);
      }
    }

    /** What a snapshot of the table alone misses: the undone run's big-cell files, or a backup's side tables. */
    private void restoreWhatSnapshotsMiss() throws IOException {
      if (undone == null) {
        return;
      }
      if (undone.is("backup")) {
        Map<String, String> restored = restoreBackupSideTables(hbase, undone, names);
        if (!restored.isEmpty()) {
          journal.put(journal.load(names.runId()).orElseThrow(() -> new IOException("run " + names.runId() + " vanished")),
              restored);
        }
      } else {
        RunNames undoneNames = new RunNames(url, undone.id());
        new BigCellFiles(hbase.conf(), url, hbase.workingDir()).restore(undone.bigCells(),
            undoneNames.stagedBigCells(hbase.workingDir()), undoneNames.backedUpBigCells(hbase.workingDir()));
      }
    }

    @Override
    public boolean touched(Run run) {
      return run.step().swapStarted();
    }

    @Override
    public RuntimeException restore(Run run, Throwable cause) throws IOException {
      swap.undo(run);
      if (undone != null && undone.is("backup")) {
        undoBackupSideTables();
      }
      return new RunFailedException("rollback failed (" + cause.getMessage() + "); table " + url.tableName()
          + " was put back as it was before the rollback" + (run.backupSnapshot() == null ? ""
          : "; its fail-safe snapshot " + run.backupSnapshot() + " is kept"), cause);
    }

    /** The ACL/user tables and big-cell files as they were before {@link #restoreBackupSideTables}, from its fail-safes. */
    private void undoBackupSideTables() throws IOException {
      TableAdmin admin = hbase.admin();
      for (SideTable side : SideTable.of(url)) {
        String failsafe = names.failsafeSnapshot(side.table);
        if (admin.snapshotExists(failsafe)) {
          admin.dropIfExists(side.table);
          admin.cloneSnapshot(failsafe, side.table);
        }
      }
      BigCellFiles files = new BigCellFiles(hbase.conf(), url, hbase.workingDir());
      String saved = names.failsafeBigCells(hbase.workingDir());
      if (files.exists(saved)) {
        files.copyTree(saved, files.resourcesDir());
      }
    }

    @Override
    public String cleanUp(Run run, Run.Status ending) throws IOException {
      return swap.cleanUp(run, ending == Run.Status.DONE ? SwapCleanUp.KEEP_BIG_CELL_BACKUP
          : SwapCleanUp.DROP_BIG_CELL_BACKUP, SwapCleanUp.KEEP_BACKUP_SNAPSHOT);
    }
  }

  /** A {@code backup}'s ACL and user tables and its big-cell files, each current state kept as a fail-safe (once). */
  private static Map<String, String> restoreBackupSideTables(HBaseCluster hbase, Run backup, RunNames names) throws IOException {
    MetadataUrl url = names.url();
    TableAdmin admin = hbase.admin();
    List<String> restored = new java.util.ArrayList<>();
    for (SideTable side : SideTable.of(url)) {
      String backedUp = side.snapshotIn(backup);
      if (backedUp == null || !admin.snapshotExists(backedUp)) {
        continue;
      }
      String failsafe = names.failsafeSnapshot(side.table);
      if (admin.exists(side.table)) {
        if (!admin.snapshotExists(failsafe)) {
          admin.snapshot(side.table, failsafe);
        }
        admin.dropIfExists(side.table);
      }
      admin.cloneSnapshot(backedUp, side.table);
      restored.add(side.table);
    }
    BigCellFiles files = new BigCellFiles(hbase.conf(), url, hbase.workingDir());
    String saved = backup.bigCellsBackup();
    if (saved != null && files.exists(saved)) {
      String failsafe = names.failsafeBigCells(hbase.workingDir());
      if (!files.exists(failsafe)) {
        files.copyTree(files.resourcesDir(), failsafe);
      }
      files.copyTree(saved, files.resourcesDir());
      restored.add("big-cell files");
    }
    return restored.isEmpty() ? Collections.<String, String>emptyMap()
        : Collections.singletonMap(Run.RESTORED_SIDE_TABLES, String.join(", ", restored));
  }

  /** A hybrid run copied the cube's ACL row to its old cube: the copy goes with the metadata it belongs to. */
  private static void deleteAclCopy(HBaseCluster hbase, MetadataUrl url, Run undone, Console console)
      throws IOException {
    String row = undone == null || !undone.is("hybrid") ? null : undone.aclCopyRow();
    if (row != null && hbase.aclTable(url).exists()) {
      hbase.aclTable(url).delete(row);
      console.info("ACL entries that run " + undone.id() + " copied (row " + row + ") deleted");
    }
  }

  /** The named snapshot's run, else an unfinished run, else the last run that changed the table. */
  private Optional<Run> runToUndo(RunJournal journal) throws IOException {
    if (source.snapshot != null) {
      return journal.history().stream().filter(r -> source.snapshot.equals(r.backupSnapshot())).reduce((a, b) -> b);
    }
    Optional<Run> unfinished = journal.unfinished();
    return unfinished.isPresent() ? unfinished : journal.lastChange();
  }
}
