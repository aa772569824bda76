package org.kylinupgrade.hbase;

import java.io.IOException;
import java.util.concurrent.Future;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.SnapshotDescription;
import org.apache.hadoop.hbase.client.SnapshotType;

/**
 * HBase 2: the table operations the master runs as procedures, started without waiting and then waited for by
 * {@link ProcedureWait}, which asks every {@link HBaseCluster#ADMIN_POLL_MS}; as patient as the client's blocking
 * calls.
 */
final class TableOperations {
  private TableOperations() {
  }

  static void snapshot(Admin admin, String snapshot, TableName table) throws IOException {
    // FLUSH, as the blocking call takes it: the memstore's edits are in the snapshot
    await(admin, admin.snapshotAsync(new SnapshotDescription(snapshot, table, SnapshotType.FLUSH)),
        "snapshot " + snapshot + " of table " + table);
  }

  static void cloneSnapshot(Admin admin, String snapshot, TableName table) throws IOException {
    await(admin, admin.cloneSnapshotAsync(snapshot, table), "clone of snapshot " + snapshot + " into table " + table);
  }

  static void disable(Admin admin, TableName table) throws IOException {
    await(admin, admin.disableTableAsync(table), "disable of table " + table);
  }

  static void enable(Admin admin, TableName table) throws IOException {
    await(admin, admin.enableTableAsync(table), "enable of table " + table);
  }

  static void delete(Admin admin, TableName table) throws IOException {
    await(admin, admin.deleteTableAsync(table), "delete of table " + table);
  }

  /** Waits for a procedure this admin started, as long as the admin's own blocking calls would. */
  static <T> T await(Admin admin, Future<T> operation, String what) throws IOException {
    return ProcedureWait.await(operation, HBaseCluster.ADMIN_POLL_MS, admin.getSyncWaitTimeout(), what);
  }
}
