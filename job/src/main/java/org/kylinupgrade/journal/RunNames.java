package org.kylinupgrade.journal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.kylinupgrade.metadata.MetadataUrl;

/** The names a run gives to what it creates, all derived from the metadata table and the run id. */
public final class RunNames {
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
  private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyy_MM_dd_HH_mm_ss");

  private final MetadataUrl url;
  private final String runId;

  public RunNames(MetadataUrl url, String runId) {
    this.url = url;
    this.runId = runId;
  }

  public static String newRunId() {
    return LocalDateTime.now().format(ID_TIME) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  }

  public MetadataUrl url() {
    return url;
  }

  public String runId() {
    return runId;
  }

  public String liveTable() {
    return url.tableName();
  }

  /** The run history and journal table: {@code <prefix>_upgrade_history}. */
  public static String historyTable(MetadataUrl url) {
    return url.tableName() + "_upgrade_history";
  }

  private String base() {
    return url.tableName().replace(':', '_') + "_upg_" + runId.replace('-', '_');
  }

  public String backupSnapshot() {
    return base() + "_backup";
  }

  public String newSnapshot() {
    return base() + "_new";
  }

  public String dryRunSnapshot() {
    return base() + "_dryrun";
  }

  public String failsafeSnapshot() {
    return base() + "_failsafe";
  }

  public String stagingTable() {
    String table = url.tableName();
    int colon = table.indexOf(':');
    String namespace = colon < 0 ? "" : table.substring(0, colon + 1);
    return namespace + base() + "_staging";
  }

  /** Big-cell files of this run: staged new content and the backup of what they replace. */
  public String runDir(String workingDir) {
    return url.metadataWorkingDir(workingDir) + "upgrade/" + runId;
  }

  public String stagedBigCells(String workingDir) {
    return runDir(workingDir) + "/staging/resources";
  }

  public String backedUpBigCells(String workingDir) {
    return runDir(workingDir) + "/backup/resources";
  }

  /** The temporary snapshot of the live table a restore compares with what it restored. */
  public String verifySnapshot() {
    return base() + "_verify";
  }

  /** A rollback's fail-safe of a side table (ACL, user): {@code <failsafe>_acl}. */
  public String failsafeSnapshot(String sideTable) {
    return failsafeSnapshot() + "_" + sideTable.substring(sideTable.lastIndexOf('_') + 1);
  }

  /** Where a rollback of a {@code backup} keeps the big-cell files it replaced: beside its fail-safe snapshot. */
  public String failsafeBigCells(String workingDir) {
    return backupBigCells(url, workingDir, failsafeSnapshot());
  }

  /**
   * The folder a {@code backup --to-folder PARENT} dumps the table into, in {@code metastore.sh backup}'s layout:
   * {@code PARENT/meta_<yyyy_MM_dd_HH_mm_ss>}.
   */
  public static String backupFolder(String parent, LocalDateTime time) {
    return parent.replaceAll("/+$", "") + "/meta_" + time.format(FOLDER_TIME);
  }

  /** A {@code backup}'s snapshot when none is named: {@code <table>_backup_<yyyyMMdd_HHmmss>}. */
  public static String namedBackup(MetadataUrl url, LocalDateTime time) {
    return url.tableName().replace(':', '_') + "_backup_" + time.format(BACKUP_TIME);
  }

  /** The snapshot of a side table (ACL, user) a {@code backup} named {@code backup} takes: {@code <backup>_acl}. */
  public static String sideSnapshot(String backup, String sideTable) {
    return backup + "_" + sideTable.substring(sideTable.lastIndexOf('_') + 1);
  }

  /** The clone a {@code backup} counts its snapshot's rows in. */
  public String backupCheckTable() {
    return url.tableName().replace(':', '_') + "_backupcheck_" + runId.replace('-', '_');
  }

  /** The clone a {@code backup} dumps its snapshot from. */
  public String backupDumpTable() {
    return url.tableName().replace(':', '_') + "_backupdump_" + runId.replace('-', '_');
  }

  /** Where a backup keeps the big-cell files: {@code <working dir>/<prefix>/backup/<snapshot>/resources}. */
  public static String backupBigCells(MetadataUrl url, String workingDir, String snapshot) {
    return url.metadataWorkingDir(workingDir) + "backup/" + snapshot + "/resources";
  }
}
