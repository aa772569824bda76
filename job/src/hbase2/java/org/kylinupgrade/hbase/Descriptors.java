package org.kylinupgrade.hbase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.CoprocessorDescriptor;
import org.apache.hadoop.hbase.client.CoprocessorDescriptorBuilder;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.coprocessor.RegionCoprocessor;
import org.kylinupgrade.coprocessor.CoprocessorEntry;

/** HBase 2: table descriptors (layouts, families, coprocessor attributes) through the descriptor builders. */
final class Descriptors {
  static final String COPROCESSOR_KIND = "an HBase 2 region coprocessor (Kylin's own jars are built for HBase 0.98/1.x)";
  static final String LOAD_HINT = "; Kylin's own jars are built for HBase 0.98/1.x";

  private Descriptors() {
  }

  /** Kylin's metadata layout: one family {@code f}, IN_MEMORY, HBase defaults otherwise (what Kylin creates). */
  static void createKylinTable(Admin admin, TableName name) throws IOException {
    create(admin, TableDescriptorBuilder.newBuilder(name)
        .setColumnFamily(ColumnFamilyDescriptorBuilder.newBuilder(HBaseStore.FAMILY).setInMemory(true).build())
        .build());
  }

  /** A record table: one family keeping one version. */
  static void createRecordTable(Admin admin, TableName name, byte[] family) throws IOException {
    create(admin, TableDescriptorBuilder.newBuilder(name)
        .setColumnFamily(ColumnFamilyDescriptorBuilder.newBuilder(family).setMaxVersions(1).build()).build());
  }

  private static void create(Admin admin, TableDescriptor table) throws IOException {
    TableOperations.await(admin, admin.createTableAsync(table), "creation of table " + table.getTableName());
  }

  static boolean hasFamily(Admin admin, TableName name, byte[] family) throws IOException {
    return admin.getDescriptor(name).hasColumnFamily(family);
  }

  /** The coprocessors of one table; {@code TableNotFoundException} when it does not exist. */
  static List<CoprocessorEntry> coprocessorsOf(Admin admin, TableName name) throws IOException {
    return entries(admin.getDescriptor(name));
  }

  /** The coprocessors of the tables that exist, in one request. */
  static Map<String, List<CoprocessorEntry>> coprocessorsOf(Admin admin, List<TableName> names) throws IOException {
    Map<String, List<CoprocessorEntry>> out = new LinkedHashMap<>();
    for (TableDescriptor desc : admin.listTableDescriptors(names)) {
      out.put(desc.getTableName().getNameAsString(), entries(desc));
    }
    return out;
  }

  private static List<CoprocessorEntry> entries(TableDescriptor desc) {
    List<CoprocessorEntry> entries = new ArrayList<>();
    for (CoprocessorDescriptor cp : desc.getCoprocessorDescriptors()) {
      entries.add(new CoprocessorEntry(cp.getClassName(), cp.getJarPath().orElse(null), cp.getPriority(), cp.getProperties()));
    }
    return entries;
  }

  /** Removes {@code remove} and adds {@code add} in one table modification (the table is disabled by the caller). */
  static void replaceCoprocessors(Admin admin, TableName name, List<CoprocessorEntry> remove, List<CoprocessorEntry> add)
      throws IOException {
    TableDescriptorBuilder builder = TableDescriptorBuilder.newBuilder(admin.getDescriptor(name));
    for (CoprocessorEntry old : remove) {
      builder.removeCoprocessor(old.className());
    }
    for (CoprocessorEntry e : add) {
      builder.setCoprocessor(CoprocessorDescriptorBuilder.newBuilder(e.className())
          .setJarPath(e.jarPath()).setPriority(e.priority()).setProperties(e.parameters()).build());
    }
    TableOperations.await(admin, admin.modifyTableAsync(builder.build()), "modification of table " + name);
  }

  static boolean isRegionCoprocessor(Class<?> c) {
    return RegionCoprocessor.class.isAssignableFrom(c);
  }
}
