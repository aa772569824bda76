package org.kylinupgrade.jobs;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseRdds;
import org.kylinupgrade.hbase.TableAdmin;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.journal.RunLock;
import org.kylinupgrade.journal.RunNames;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.BigCellFiles;
import org.kylinupgrade.metadata.FolderStore;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.pipeline.SparkContexts;
import org.kylinupgrade.pipeline.SparkFolders;
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
  private static final DateTimeFormatter SNAPSHOT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
  private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyy_MM_dd_HH_mm_ss");

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
    MetadataUrl url = cluster.metadataUrl();
    LocalDateTime now = LocalDateTime.now();
    String name = snapshot != null ? snapshot : url.tableName().replace(':', '_') + "_backup_" + now.format(SNAPSHOT_TIME);
    try (HBaseCluster hbase = cluster.connect();
        SparkContexts spark = SparkContexts.open("kylin-upgrade backup", cluster.master())) {
      hbase.openStore(url).close();
      TableAdmin admin = hbase.admin();
      if (admin.snapshotExists(name)) {
        throw new BadInputException("snapshot " + name + " already exists; choose another --snapshot name");
      }
      RunJournal journal = new RunJournal(hbase.historyTable(RunNames.historyTable(url)).ensureExists());
      RunLock lock = new RunLock(journal.table());
      String runId = RunNames.newRunId();
      lock.acquire(runId);
      Run run = journal.start(runId, "backup", Map.of("table", url.tableName(), "backup_snapshot", name));
      Map<String, String> facts = new LinkedHashMap<>();
      boolean done = false;
      try {
        admin.snapshot(url.tableName(), name);
        long tableRows = HBaseRdds.countRows(spark.context(), hbase, url.tableName());
        String check = url.tableName().replace(':', '_') + "_backupcheck_" + runId.replace('-', '_');
        admin.cloneSnapshot(name, check);
        long snapshotRows;
        try {
          snapshotRows = HBaseRdds.countRows(spark.context(), hbase, check);
        } finally {
          admin.dropIfExists(check);
        }
        if (snapshotRows != tableRows) {
          throw new IllegalStateException("snapshot " + name + " holds " + snapshotRows + " rows but table "
              + url.tableName() + " has " + tableRows + " (is a Kylin server still writing?)");
        }
        facts.put("rows", Long.toString(tableRows));
        for (String side : new String[] {url.aclTable(), url.userTable()}) {
          if (admin.exists(side)) {
            String sideSnapshot = name + "_" + side.substring(side.lastIndexOf('_') + 1);
            admin.snapshot(side, sideSnapshot);
            facts.put(side.endsWith("_acl") ? "acl_snapshot" : "user_snapshot", sideSnapshot);
          }
        }
        BigCellFiles files = new BigCellFiles(hbase.conf(), url, hbase.workingDir());
        String bigCellBackup = backupDir(url, hbase.workingDir(), name);
        long copied = files.copyTree(files.resourcesDir(), bigCellBackup);
        facts.put("big_cells_backup", bigCellBackup);
        facts.put("big_cell_files", Long.toString(copied));
        if (toFolder != null) {
          facts.put("folder", dumpToFolder(hbase, spark, name, url, now));
        }
        journal.finish(run, Run.Status.DONE, facts);
        done = true;
        System.out.printf("backed up table %s: snapshot %s (%d rows)%s%s, %d big-cell files in %s%s%n", url.tableName(), name,
            tableRows, facts.containsKey("acl_snapshot") ? ", ACL table in " + facts.get("acl_snapshot") : "",
            facts.containsKey("user_snapshot") ? ", user table in " + facts.get("user_snapshot") : "", copied, bigCellBackup,
            facts.containsKey("folder") ? ", folder dump " + facts.get("folder") : "");
        return ExitCodes.OK;
      } finally {
        if (!done) {
          admin.deleteSnapshotIfExists(name);
          admin.deleteSnapshotIfExists(name + "_acl");
          admin.deleteSnapshotIfExists(name + "_user");
          journal.finish(run, Run.Status.FAILED, Map.of());
        }
        lock.release(runId);
      }
    }
  }

  /** Where a backup keeps the big-cell files: {@code <working dir>/<prefix>/backup/<snapshot>/resources}. */
  public static String backupDir(MetadataUrl url, String workingDir, String snapshot) {
    return url.metadataWorkingDir(workingDir) + "backup/" + snapshot + "/resources";
  }

  /** The snapshot's rows written by the executors into PARENT/meta_<time> (a clone is read: no load on the table). */
  private String dumpToFolder(HBaseCluster hbase, SparkContexts spark, String name, MetadataUrl url, LocalDateTime now)
      throws java.io.IOException {
    String folder = toFolder.replaceAll("/+$", "") + "/meta_" + now.format(FOLDER_TIME);
    Configuration conf = hbase.conf();
    try (FolderStore out = new FolderStore(folder, conf)) {
      out.createEmpty();
      String clone = url.tableName().replace(':', '_') + "_backupdump_" + now.format(SNAPSHOT_TIME);
      hbase.admin().cloneSnapshot(name, clone);
      boolean written = false;
      try {
        JavaRDD<Resource> rows = HBaseRdds.readTable(spark.context(), hbase, clone, url, org.kylinupgrade.metadata.RowSelection.all(), null);
        SparkFolders.write(rows, folder, conf);
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
