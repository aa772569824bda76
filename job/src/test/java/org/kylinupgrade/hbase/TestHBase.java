package org.kylinupgrade.hbase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Table;

/** The HBase client behind a {@link HBaseCluster}, for tests that plant or read what the jobs do not. */
public final class TestHBase {
  private TestHBase() {
  }

  public static Connection connection(HBaseCluster cluster) {
    return cluster.connection();
  }

  /** An admin of the cluster; the caller closes it. */
  public static Admin admin(HBaseCluster cluster) throws IOException {
    return cluster.connection().getAdmin();
  }

  /** The table {@code name}; the caller closes it. */
  public static Table table(HBaseCluster cluster, String name) throws IOException {
    return cluster.connection().getTable(TableName.valueOf(name));
  }

  /** The names of the cluster's tables that start with {@code prefix}, in the order HBase lists them. */
  public static List<String> tablesStartingWith(HBaseCluster cluster, String prefix) throws IOException {
    List<String> names = new ArrayList<>();
    try (Admin admin = admin(cluster)) {
      for (TableName name : admin.listTableNames()) {
        if (name.getNameAsString().startsWith(prefix)) {
          names.add(name.getNameAsString());
        }
      }
    }
    return names;
  }
}
