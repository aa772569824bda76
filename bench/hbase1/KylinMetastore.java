import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.KeyOnlyFilter;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.kylin.common.KylinConfig;
import org.apache.kylin.common.persistence.RawResource;
import org.apache.kylin.common.persistence.ResourceStore;
import org.apache.kylin.common.persistence.ResourceTool;

/**
 * {@code metastore.sh backup | restore DIR | reset} of Kylin 1.5.4.1 against an HBase 1.x table, run as a source file
 * with Kylin 1.5.4.1's jars and the HBase 1.7.2 client on the class path (KYLIN_CONF names kylin.properties).
 *
 * <pre>
 * download DIR    ResourceTool download: ResourceTool.copyR(the table's store, DIR's file store, "/")
 * upload DIR      ResourceTool upload:   ResourceTool.copyR(DIR's file store, the table's store, "/")
 * reset           ResourceTool reset:    ResourceTool.resetR(the table's store, "/")
 * </pre>
 * Kylin's own walks (ResourceTool.copyR and resetR, Maven Central's kylin-core-common 1.5.4.1) do the work. Only
 * the table's store is ours: Kylin 1.5.4.1's HBaseResourceStore (kylin-storage-hbase) was compiled against HBase
 * 0.98 and cannot be constructed with an HBase 1.x client (its HBaseConnection.createHTableIfNeeded calls the
 * constructor HBaseAdmin(HConnection), which HBase 1.x no longer has: NoSuchMethodError). {@link TableStore} does
 * what that store does, call for call, with the HBase 1.x API, as Kylin's separate HBase 1.x builds did: a folder
 * listing is one key-only prefix scan, a read one Get of the content and timestamp columns, a write one Put sent at
 * once, a delete one Get of the content (a big cell's file is deleted too) and one Delete; cells larger than
 * kylin.hbase.client.keyvalue.maxsize live in files under kylin.hdfs.working.dir + "resources".
 */
public final class KylinMetastore {
  public static void main(String[] args) throws Exception {
    KylinConfig config = KylinConfig.getInstanceFromEnv();
    try (TableStore table = new TableStore(config)) {
      long start = System.nanoTime();
      switch (args[0]) {
        case "download":
          ResourceTool.copyR(table, ResourceStore.getStore(KylinConfig.createInstanceFromUri(args[1])), "/");
          break;
        case "upload":
          ResourceTool.copyR(ResourceStore.getStore(KylinConfig.createInstanceFromUri(args[1])), table, "/");
          break;
        case "reset":
          ResourceTool.resetR(table, "/");
          break;
        default:
          throw new IllegalArgumentException("download DIR | upload DIR | reset: " + args[0]);
      }
      System.out.printf("%s: %.1f s, %d gets, %d puts, %d deletes, %d scans%n", args[0], (System.nanoTime() - start) / 1e9,
          table.gets, table.puts, table.deletes, table.scans);
    }
  }

  /** Kylin's metadata table layout: row = resource path, family f, c = content, t = timestamp (8-byte long). */
  static final class TableStore extends ResourceStore implements AutoCloseable {
    private static final byte[] FAMILY = Bytes.toBytes("f");
    private static final byte[] CONTENT = Bytes.toBytes("c");
    private static final byte[] TIMESTAMP = Bytes.toBytes("t");

    private final Connection connection;
    private final TableName name;
    private final Configuration conf;
    long gets;
    long puts;
    long deletes;
    long scans;

    TableStore(KylinConfig config) throws IOException {
      super(config);
      String url = config.getMetadataUrl();
      int at = url.indexOf('@');
      name = TableName.valueOf(at < 0 ? "kylin_metadata" : url.substring(0, at));
      conf = HBaseConfiguration.create();
      connection = ConnectionFactory.createConnection(conf);
      if (!connection.getAdmin().tableExists(name)) {
        throw new IOException("table " + name + " does not exist");
      }
    }

    @Override
    public void close() throws IOException {
      connection.close();
    }

    private Path bigCell(String path) {
      return new Path(kylinConfig.getHdfsWorkingDirectory(), "resources" + path);
    }

    @Override
    protected boolean existsImpl(String path) throws IOException {
      return get(path, false, false) != null;
    }

