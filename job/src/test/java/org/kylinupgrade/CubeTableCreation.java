package org.kylinupgrade;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.CoprocessorDescriptorBuilder;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.kylinupgrade.coprocessor.CoprocessorEntry;

/**
 * How a test cube HTable is made with HBase 2's descriptors (the HBase 1.x module has its own class of this name,
 * found first on its test class path): one family and Kylin's host attribute, with the given coprocessors.
 */
final class CubeTableCreation {
  private CubeTableCreation() {
  }

  static void create(Admin admin, String table, List<CoprocessorEntry> coprocessors) throws IOException {
    TableDescriptorBuilder builder = TableDescriptorBuilder.newBuilder(TableName.valueOf(table))
        .setColumnFamily(ColumnFamilyDescriptorBuilder.of("F1"))
        .setValue("KYLIN_HOST", "kylin_metadata");
    for (CoprocessorEntry e : coprocessors) {
      builder.setCoprocessor(CoprocessorDescriptorBuilder.newBuilder(e.className()).setJarPath(e.jarPath())
          .setPriority(e.priority()).setProperties(e.parameters()).build());
    }
    admin.createTable(builder.build());
  }
}
