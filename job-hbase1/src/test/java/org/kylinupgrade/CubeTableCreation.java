package org.kylinupgrade;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.hbase.HColumnDescriptor;
import org.apache.hadoop.hbase.HTableDescriptor;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.kylinupgrade.coprocessor.CoprocessorEntry;

/**
 * How a test cube HTable is made with HBase 1.x's descriptors; it stands in for the job module's class of this name
 * (found first on this module's test class path).
 */
final class CubeTableCreation {
  private CubeTableCreation() {
  }

  static void create(Admin admin, String table, List<CoprocessorEntry> coprocessors) throws IOException {
    HTableDescriptor desc = new HTableDescriptor(TableName.valueOf(table));
    desc.addFamily(new HColumnDescriptor("F1"));
    desc.setValue("KYLIN_HOST", "kylin_metadata");
    // the attribute as the HBase shell writes it: the jar path as given (HTableDescriptor.addCoprocessor would
    // rewrite file:///x as file:/x)
    int n = 1;
    for (CoprocessorEntry e : coprocessors) {
      StringBuilder parameters = new StringBuilder();
      e.parameters().forEach((k, v) -> parameters.append(parameters.length() == 0 ? "" : ",").append(k).append('=').append(v));
      desc.setValue("coprocessor$" + n++, (e.jarPath() == null ? "" : e.jarPath()) + "|" + e.className() + "|"
          + e.priority() + "|" + parameters);
    }
    admin.createTable(desc);
  }
}
