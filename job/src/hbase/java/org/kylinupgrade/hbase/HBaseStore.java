package org.kylinupgrade.hbase;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.FirstKeyOnlyFilter;
import org.apache.hadoop.hbase.filter.KeyOnlyFilter;
import org.apache.hadoop.hbase.util.Bytes;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.MetadataStore;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;

/**
 * Kylin's {@code kylin_metadata} table: row key = resource path, family {@code f}, {@code f:c} = content,
 * {@code f:t} = timestamp (8-byte big-endian). Content larger than {@code kylin.hbase.client.keyvalue.maxsize}
 * lives in a file under the working dir and {@code f:c} is empty (Kylin's big-cell rule).
 */
public final class HBaseStore implements MetadataStore {
  public static final byte[] FAMILY = Bytes.toBytes("f");
  public static final byte[] CONTENT = Bytes.toBytes("c");
  public static final byte[] TIMESTAMP = Bytes.toBytes("t");
  private static final int SCAN_CACHING = 500;

  private final HBaseCluster cluster;
  private final MetadataUrl url;
  private final TableName tableName;
  private final FileSystem bigCellFs;
  private final BigCells bigCells;
  private BufferedMutator mutator;

  private HBaseStore(HBaseCluster cluster, MetadataUrl url) throws IOException {
    this.cluster = cluster;
    this.url = url;
    this.tableName = TableName.valueOf(url.tableName());
    this.bigCellFs = cluster.workingFileSystem();
    this.bigCells = new BigCells(bigCellFs, url, cluster.workingDir());
  }

  static HBaseStore open(HBaseCluster cluster, MetadataUrl url, boolean create) throws IOException {
    HBaseStore store = new HBaseStore(cluster, url);
    try (Admin admin = cluster.adminConnection().getAdmin()) {
      if (!admin.tableExists(store.tableName)) {
        if (!create) {
          throw new BadInputException("table " + store.tableName + " does not exist; check --metadata-url (Kylin's kylin.metadata.url)");
        }
        Descriptors.createKylinTable(admin, store.tableName);
      } else {
        if (!Descriptors.hasFamily(admin, store.tableName, FAMILY)) {
          throw new BadInputException("table " + store.tableName + " has no column family 'f': it is not a Kylin metadata table");
        }
      }
    }
    return store;
  }

  @Override
  public String describe() {
    return "table " + tableName;
  }

  public TableName tableName() {
    return tableName;
  }

  public Path bigCellFile(String resourcePath) {
    return bigCells.fileOf(resourcePath);
  }

  @Override
  public void forEach(ResourceConsumer consumer) throws IOException {
    Scan scan = new Scan().addFamily(FAMILY).setCaching(SCAN_CACHING);
    try (Table table = cluster.connection().getTable(tableName);
        ResultScanner scanner = table.getScanner(scan)) {
      for (Result row : scanner) {
        consumer.accept(bigCells.toResource(row));
      }
    }
  }

  /** The resources under a folder ({@code /cube}), read by a prefix scan of the row keys. */
  public void forEachUnder(String folder, ResourceConsumer consumer) throws IOException {
    byte[] prefix = Bytes.toBytes(folder.endsWith("/") ? folder : folder + "/");
    Scan scan = new Scan().addFamily(FAMILY).setCaching(SCAN_CACHING)
        .withStartRow(prefix).withStopRow(HBaseRdds.stopOf(prefix));
    try (Table table = cluster.connection().getTable(tableName);
        ResultScanner scanner = table.getScanner(scan)) {
      for (Result row : scanner) {
        consumer.accept(bigCells.toResource(row));
      }
    }
  }

  @Override
  public void forEachPath(PathConsumer consumer) throws IOException {
    Scan scan = new Scan().setFilter(new KeyOnlyFilter()).setCaching(SCAN_CACHING * 10);
    try (Table table = cluster.connection().getTable(tableName);
        ResultScanner scanner = table.getScanner(scan)) {
      for (Result row : scanner) {
        consumer.accept(Bytes.toString(row.getRow()));
      }
    }
  }

  /** The resources whose path starts with {@code prefix}, in path order. */
  public java.util.List<Resource> readPrefix(String prefix) throws IOException {
    java.util.List<Resource> resources = new java.util.ArrayList<>();
    Scan scan = new Scan().addFamily(FAMILY).setRowPrefixFilter(Bytes.toBytes(prefix)).setCaching(SCAN_CACHING);
    try (Table table = cluster.connection().getTable(tableName);
        ResultScanner scanner = table.getScanner(scan)) {
      for (Result row : scanner) {
        resources.add(bigCells.toResource(row));
      }
    }
    return resources;
  }

  /** Removes the resource's row, as Kylin's {@code deleteResource} does (a big cell's file stays). */
  public void delete(String path) throws IOException {
    flush();
    try (Table table = cluster.connection().getTable(tableName)) {
      table.delete(new Delete(Bytes.toBytes(path)));
    }
  }

  @Override
  public void put(Resource resource) throws IOException {
    byte[] cell = resource.content();
    if (resource.content().length > cluster.maxCellSize()) {
      writeBigCell(resource);
      cell = new byte[0];
    } else if (cell.length == 0) {
      throw new BadInputException("resource " + resource.path() + " is empty: Kylin's HBase store reads an empty cell "
          + "as a pointer to a big-cell file, so an empty resource cannot be stored");
    }
    Put put = new Put(Bytes.toBytes(resource.path()))
        .addColumn(FAMILY, CONTENT, cell)
        .addColumn(FAMILY, TIMESTAMP, Bytes.toBytes(resource.timestamp()));
    mutator().mutate(put);
  }

  private void writeBigCell(Resource resource) throws IOException {
    Path file = bigCellFile(resource.path());
    bigCellFs.delete(file, false);
    bigCellFs.mkdirs(file.getParent());
    try (OutputStream out = bigCellFs.create(file, true)) {
      out.write(resource.content());
    }
  }

  private BufferedMutator mutator() throws IOException {
    if (mutator == null) {
      mutator = cluster.connection().getBufferedMutator(tableName);
    }
    return mutator;
  }

  @Override
  public void flush() throws IOException {
    if (mutator != null) {
      mutator.flush();
    }
  }

  @Override
  public boolean isEmpty() throws IOException {
    Scan scan = new Scan().setFilter(new FirstKeyOnlyFilter()).setLimit(1);
    try (Table table = cluster.connection().getTable(tableName);
        ResultScanner scanner = table.getScanner(scan)) {
      return scanner.next() == null;
    }
  }

  /** Empties the table (truncate keeps its layout and splits). Big-cell files are left, as Kylin leaves them. */
  @Override
  public void clear() throws IOException {
    flush();
    try (Admin admin = cluster.connection().getAdmin()) {
      if (admin.isTableEnabled(tableName)) {
        admin.disableTable(tableName);
      }
      admin.truncateTable(tableName, true);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (mutator != null) {
        mutator.close();
        mutator = null;
      }
    } finally {
      bigCellFs.close();
    }
  }

  @Override
  public String toString() {
    return describe();
  }
}
