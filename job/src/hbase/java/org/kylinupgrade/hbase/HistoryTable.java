package org.kylinupgrade.hbase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.RowMutations;
import org.apache.hadoop.hbase.util.Bytes;
import org.kylinupgrade.conf.Secrets;

/**
 * A small table of string records (row → field → value) for the run lock, the step journal and the run
 * history. Every write is durable before it returns; the lock row is created atomically.
 */
public final class HistoryTable extends NamedTable {
  private static final byte[] FAMILY = Bytes.toBytes("h");

  HistoryTable(HBaseCluster cluster, String name) {
    super(cluster, name);
  }

  public HistoryTable ensureExists() throws IOException {
    try (Admin admin = cluster.adminConnection().getAdmin()) {
      if (!admin.tableExists(name)) {
        try {
          Descriptors.createRecordTable(admin, name, FAMILY);
        } catch (org.apache.hadoop.hbase.TableExistsException raced) {
          // another run created it first
        }
      }
    }
    return this;
  }

  public Map<String, String> get(String row) throws IOException {
    try (Table table = cluster.connection().getTable(name)) {
      return fields(table.get(new Get(Bytes.toBytes(row)).addFamily(FAMILY)));
    }
  }

  public void put(String row, Map<String, String> fields) throws IOException {
    try (Table table = cluster.connection().getTable(name)) {
      table.put(toPut(row, fields));
    }
  }

  /** Writes the row only if it does not exist yet; false when it does. */
  public boolean putIfAbsent(String row, String keyField, Map<String, String> fields) throws IOException {
    try (Table table = cluster.connection().getTable(name)) {
      return Conditional.mutateIf(table, FAMILY, Bytes.toBytes(keyField), null, mutations(toPut(row, fields), null));
    }
  }

  /** Replaces the row only if {@code field} still holds {@code expected}; false when it does not. */
  public boolean replaceIf(String row, String field, String expected, Map<String, String> fields) throws IOException {
    try (Table table = cluster.connection().getTable(name)) {
      return Conditional.mutateIf(table, FAMILY, Bytes.toBytes(field), Bytes.toBytes(expected),
          mutations(toPut(row, fields), null));
    }
  }

  /** Deletes the row only if {@code field} still holds {@code expected}. */
  public boolean deleteIf(String row, String field, String expected) throws IOException {
    try (Table table = cluster.connection().getTable(name)) {
      return Conditional.mutateIf(table, FAMILY, Bytes.toBytes(field), Bytes.toBytes(expected),
          mutations(null, new Delete(Bytes.toBytes(row))));
    }
  }

  /** Rows whose key starts with {@code prefix}, in key order. */
  public List<Map<String, String>> scan(String prefix) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Table table = cluster.connection().getTable(name);
        ResultScanner scanner = table.getScanner(new Scan().setRowPrefixFilter(Bytes.toBytes(prefix)).addFamily(FAMILY))) {
      for (Result r : scanner) {
        rows.add(fields(r));
      }
    }
    return rows;
  }

  /** One put or one delete as the row's atomic mutation list (what both clients check-and-mutate the same way). */
  private static RowMutations mutations(Put put, Delete delete) throws IOException {
    RowMutations mutations = new RowMutations(put != null ? put.getRow() : delete.getRow());
    if (put != null) {
      mutations.add(put);
    } else {
      mutations.add(delete);
    }
    return mutations;
  }

  private static Put toPut(String row, Map<String, String> fields) {
    Put put = new Put(Bytes.toBytes(row));
    // a history row outlives the run: no secret goes into it, whatever field or text carries one
    fields.forEach((k, v) -> put.addColumn(FAMILY, Bytes.toBytes(k), Bytes.toBytes(v == null ? "" : Secrets.mask(k, v))));
    return put;
  }

  private static Map<String, String> fields(Result r) {
    Map<String, String> out = new LinkedHashMap<>();
    NavigableMap<byte[], byte[]> map = r.getFamilyMap(FAMILY);
    if (map != null) {
      map.forEach((k, v) -> out.put(Bytes.toString(k), Bytes.toString(v)));
    }
    return out;
  }
}
