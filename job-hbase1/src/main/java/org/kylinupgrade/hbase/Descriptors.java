package org.kylinupgrade.hbase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.Coprocessor;
import org.apache.hadoop.hbase.HColumnDescriptor;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.HTableDescriptor;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.hbase.util.Bytes;
import org.kylinupgrade.coprocessor.CoprocessorEntry;

/**
 * HBase 1.x: table descriptors (layouts, families, coprocessor attributes) through {@code HTableDescriptor}. A
 * coprocessor is the table attribute {@code coprocessor$<n>} = {@code jar path|class|priority|k=v,...}.
 */
final class Descriptors {
  static final String COPROCESSOR_KIND = "an HBase 1.x coprocessor";
  static final String LOAD_HINT = "";

  private Descriptors() {
  }

  /** Kylin's metadata layout: one family {@code f}, IN_MEMORY, HBase defaults otherwise (what Kylin creates). */
  static void createKylinTable(Admin admin, TableName name) throws IOException {
    HTableDescriptor desc = new HTableDescriptor(name);
    desc.addFamily(new HColumnDescriptor(HBaseStore.FAMILY).setInMemory(true));
    admin.createTable(desc);
  }

  /** A record table: one family keeping one version. */
  static void createRecordTable(Admin admin, TableName name, byte[] family) throws IOException {
    HTableDescriptor desc = new HTableDescriptor(name);
    desc.addFamily(new HColumnDescriptor(family).setMaxVersions(1));
    admin.createTable(desc);
  }

  static boolean hasFamily(Admin admin, TableName name, byte[] family) throws IOException {
    return admin.getTableDescriptor(name).hasFamily(family);
  }

  /** The coprocessors of one table; {@code TableNotFoundException} when it does not exist. */
  static List<CoprocessorEntry> coprocessorsOf(Admin admin, TableName name) throws IOException {
    return entries(admin.getTableDescriptor(name));
  }

  /** The coprocessors of the tables that exist, in one request. */
  static Map<String, List<CoprocessorEntry>> coprocessorsOf(Admin admin, List<TableName> names) throws IOException {
    Map<String, List<CoprocessorEntry>> out = new LinkedHashMap<>();
    for (HTableDescriptor desc : admin.getTableDescriptorsByTableName(names)) {
      out.put(desc.getTableName().getNameAsString(), entries(desc));
    }
    return out;
  }

  private static List<CoprocessorEntry> entries(HTableDescriptor desc) {
    List<CoprocessorEntry> entries = new ArrayList<>();
    for (Map.Entry<ImmutableBytesWritable, ImmutableBytesWritable> attr : desc.getValues().entrySet()) {
      String key = Bytes.toString(attr.getKey().get());
      if (!HConstants.CP_HTD_ATTR_KEY_PATTERN.matcher(key).matches()) {
        continue;
      }
      Matcher spec = HConstants.CP_HTD_ATTR_VALUE_PATTERN.matcher(Bytes.toString(attr.getValue().get()).trim());
      if (!spec.matches()) {
        continue;
      }
      String jar = spec.group(1).trim();
      String priority = spec.group(3).trim();
      Map<String, String> parameters = new LinkedHashMap<>();
      if (spec.group(4) != null) {
        Matcher kv = HConstants.CP_HTD_ATTR_VALUE_PARAM_PATTERN.matcher(spec.group(4));
        while (kv.find()) {
          if (kv.group(1) != null) {
            parameters.put(kv.group(1).trim(), kv.group(2).trim());
          }
        }
      }
      entries.add(new CoprocessorEntry(spec.group(2).trim(), jar.isEmpty() ? null : jar,
          priority.isEmpty() ? Coprocessor.PRIORITY_USER : Integer.parseInt(priority), parameters));
    }
    return entries;
  }

  /** Removes {@code remove} and adds {@code add} in one table modification (the table is disabled by the caller). */
  static void replaceCoprocessors(Admin admin, TableName name, List<CoprocessorEntry> remove, List<CoprocessorEntry> add)
      throws IOException {
    HTableDescriptor desc = new HTableDescriptor(admin.getTableDescriptor(name));
    for (CoprocessorEntry old : remove) {
      desc.removeCoprocessor(old.className());
    }
    for (CoprocessorEntry e : add) {
      desc.addCoprocessor(e.className(), e.jarPath() == null ? null : new Path(e.jarPath()), e.priority(), e.parameters());
    }
    admin.modifyTable(name, desc);
  }

  static boolean isRegionCoprocessor(Class<?> c) {
    return Coprocessor.class.isAssignableFrom(c);
  }
}
