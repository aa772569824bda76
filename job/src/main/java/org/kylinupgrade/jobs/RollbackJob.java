package org.kylinupgrade.jobs;

import java.io.IOException;
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
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.journal.RunLock;
import org.kylinupgrade.journal.RunNames;
import org.kylinupgrade.journal.Step;
import org.kylinupgrade.journal.Swap;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.BigCellFiles;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.pipeline.SparkContexts;
import org.kylinupgrade.pipeline.SparkFolders;
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
    try (HBaseCluster hbase = cluster.connect()) {
      RunJournal journal = new RunJournal(hbase.historyTable(RunNames.historyTable(url)).ensureExists());
      RunLock lock = new RunLock(journal.table());
      Optional<Run> undone = source.folder != null ? journal.unfinished() : runToUndo(journal);
      RunNames names = new RunNames(url, RunNames.newRunId());
      String lockOwner = undone.filter(Run::unfinished).map(Run::id).orElse(names.runId());
      lock.takeOver(lockOwner);
      try {
        if (source.folder != null) {
          restoreFolder(hbase, journal, names, undone);
        } else {
          restoreSnapshot(hbase, journal, names, undone);
        }
      } finally {
        lock.release(lockOwner);
      }
    }
    return coprocessorJar == null ? ExitCodes.OK : redeployV1Coprocessor();
  }

  /** The coprocessor job with the v1 class set on every cube table the restored (v1) metadata names. */
  private int redeployV1Coprocessor() {
    java.util.List<String> args = new java.util.ArrayList<>(cluster.asArguments());
    args.addAll(java.util.List.of("--jar", coprocessorJar, "--all", "--target", "1.3"));
    if (cluster.reportFile() != null) {
      args.addAll(java.util.List.of("--report", cluster.reportFile() + ".coprocessor.json"));
    }
    System.out.println("rollback: putting the v1 coprocessor from " + coprocessorJar + " back on the cube tables");
    return JobCommandLine.execute(new CoprocessorJob(), args.toArray(new String[0]));
  }

  private void restoreSnapshot(HBaseCluster hbase, RunJournal journal, RunNames names, Optional<Run> undone) throws IOException {
    MetadataUrl url = names.url();
    String restorePoint = source.snapshot != null ? source.snapshot
        : undone.map(r -> r.get("backup_snapshot")).orElseThrow(() -> new BadInputException(
            "no upgrade of table " + url.tableName() + " is recorded; name what to restore with --snapshot or --from-folder"));
    TableAdmin admin = hbase.admin();
    if (!admin.snapshotExists(restorePoint)) {
      throw new BadInputException("snapshot " + restorePoint + " does not exist; `info` lists the recorded runs");
    }
    Run rollback = journal.start(names.runId(), "rollback", Map.of("table", url.tableName(),
        "restored_snapshot", restorePoint, "undone_run", undone.map(Run::id).orElse("")));
    RunNames undoneNames = new RunNames(url, undone.map(Run::id).orElse(names.runId()));
    Swap swap = new Swap(hbase, journal, undoneNames);
    Optional<Run> backupRun = undone.filter(r -> "backup".equals(r.command()));
    String failsafe = swap.restore(undone.filter(r -> !"backup".equals(r.command())).orElse(null), restorePoint);
    try {
      verifyRestoredFromSnapshot(admin, names, restorePoint);
    } catch (RuntimeException e) {
      if (failsafe != null) {
        swap.restore(null, failsafe);
      }
      journal.finish(rollback, Run.Status.FAILED, Map.of("message", String.valueOf(e.getMessage())));
      throw e;
    }
    Map<String, String> facts = new LinkedHashMap<>();
    if (backupRun.isPresent()) {
      facts.putAll(restoreBackupSideTables(hbase, backupRun.get(), names));
    }
    swap.cleanUp(false);
    deleteAclCopy(hbase, url, undone.orElse(null));
    undone.filter(r -> !"backup".equals(r.command()))
        .ifPresent(r -> finishQuietly(journal, r, names.runId()));
    if (failsafe != null) {
      facts.put("failsafe_snapshot", failsafe);
    }
    journal.finish(rollback, Run.Status.DONE, facts);
    System.out.printf("table %s restored from snapshot %s and verified against its manifest%s%s%n", url.tableName(),
        restorePoint, failsafe == null ? "" : "; what it held before is kept in snapshot " + failsafe,
        facts.containsKey("restored_side_tables") ? "; also restored: " + facts.get("restored_side_tables") : "");
  }

  /** The restored table's files are the snapshot's: compared through the manifests, which do not grow with the rows. */
  private static void verifyRestoredFromSnapshot(TableAdmin admin, RunNames names, String restorePoint) throws IOException {
    String check = names.failsafeSnapshot() + "_verify";
    admin.deleteSnapshotIfExists(check);
    admin.snapshot(names.liveTable(), check);
    try {
      TableAdmin.ManifestStats expected = admin.manifestStats(restorePoint);
      TableAdmin.ManifestStats actual = admin.manifestStats(check);
      if (!expected.sameFilesAs(actual)) {
        throw new IllegalStateException("restored table " + names.liveTable() + " does not match snapshot " + restorePoint
            + ": " + actual + " instead of " + expected);
      }
    } finally {
      admin.deleteSnapshotIfExists(check);
    }
  }

  /** A {@code backup}'s ACL and user tables and its big-cell files, each current state kept as a fail-safe. */
  private static Map<String, String> restoreBackupSideTables(HBaseCluster hbase, Run backup, RunNames names) throws IOException {
    MetadataUrl url = names.url();
    TableAdmin admin = hbase.admin();
    List<String> restored = new java.util.ArrayList<>();
    for (String[] side : new String[][] {{url.aclTable(), backup.get("acl_snapshot")}, {url.userTable(), backup.get("user_snapshot")}}) {
      if (side[1] == null || side[1].isEmpty() || !admin.snapshotExists(side[1])) {
        continue;
      }
      if (admin.exists(side[0])) {
        admin.deleteSnapshotIfExists(names.failsafeSnapshot() + "_" + side[0].substring(side[0].lastIndexOf('_') + 1));
        admin.snapshot(side[0], names.failsafeSnapshot() + "_" + side[0].substring(side[0].lastIndexOf('_') + 1));
        admin.dropIfExists(side[0]);
      }
      admin.cloneSnapshot(side[1], side[0]);
      restored.add(side[0]);
    }
    BigCellFiles files = new BigCellFiles(hbase.conf(), url, hbase.workingDir());
    String saved = backup.get("big_cells_backup");
    if (saved != null && files.exists(saved)) {
      files.copyTree(files.resourcesDir(), BackupJob.backupDir(url, hbase.workingDir(), names.failsafeSnapshot()));
      files.copyTree(saved, files.resourcesDir());
      restored.add("big-cell files");
    }
    return restored.isEmpty() ? Map.of() : Map.of("restored_side_tables", String.join(", ", restored));
  }

  /**
   * Replaces the table's content with a folder: loaded by the executors into a staging table (big cells into
   * the run's staging folder), verified by an order-independent checksum computed on both sides, then swapped
   * in like an upgrade (journaled; resources created after the backup are gone afterwards).
   */
  private void restoreFolder(HBaseCluster hbase, RunJournal journal, RunNames names, Optional<Run> unfinished) throws IOException {
    MetadataUrl url = names.url();
    org.kylinupgrade.jobs.MetadataFolders.requireMetadataFolder(source.folder, hbase.conf(), "--from-folder");
    try (SparkContexts spark = SparkContexts.open("kylin-upgrade rollback", cluster.master())) {
      JavaRDD<Resource> folder = SparkFolders.read(spark.context(), source.folder, hbase.conf()).cache();
      RowSums expected = RowSums.of(folder, null);
      Run run = journal.start(names.runId(), "rollback", Map.of("table", url.tableName(), "restored_folder", source.folder));
      Swap swap = new Swap(hbase, journal, names);
      TableAdmin admin = hbase.admin();
      String failsafe = names.failsafeSnapshot();
      try {
        admin.dropIfExists(names.stagingTable());
        hbase.createTable(HBaseStore.kylinLayout(org.apache.hadoop.hbase.TableName.valueOf(names.stagingTable())));
        HBaseRdds.bulkPut(spark.context(), hbase, names.stagingTable(), folder, names.stagedBigCells(hbase.workingDir()));
        long limit = hbase.maxCellSize();
        List<String> bigCells = folder.filter(r -> r.content().length > limit).map(Resource::path).collect();
        run = journal.step(run, Step.STAGED, Map.of("staging_table", names.stagingTable(), "big_cells", String.join("\n", bigCells)));
        RowSums staged = RowSums.of(HBaseRdds.readTable(spark.context(), hbase, names.stagingTable(), url,
            org.kylinupgrade.metadata.RowSelection.all(), names.stagedBigCells(hbase.workingDir())), null);
        if (!staged.sameRows(expected)) {
          throw new IllegalStateException("the staging table does not hold the folder's resources (count/checksum "
              + staged + " instead of " + expected + ")");
        }
        run = journal.step(run, Step.VERIFIED, Map.of("checksum", Long.toString(expected.checksum), "resources", Long.toString(expected.rows)));
        admin.deleteSnapshotIfExists(failsafe);
        if (admin.exists(url.tableName())) {
          admin.snapshot(url.tableName(), failsafe);
          run = journal.step(run, Step.BACKED_UP, Map.of("backup_snapshot", failsafe));
        }
        run = journal.step(run, Step.WRITERS_CHECKED);
      } catch (RuntimeException | IOException e) {
        swap.cleanUp(false);
        journal.finish(run, Run.Status.FAILED, Map.of("message", String.valueOf(e.getMessage())));
        throw e;
      }
      try {
        run = swap.finish(run);
      } catch (RuntimeException | IOException e) {
        if (admin.snapshotExists(failsafe)) {
          swap.restore(run, failsafe);
        }
        swap.cleanUp(false);
        journal.finish(run, Run.Status.FAILED, Map.of("message", String.valueOf(e.getMessage())));
        throw e;
      }
      swap.cleanUp(true);
      unfinished.ifPresent(r -> finishQuietly(journal, r, names.runId()));
      journal.finish(run, Run.Status.DONE, Map.of());
      System.out.printf("table %s replaced by folder %s (%d resources, checksum verified); what it held before is kept in "
          + "snapshot %s%n", url.tableName(), source.folder, expected.rows, failsafe);
    }
  }

  /** A hybrid run copied the cube's ACL row to its old cube: the copy goes with the metadata it belongs to. */
  private static void deleteAclCopy(HBaseCluster hbase, MetadataUrl url, Run undone) throws IOException {
    String row = undone == null || !"hybrid".equals(undone.command()) ? null : undone.get("acl_copy_row");
    if (row != null && !row.isEmpty() && hbase.aclTable(url).exists()) {
      hbase.aclTable(url).delete(row);
      System.out.println("ACL entries that run " + undone.id() + " copied (row " + row + ") deleted");
    }
  }

  private static void finishQuietly(RunJournal journal, Run run, String by) {
    try {
      journal.finish(run, Run.Status.ROLLED_BACK, Map.of("rolled_back_by", by));
    } catch (IOException e) {
      System.err.println("rollback: could not record run " + run.id() + " as rolled back: " + e.getMessage());
    }
  }

  /** The named snapshot's run, else an unfinished run, else the last run that changed the table. */
  private Optional<Run> runToUndo(RunJournal journal) throws IOException {
    if (source.snapshot != null) {
      return journal.history().stream().filter(r -> source.snapshot.equals(r.get("backup_snapshot"))).reduce((a, b) -> b);
    }
    Optional<Run> unfinished = journal.unfinished();
    return unfinished.isPresent() ? unfinished : journal.lastChange();
  }
}
