package org.kylinupgrade.jobs;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseRdds;
import org.kylinupgrade.hbase.TableAdmin;
import org.kylinupgrade.journal.FailurePoints;
import org.kylinupgrade.journal.JournaledRun;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunNames;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.BigCellFiles;
import org.kylinupgrade.metadata.FolderStore;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.pipeline.Phase;
import org.kylinupgrade.pipeline.SparkContexts;
import org.kylinupgrade.pipeline.SparkFolders;
import org.kylinupgrade.report.Console;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Backs up everything an upgrade or a hybrid extension can change: a snapshot of the metadata table
 * (verified to hold the table's rows), what a snapshot alone misses (the big-cell files under the working
 * dir, the ACL and user tables), and optionally a folder dump in {@code metastore.sh backup} layout.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = {"Snapshot the metadata table, plus its big-cell files and the ACL/user tables; verified and recorded.",
        "--to-folder PARENT also writes PARENT/meta_YYYY_MM_DD_HH_MM_SS in metastore.sh backup layout."})
public final class BackupJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Option(names = "--snapshot", paramLabel = "NAME", description = "the snapshot's name (default: <table>_backup_<time>)")
  String snapshot;

  @Option(names = "--to-folder", paramLabel = "PARENT", description = "also dump the table into PARENT/meta_<time>")
  String toFolder;

  public static void main(String[] args) {
    JobCommandLine.main(new BackupJob(), args);
  }

  @Override
  public Integer call() throws Exception {
    Console console = cluster.console();
    MetadataUrl url = cluster.metadataUrl();
    LocalDateTime now = LocalDateTime.now();
    String name = snapshot != null ? snapshot : RunNames.namedBackup(url, now);
    try (SparkContexts.Opening starting = SparkContexts.openBeside("kylin-upgrade backup", cluster.master());
        HBaseCluster hbase = cluster.connect();
        SparkContexts spark = starting.get()) {
      hbase.openStore(url).close();
      if (hbase.admin().snapshotExists(name)) {
        throw new BadInputException("snapshot " + name + " already exists; choose another --snapshot name");
      }
      JournaledRun runs = new JournaledRun(hbase, url, console);
      RunNames names = new RunNames(url, RunNames.newRunId());
      return runs.start("backup", names, Collections.singletonMap(Run.BACKUP_SNAPSHOT, name),
          new Backup(hbase, spark, url, names, name, now, console));
    }
  }

  /**
   * A backup run: it never touches the live table. Its steps: the snapshot; its rows counted against the table's
   * (through a clone); the ACL and user tables' snapshots; the big-cell files copied; the folder dump. A failure
   * removes everything it made.
   */
  private final class Backup implements JournaledRun.Job {
    private final HBaseCluster hbase;
    private final SparkContexts spark;
    private final MetadataUrl url;
    private final RunNames names;
    private final String name;
    private final LocalDateTime now;
    private final Console console;

    Backup(HBaseCluster hbase, SparkContexts spark, MetadataUrl url, RunNames names, String name, LocalDateTime now,
        Console console) {
      this.console = console;
      this.hbase = hbase;
      this.spark = spark;
      this.url = url;
      this.names = names;
      this.name = name;
      this.now = now;
    }

    @Override
    public JournaledRun.Ending steps(Run run) throws IOException {
      Map<String, String> facts = new LinkedHashMap<>();
      long rows = snapshotTable();
      facts.put("rows", Long.toString(rows));
      facts.putAll(snapshotSideTables());
      String bigCellBackup = RunNames.backupBigCells(url, hbase.workingDir(), name);
      long bigCellFiles = copyBigCells(bigCellBackup);
      facts.put(Run.BIG_CELLS_BACKUP, bigCellBackup);
      facts.put("big_cell_files", Long.toString(bigCellFiles));
      if (toFolder != null) {
        FailurePoints.reached("backup:folder");
        facts.put("folder", dumpToFolder(hbase, spark, name, url, names, now, console));
      }
      console.outcomef("backed up table %s: snapshot %s (%d rows)%s%s, %d big-cell files in %s%s", url.tableName(), name,
          rows, facts.containsKey(Run.ACL_SNAPSHOT) ? ", ACL table in " + facts.get(Run.ACL_SNAPSHOT) : "",
          facts.containsKey(Run.USER_SNAPSHOT) ? ", user table in " + facts.get(Run.USER_SNAPSHOT) : "", bigCellFiles,
          bigCellBackup, facts.containsKey("folder") ? ", folder dump " + facts.get("folder") : "");
      return JournaledRun.Ending.of(Run.Status.DONE, ExitCodes.OK, facts);
    }

    /** The metadata table's snapshot, proven to hold the table's rows; returns how many. */
    private long snapshotTable() throws IOException {
      FailurePoints.reached("backup:snapshot");
      hbase.admin().snapshot(url.tableName(), name);
      FailurePoints.reached("backup:count");
      long tableRows;
      long snapshotRows;
      try (Phase.Running phase = Phase.COUNT_ROWS.start(spark.context(), console)) {
        tableRows = HBaseRdds.countRows(spark.context(), hbase, url.tableName());
        snapshotRows = countSnapshotRows();
      }
      if (snapshotRows != tableRows) {
        throw new IllegalStateException("snapshot " + name + " holds " + snapshotRows + " rows but table "
            + url.tableName() + " has " + tableRows + " (is a Kylin server still writing?)");
      }
      return tableRows;
    }

    /** The snapshot's rows, counted in a clone of it that is dropped again. */
    private long countSnapshotRows() throws IOException {
      TableAdmin admin = hbase.admin();
      String check = names.backupCheckTable();
      admin.cloneSnapshot(name, check);
      try {
        return HBaseRdds.countRows(spark.context(), hbase, check);
      } finally {
        admin.dropIfExists(check);
      }
    }

    /** The snapshots of the ACL and user tables that exist; returns the journal fields that name them. */
    private Map<String, String> snapshotSideTables() throws IOException {
      FailurePoints.reached("backup:side-tables");
      TableAdmin admin = hbase.admin();
      Map<String, String> snapshots = new LinkedHashMap<>();
      for (SideTable side : SideTable.of(url)) {
        if (admin.exists(side.table)) {
          String sideSnapshot = RunNames.sideSnapshot(name, side.table);
          admin.snapshot(side.table, sideSnapshot);
          snapshots.put(side.snapshotField, sideSnapshot);
        }
      }
      return snapshots;
    }

    /** The big-cell files under the working dir copied to {@code backupDir}; returns how many. */
    private long copyBigCells(String backupDir) throws IOException {
      FailurePoints.reached("backup:big-cells");
      BigCellFiles files = new BigCellFiles(hbase.conf(), url, hbase.workingDir());
      return files.copyTree(files.resourcesDir(), backupDir);
    }

    @Override
    public boolean touched(Run run) {
      return false;
    }

    @Override
    public RuntimeException restore(Run run, Throwable cause) {
      throw new IllegalStateException("a backup never touches the live table");
    }

    /** A failed backup leaves nothing: its snapshots, clones and copied files go. */
    @Override
    public String cleanUp(Run run, Run.Status ending) throws IOException {
      if (ending == Run.Status.DONE) {
        return null;
      }
      removeWhatItMade(hbase, names, name);
      return null;
    }
  }

  /**
   * What an unfinished backup run made goes: its snapshots (maybe half-made: taken but not counted, side tables
   * missing), check and dump tables, copied big-cell files. Also for a backup run that was killed, when
   * {@code rollback} (or {@code resume}) closes it.
   */
  static void removeWhatItMade(HBaseCluster hbase, RunNames names, String snapshot) throws IOException {
    MetadataUrl url = names.url();
    TableAdmin admin = hbase.admin();
    admin.dropIfExists(names.backupCheckTable());
    admin.dropIfExists(names.backupDumpTable());
    if (snapshot == null) {
      return;
    }
    admin.deleteSnapshotIfExists(snapshot);
    admin.deleteSnapshotIfExists(RunNames.sideSnapshot(snapshot, url.aclTable()));
    admin.deleteSnapshotIfExists(RunNames.sideSnapshot(snapshot, url.userTable()));
    new BigCellFiles(hbase.conf(), url, hbase.workingDir()).deleteDir(RunNames.backupBigCells(url, hbase.workingDir(), snapshot));
  }

  /** The snapshot's rows written by the executors into PARENT/meta_<time> (a clone is read: no load on the table). */
  private String dumpToFolder(HBaseCluster hbase, SparkContexts spark, String name, MetadataUrl url, RunNames names,
      LocalDateTime now, Console console) throws java.io.IOException {
    String folder = RunNames.backupFolder(toFolder, now);
    Configuration conf = hbase.conf();
    try (FolderStore out = new FolderStore(folder, conf)) {
      out.createEmpty();
      String clone = names.backupDumpTable();
      hbase.admin().cloneSnapshot(name, clone);
      boolean written = false;
      try {
        try (Phase.Running phase = Phase.DUMP_FOLDER.start(spark.context(), console)) {
          JavaRDD<Resource> rows = HBaseRdds.readTable(spark.context(), hbase, clone, url,
              org.kylinupgrade.metadata.RowSelection.all(), null);
          SparkFolders.write(rows, folder, conf);
        }
        written = true;
      } finally {
        hbase.admin().dropIfExists(clone);
        if (!written) {
          out.delete();
        }
      }
    }
    return folder;
  }
}
