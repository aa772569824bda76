package org.kylinupgrade;

import java.io.IOException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.kylinupgrade.hbase.HBaseCluster;

/**
 * Table set-up for tests that the seam does not offer, on HBase 2's descriptor builders. The job-hbase1 module
 * has a class of the same name on HBase 1's descriptors, so the job module's ITs rerun there unchanged.
 */
public final class TestTables {
  private TestTables() {
  }

  /** Creates {@code table} with the given column families, HBase's defaults otherwise. */
  public static void create(HBaseCluster hbase, String table, String... families) throws IOException {
    TableDescriptorBuilder builder = TableDescriptorBuilder.newBuilder(TableName.valueOf(table));
    for (String family : families) {
      builder.setColumnFamily(ColumnFamilyDescriptorBuilder.of(family));
    }
    try (Admin admin = org.kylinupgrade.hbase.TestHBase.admin(hbase)) {
      admin.createTable(builder.build());
    }
  }
}
