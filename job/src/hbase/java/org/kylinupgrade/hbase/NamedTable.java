package org.kylinupgrade.hbase;

import java.io.IOException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;

/** A small side table the jobs read and write row by row (ACLs, run history). */
abstract class NamedTable {
  protected final HBaseCluster cluster;
  protected final TableName name;

  NamedTable(HBaseCluster cluster, String name) {
    this.cluster = cluster;
    this.name = TableName.valueOf(name);
  }

  public String name() {
    return name.getNameAsString();
  }

  public boolean exists() throws IOException {
    try (Admin admin = cluster.connection().getAdmin()) {
      return admin.tableExists(name);
    }
  }
}
