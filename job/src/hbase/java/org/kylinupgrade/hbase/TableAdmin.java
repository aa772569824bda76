package org.kylinupgrade.hbase;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;

/** The table and snapshot operations the jobs need: snapshot, clone, drop, all idempotent. */
public final class TableAdmin {
  private final HBaseCluster cluster;

  TableAdmin(HBaseCluster cluster) {
    this.cluster = cluster;
  }

  private Admin admin() throws IOException {
    return cluster.adminConnection().getAdmin();
  }

  public boolean exists(String table) throws IOException {
    try (Admin admin = admin()) {
      return admin.tableExists(TableName.valueOf(table));
    }
  }

  public boolean isEnabled(String table) throws IOException {
    try (Admin admin = admin()) {
      return admin.isTableEnabled(TableName.valueOf(table));
    }
  }

  public void snapshot(String table, String snapshot) throws IOException {
    try (Admin admin = admin()) {
      TableOperations.snapshot(admin, snapshot, TableName.valueOf(table));
    }
  }

  public Optional<SnapshotInfo> snapshotInfo(String snapshot) throws IOException {
    try (Admin admin = admin()) {
      return Snapshots.list(admin, Pattern.compile(Pattern.quote(snapshot))).stream().findFirst();
    }
  }

  public boolean snapshotExists(String snapshot) throws IOException {
    return snapshotInfo(snapshot).isPresent();
  }

  public List<SnapshotInfo> snapshots(String namePrefix) throws IOException {
    try (Admin admin = admin()) {
      return Snapshots.list(admin, Pattern.compile(Pattern.quote(namePrefix) + ".*"));
    }
  }

  public void deleteSnapshotIfExists(String snapshot) throws IOException {
    if (snapshotExists(snapshot)) {
      try (Admin admin = admin()) {
        admin.deleteSnapshot(snapshot);
      }
    }
  }

  /** Creates {@code table} from {@code snapshot}: HBase links the snapshot's files, no data is copied. */
  public void cloneSnapshot(String snapshot, String table) throws IOException {
    try (Admin admin = admin()) {
      TableOperations.cloneSnapshot(admin, snapshot, TableName.valueOf(table));
    }
  }

  public void disableIfEnabled(String table) throws IOException {
    try (Admin admin = admin()) {
      TableName name = TableName.valueOf(table);
      if (admin.tableExists(name) && admin.isTableEnabled(name)) {
        TableOperations.disable(admin, name);
      }
    }
  }

  public void enableIfDisabled(String table) throws IOException {
    try (Admin admin = admin()) {
      TableName name = TableName.valueOf(table);
      if (admin.tableExists(name) && admin.isTableDisabled(name)) {
        TableOperations.enable(admin, name);
      }
    }
  }

  public void dropIfExists(String table) throws IOException {
    try (Admin admin = admin()) {
      TableName name = TableName.valueOf(table);
      if (admin.tableExists(name)) {
        if (admin.isTableEnabled(name)) {
          TableOperations.disable(admin, name);
        }
        TableOperations.delete(admin, name);
      }
    }
  }

  /**
   * Row keys of {@code table} written or deleted at or after {@code sinceMillis} (at most {@code limit}): a raw
   * scan over that time range, which skips every store file older than it.
   */
  public List<String> rowsChangedSince(String table, long sinceMillis, int limit) throws IOException {
    List<String> rows = new java.util.ArrayList<>();
    org.apache.hadoop.hbase.client.Scan scan = new org.apache.hadoop.hbase.client.Scan().setRaw(true)
        .setTimeRange(sinceMillis, Long.MAX_VALUE).setCaching(limit + 1);
    try (org.apache.hadoop.hbase.client.Table t = cluster.connection().getTable(TableName.valueOf(table));
        org.apache.hadoop.hbase.client.ResultScanner scanner = t.getScanner(scan)) {
      for (org.apache.hadoop.hbase.client.Result r : scanner) {
        String row = org.apache.hadoop.hbase.util.Bytes.toString(r.getRow());
        if (rows.isEmpty() || !rows.get(rows.size() - 1).equals(row)) {
          rows.add(row);
        }
        if (rows.size() >= limit) {
          break;
        }
      }
    }
    return rows;
  }

  /** What a snapshot's manifest says: store files and bytes, and whether any file is missing or corrupt. */
  public ManifestStats manifestStats(String snapshot) throws IOException {
    try (Admin admin = admin()) {
      return Snapshots.manifestStats(cluster.conf(), admin, snapshot);
    }
  }

  /** Store-file count and bytes of a snapshot (computed from its manifest: it does not grow with the rows). */
  public static final class ManifestStats {
    public final int storeFiles;
    public final long bytes;
    public final int missingOrCorrupt;

    ManifestStats(int storeFiles, long bytes, int missingOrCorrupt) {
      this.storeFiles = storeFiles;
      this.bytes = bytes;
      this.missingOrCorrupt = missingOrCorrupt;
    }

    public boolean sameFilesAs(ManifestStats other) {
      return storeFiles == other.storeFiles && bytes == other.bytes && missingOrCorrupt == 0 && other.missingOrCorrupt == 0;
    }

    @Override
    public String toString() {
      return storeFiles + " store files, " + bytes + " bytes" + (missingOrCorrupt > 0 ? ", " + missingOrCorrupt + " missing or corrupt" : "");
    }
  }

  /** A snapshot's name, table and creation time (the master's clock, epoch ms). */
  public static final class SnapshotInfo {
    public final String name;
    public final String table;
    public final long creationTime;

    SnapshotInfo(String name, String table, long creationTime) {
      this.name = name;
      this.table = table;
      this.creationTime = creationTime;
    }
  }

}
