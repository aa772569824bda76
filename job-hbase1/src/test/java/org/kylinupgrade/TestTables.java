package org.kylinupgrade;

import java.io.IOException;
import org.apache.hadoop.hbase.HColumnDescriptor;
import org.apache.hadoop.hbase.HTableDescriptor;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.kylinupgrade.hbase.HBaseCluster;

/** The job module's test helper of the same name, on HBase 1's descriptors (found first on this module's test classpath). */
public final class TestTables {
  private TestTables() {
  }

  /** Creates {@code table} with the given column families, HBase's defaults otherwise. */
  public static void create(HBaseCluster hbase, String table, String... families) throws IOException {
    HTableDescriptor desc = new HTableDescriptor(TableName.valueOf(table));
    for (String family : families) {
      desc.addFamily(new HColumnDescriptor(family));
    }
    try (Admin admin = org.kylinupgrade.hbase.TestHBase.admin(hbase)) {
      admin.createTable(desc);
    }
  }
}