    @Override
    protected NavigableSet<String> listResourcesImpl(String folder) throws IOException {
      String prefix = folder.endsWith("/") ? folder : folder + "/";
      byte[] stop = Bytes.toBytes(prefix);
      stop[stop.length - 1]++;
      TreeSet<String> children = new TreeSet<>();
      Scan scan = new Scan(Bytes.toBytes(prefix), stop).setFilter(new KeyOnlyFilter());
      scan.setCaching(kylinConfig.getHBaseScanCacheRows());
      scan.setMaxResultSize(kylinConfig.getHBaseScanMaxResultSize());
      scans++;
      try (Table table = connection.getTable(name); ResultScanner scanner = table.getScanner(scan)) {
        for (Result r : scanner) {
          String path = Bytes.toString(r.getRow());
          int slash = path.indexOf('/', prefix.length());
          children.add(slash < 0 ? path : path.substring(0, slash));
        }
      }
      return children.isEmpty() ? null : children;
    }

    @Override
    protected List<RawResource> getAllResourcesImpl(String folder, long timeStart, long timeEndExclusive)
        throws IOException {
      List<RawResource> all = new ArrayList<>();
      NavigableSet<String> children = listResourcesImpl(folder);
      if (children != null) {
        for (String child : children) {
          RawResource r = getResourceImpl(child);
          if (r != null && r.timestamp >= timeStart && r.timestamp < timeEndExclusive) {
            all.add(r);
          }
        }
      }
      return all;
    }

    @Override
    protected RawResource getResourceImpl(String path) throws IOException {
      Result r = get(path, true, true);
      if (r == null) {
        return null;
      }
      byte[] content = r.getValue(FAMILY, CONTENT);
      InputStream in = content.length > 0 ? new ByteArrayInputStream(content)
          : FileSystem.get(conf).open(bigCell(path));
      return new RawResource(in, timestamp(r));
    }

    private static long timestamp(Result r) {
      byte[] t = r == null ? null : r.getValue(FAMILY, TIMESTAMP);
      return t == null ? 0 : Bytes.toLong(t);
    }

    @Override
    protected long getResourceTimestampImpl(String path) throws IOException {
      return timestamp(get(path, false, true));
    }

    @Override
    protected void putResourceImpl(String path, InputStream content, long ts) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = content.read(buffer)) > 0; ) {
        bytes.write(buffer, 0, n);
      }
      try (Table table = connection.getTable(name)) {
        table.put(put(path, bytes.toByteArray(), ts));
        puts++;
      }
    }

    @Override
    protected long checkAndPutResourceImpl(String path, byte[] content, long oldTs, long newTs) throws IOException {
      try (Table table = connection.getTable(name)) {
        byte[] row = Bytes.toBytes(path);
        if (!table.checkAndPut(row, FAMILY, TIMESTAMP, oldTs == 0 ? null : Bytes.toBytes(oldTs), put(path, content, newTs))) {
          throw new IllegalStateException("Overwriting conflict " + path + ", expected old timestamp " + oldTs
              + ", but it is " + getResourceTimestampImpl(path));
        }
        puts++;
        return newTs;
      }
    }

    private Put put(String path, byte[] content, long ts) throws IOException {
      if (content.length > kylinConfig.getHBaseKeyValueSize()) {
        FileSystem fs = FileSystem.get(conf);
        try (OutputStream out = fs.create(bigCell(path), true)) {
          out.write(content);
        }
        content = new byte[0];
      }
      return new Put(Bytes.toBytes(path)).addColumn(FAMILY, CONTENT, content).addColumn(FAMILY, TIMESTAMP, Bytes.toBytes(ts));
    }

    @Override
    protected void deleteResourceImpl(String path) throws IOException {
      Result r = get(path, true, false);
      boolean inFile = r != null && r.getValue(FAMILY, CONTENT) != null && r.getValue(FAMILY, CONTENT).length == 0;
      try (Table table = connection.getTable(name)) {
        table.delete(new Delete(Bytes.toBytes(path)));
        deletes++;
      }
      if (inFile) {
        FileSystem fs = FileSystem.get(conf);
        if (fs.exists(bigCell(path))) {
          fs.delete(bigCell(path), true);
        }
      }
    }

    @Override
    protected String getReadableResourcePathImpl(String path) {
      return name + "(key='" + path + "')@" + kylinConfig.getMetadataUrl();
    }

    private Result get(String path, boolean content, boolean ts) throws IOException {
      Get get = new Get(Bytes.toBytes(path));
      if (!content && !ts) {
        get.setCheckExistenceOnly(true);
      }
      if (content) {
        get.addColumn(FAMILY, CONTENT);
      }
      if (ts) {
        get.addColumn(FAMILY, TIMESTAMP);
      }
      gets++;
      try (Table table = connection.getTable(name)) {
        Result r = table.get(get);
        boolean exists = r != null && (!r.isEmpty() || Boolean.TRUE.equals(r.getExists()));
        return exists ? r : null;
      }
    }
  }
}
