package org.kylinupgrade.hbase;

import java.io.IOException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.SnapshotDescription;
import org.apache.hadoop.hbase.client.SnapshotType;

/**
 * HBase 2: the table operations the master runs as procedures, started without waiting and then waited for by
 * {@link ProcedureWait}, which asks every {@code pollMs}; as patient as the client's blocking calls.
 */
final class TableOperations {
  private TableOperations() {
  }

  static void snapshot(Admin admin, String snapshot, TableName table, long pollMs) throws IOException {
    // FLUSH, as the blocking call takes it: the memstore's edits are in the snapshot
    ProcedureWait.await(admin.snapshotAsync(new SnapshotDescription(snapshot, table, SnapshotType.FLUSH)), pollMs,
        admin.getSyncWaitTimeout(), "snapshot " + snapshot + " of table " + table);
  }

  static void cloneSnapshot(Admin admin, String snapshot, TableName table, long pollMs) throws IOException {
    ProcedureWait.await(admin.cloneSnapshotAsync(snapshot, table), pollMs, admin.getSyncWaitTimeout(),
        "clone of snapshot " + snapshot + " into table " + table);
  }

  static void disable(Admin admin, TableName table, long pollMs) throws IOException {
    ProcedureWait.await(admin.disableTableAsync(table), pollMs, admin.getSyncWaitTimeout(), "disable of table " + table);
  }

  static void enable(Admin admin, TableName table, long pollMs) throws IOException {
    ProcedureWait.await(admin.enableTableAsync(table), pollMs, admin.getSyncWaitTimeout(), "enable of table " + table);
  }

  static void delete(Admin admin, TableName table, long pollMs) throws IOException {
    ProcedureWait.await(admin.deleteTableAsync(table), pollMs, admin.getSyncWaitTimeout(), "delete of table " + table);
  }
}
