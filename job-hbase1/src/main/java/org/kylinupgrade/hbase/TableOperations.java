package org.kylinupgrade.hbase;

import java.io.IOException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;

/**
 * HBase 1.x: the table operations through the client's blocking calls (this client's calls return no future to
 * wait on); they wait at the admin connection's pause.
 */
final class TableOperations {
  private TableOperations() {
  }

  static void snapshot(Admin admin, String snapshot, TableName table) throws IOException {
    admin.snapshot(snapshot, table);
  }

  static void cloneSnapshot(Admin admin, String snapshot, TableName table) throws IOException {
    admin.cloneSnapshot(snapshot, table);
  }

  static void disable(Admin admin, TableName table) throws IOException {
    admin.disableTable(table);
  }

  static void enable(Admin admin, TableName table) throws IOException {
    admin.enableTable(table);
  }

  static void delete(Admin admin, TableName table) throws IOException {
    admin.deleteTable(table);
  }
}
