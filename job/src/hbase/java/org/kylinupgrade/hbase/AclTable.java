package org.kylinupgrade.hbase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.kylinupgrade.metadata.AclCell;

/** Kylin's ACL table ({@code <prefix>_acl}): one row per secured object, keyed by its uuid. */
public final class AclTable extends NamedTable {
  AclTable(HBaseCluster cluster, String name) {
    super(cluster, name);
  }

  /** Every cell of the object's row (all families); empty when it has none. */
  public List<AclCell> row(String objectId) throws IOException {
    List<AclCell> cells = new ArrayList<>();
    try (Table table = cluster.connection().getTable(name)) {
      Result result = table.get(new Get(Bytes.toBytes(objectId)));
      if (result.rawCells() != null) {
        for (Cell cell : result.rawCells()) {
          cells.add(new AclCell(Bytes.toString(CellUtil.cloneFamily(cell)), Bytes.toString(CellUtil.cloneQualifier(cell)),
              CellUtil.cloneValue(cell)));
        }
      }
    }
    return cells;
  }

  /** Writes the cells into the object's row in one put (atomic for the row). */
  public void put(String objectId, List<AclCell> cells) throws IOException {
    if (cells.isEmpty()) {
      return;
    }
    Put put = new Put(Bytes.toBytes(objectId));
    for (AclCell cell : cells) {
      put.addColumn(Bytes.toBytes(cell.family()), Bytes.toBytes(cell.qualifier()), cell.value());
    }
    try (Table table = cluster.connection().getTable(name)) {
      table.put(put);
    }
  }

  public void delete(String objectId) throws IOException {
    try (Table table = cluster.connection().getTable(name)) {
      table.delete(new Delete(Bytes.toBytes(objectId)));
    }
  }
}
