package org.kylinupgrade.hbase;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.FilterList;
import org.apache.hadoop.hbase.filter.FirstKeyOnlyFilter;
import org.apache.hadoop.hbase.filter.KeyOnlyFilter;
import org.apache.hadoop.hbase.filter.MultiRowRangeFilter;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.hbase.mapreduce.MultiTableInputFormat;
import org.apache.hadoop.hbase.mapreduce.TableInputFormat;
import org.apache.hadoop.hbase.mapreduce.TableMapReduceUtil;
import org.apache.hadoop.hbase.mapreduce.TableSnapshotInputFormat;
import org.apache.hadoop.hbase.snapshot.SnapshotDescriptionUtils;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.hadoop.hbase.util.CommonFSUtils;
import org.apache.hadoop.mapreduce.Job;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.TaskCompletionListener;
import org.apache.spark.util.SerializableConfiguration;
import org.kylinupgrade.metadata.FileSystems;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.RowSelection;

/** Metadata tables and snapshots as RDDs of resources, and bulk writes into a table. */
public final class HBaseRdds {
  private static final int CACHING = 500;

  private HBaseRdds() {
  }

  /** The whole table, one split per region, big cells resolved on the executors. */
  public static JavaRDD<Resource> read(JavaSparkContext sc, HBaseCluster cluster, MetadataUrl url) {
    return readTable(sc, cluster, url.tableName(), url, RowSelection.all(), null);
  }

  /** Only the resources under the given folders ({@code /cube}, ...): the other rows are skipped by the region servers. */
  public static JavaRDD<Resource> readUnder(JavaSparkContext sc, HBaseCluster cluster, MetadataUrl url, List<String> folders) {
    return readTable(sc, cluster, url.tableName(), url, RowSelection.under(folders), null);
  }

  /**
   * The rows of {@code table} that {@code rows} selects.
   * Big cells are read from {@code preferredBigCellDir} first when given (a run's staged files), else from
   * the working dir.
   */
  public static JavaRDD<Resource> readTable(JavaSparkContext sc, HBaseCluster cluster, String table, MetadataUrl url,
      RowSelection rows, String preferredBigCellDir) {
    Configuration conf = new Configuration(cluster.conf());
    List<String> prefixes = rows.prefixes();
    if (prefixes.isEmpty() || rows.pathPattern() != null) {
      conf.set(TableInputFormat.INPUT_TABLE, table);
      conf.set(TableInputFormat.SCAN, toString(selectingScan(rows)));
      return toResources(sc.newAPIHadoopRDD(conf, TableInputFormat.class, ImmutableBytesWritable.class, Result.class),
          cluster, url, preferredBigCellDir);
    }
    // one scan per prefix: a split per (prefix, region), so that a metadata table of one region is still read by
    // several tasks, and rows outside the prefixes are never touched
    List<String> scans = new ArrayList<>();
    for (String prefix : outermost(prefixes)) {
      byte[] start = Bytes.toBytes(prefix);
      Scan scan = newScan().withStartRow(start).withStopRow(stopOf(start));
      scan.setAttribute(Scan.SCAN_ATTRIBUTES_TABLE_NAME, Bytes.toBytes(table));
      scans.add(toString(scan));
    }
    conf.setStrings(MultiTableInputFormat.SCANS, scans.toArray(new String[0]));
    return toResources(sc.newAPIHadoopRDD(conf, MultiTableInputFormat.class, ImmutableBytesWritable.class, Result.class),
        cluster, url, preferredBigCellDir);
  }

  /**
   * The rows of a snapshot, read straight from its files with HBase's snapshot reader ({@link SnapshotInputFormat}): a
   * consistent point-in-time view that puts no load on the live table. Needs the HBase root dir to be readable.
   */
  public static JavaRDD<Resource> readSnapshot(JavaSparkContext sc, HBaseCluster cluster, String snapshot, MetadataUrl url,
      RowSelection rows, String runId) throws IOException {
    Configuration conf = new Configuration(cluster.conf());
    conf.set(TableInputFormat.SCAN, toString(selectingScan(rows)));
    Job job = Job.getInstance(conf);
    TableSnapshotInputFormat.setInput(job, snapshot, restoreDir(cluster, runId));
    return toResources(sc.newAPIHadoopRDD(job.getConfiguration(), SnapshotInputFormat.class,
        ImmutableBytesWritable.class, Result.class), cluster, url, null);
  }

  /** Rows of a table, counted on the executors from their keys alone. */
  public static long countRows(JavaSparkContext sc, HBaseCluster cluster, String table) {
    return paths(sc, cluster, table).count();
  }

  /** The row keys (resource paths) of a table: no cell value is read or shipped. */
  public static JavaRDD<String> paths(JavaSparkContext sc, HBaseCluster cluster, String table) {
    Configuration conf = new Configuration(cluster.conf());
    conf.set(TableInputFormat.INPUT_TABLE, table);
    conf.set(TableInputFormat.SCAN, toString(new Scan().setCaching(CACHING * 10).setCacheBlocks(false)
        .setFilter(new FilterList(new FirstKeyOnlyFilter(), new KeyOnlyFilter()))));
    return sc.newAPIHadoopRDD(conf, TableInputFormat.class, ImmutableBytesWritable.class, Result.class)
        .map(row -> Bytes.toString(row._1().copyBytes()));
  }

  /**
   * Why this process cannot read the snapshot's files, or empty when it can: HBase's root dir (from the
   * hbase-site) holds the completed snapshot and its description reads, and the restore dir can be created. Where
   * it cannot (a root dir on a file system this process does not reach, or a client given only a ZooKeeper
   * address), the caller scans a temporary clone of the snapshot instead.
   */
  public static Optional<String> whySnapshotFilesUnreadable(HBaseCluster cluster, String snapshot, String runId) {
    try {
      Path root = CommonFSUtils.getRootDir(cluster.conf());
      FileSystem fs = root.getFileSystem(cluster.conf());
      Path completed = SnapshotDescriptionUtils.getCompletedSnapshotDir(snapshot, root);
      if (!fs.exists(completed)) {
        return Optional.of("HBase root dir " + root + " has no snapshot " + snapshot);
      }
      SnapshotDescriptionUtils.readSnapshotInfo(fs, completed);
      Path restore = restoreDir(cluster, runId);
      if (!fs.mkdirs(restore)) {
        return Optional.of("cannot create " + restore);
      }
      fs.delete(restore, true);
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** HBase's root dir as this process sees it (the hbase-site's {@code hbase.rootdir}). */
  public static String rootDir(HBaseCluster cluster) {
    try {
      return CommonFSUtils.getRootDir(cluster.conf()).toString();
    } catch (IOException e) {
      return cluster.conf().get(HConstants.HBASE_DIR);
    }
  }

  /** The rows of {@code table} that {@code rows} selects, counted by the region servers from the keys alone. */
  public static long countTableRows(HBaseCluster cluster, String table, RowSelection rows) throws IOException {
    long count = 0;
    try (Table t = cluster.connection().getTable(TableName.valueOf(table));
        ResultScanner scanner = t.getScanner(keysOnly(rows).setCaching(CACHING * 10))) {
      while (scanner.next() != null) {
        count++;
      }
    }
    return count;
  }

  private static Scan keysOnly(RowSelection rows) {
    Scan scan = selectingScan(rows).setCacheBlocks(false);
    FilterList filters = new FilterList(FilterList.Operator.MUST_PASS_ALL);
    if (scan.getFilter() != null) {
      filters.addFilter(scan.getFilter());
    }
    filters.addFilter(new FirstKeyOnlyFilter());
    filters.addFilter(new KeyOnlyFilter());
    return scan.setFilter(filters);
  }

  /**
   * Where {@code TableSnapshotInputFormat} restores the snapshot's links: HBase's own tmp dir on the root FS, or the
   * user's home dir there when that tmp dir lies inside the root dir (HBase refuses a restore dir inside it).
   */
  public static Path restoreDir(HBaseCluster cluster, String runId) throws IOException {
    Path root = CommonFSUtils.getRootDir(cluster.conf());
    FileSystem fs = root.getFileSystem(cluster.conf());
    String name = "kylin-upgrade-restore-" + runId;
    Path tmp = fs.makeQualified(new Path(cluster.conf().get("hbase.fs.tmp.dir", "/tmp/hbase-staging"), name));
    if (!isInside(tmp, fs.makeQualified(root))) {
      return tmp;
    }
    Path home = fs.makeQualified(new Path(fs.getHomeDirectory(), name));
    if (!isInside(home, fs.makeQualified(root))) {
      return home;
    }
    throw new IOException("no place outside HBase's root dir " + root + " to restore snapshot links: set hbase.fs.tmp.dir"
        + " to a dir outside it");
  }

  private static boolean isInside(Path path, Path dir) {
    String d = dir.toString().endsWith("/") ? dir.toString() : dir + "/";
    return path.toString().startsWith(d);
  }

  public static void deleteRestoreDir(HBaseCluster cluster, String runId) throws IOException {
    Path dir = restoreDir(cluster, runId);
    dir.getFileSystem(cluster.conf()).delete(dir, true);
  }

  /** The prefixes no other prefix contains, each once: their ranges do not overlap, so no row is read twice. */
  static List<String> outermost(List<String> prefixes) {
    List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(prefixes));
    List<String> out = new ArrayList<>();
    for (String prefix : sorted) {
      if (out.isEmpty() || !prefix.startsWith(out.get(out.size() - 1))) {
        out.add(prefix);
      }
    }
    return out;
  }

  private static Scan newScan() {
    return new Scan().addFamily(HBaseStore.FAMILY).setCaching(CACHING).setCacheBlocks(false);
  }

  private static String toString(Scan scan) {
    try {
      return TableMapReduceUtil.convertScanToString(scan);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A scan of the family that the region servers limit to the rows {@code rows} selects, by key alone. */
  private static Scan selectingScan(RowSelection rows) {
    Scan scan = newScan();
    FilterList filters = new FilterList(FilterList.Operator.MUST_PASS_ALL);
    if (!rows.prefixes().isEmpty()) {
      List<MultiRowRangeFilter.RowRange> ranges = new ArrayList<>();
      for (String prefix : rows.prefixes()) {
        byte[] start = Bytes.toBytes(prefix);
        ranges.add(new MultiRowRangeFilter.RowRange(start, true, stopOf(start), false));
      }
      filters.addFilter(SparkIO.rowRanges(ranges));
    }
    if (!rows.skipped().isEmpty()) {
      filters.addFilter(SparkIO.rowRanges(rangesOutside(rows.skipped())));
    }
    if (rows.pathPattern() != null) {
      filters.addFilter(SparkIO.rowKeyMatches(rows.pathPattern()));
    }
    if (filters.size() == 1) {
      scan.setFilter(filters.getFilters().get(0));
    } else if (filters.size() > 1) {
      scan.setFilter(filters);
    }
    return scan;
  }

  /** The key ranges between the skipped prefixes: from the table's start to its end, each skipped range left out. */
  static List<MultiRowRangeFilter.RowRange> rangesOutside(List<String> skippedPrefixes) {
    List<MultiRowRangeFilter.RowRange> ranges = new ArrayList<>();
    byte[] from = new byte[0];
    for (String prefix : outermost(skippedPrefixes)) {
      byte[] start = Bytes.toBytes(prefix);
      if (Bytes.compareTo(from, start) < 0) {
        ranges.add(new MultiRowRangeFilter.RowRange(from, true, start, false));
      }
      from = stopOf(start);
      if (from.length == 0) {
        return ranges; // the skipped range runs to the table's end
      }
    }
    ranges.add(new MultiRowRangeFilter.RowRange(from, true, new byte[0], false));
    return ranges;
  }

  /** The first key after every key that starts with {@code prefix} (empty, the table's end, for all 0xFF bytes). */
  static byte[] stopOf(byte[] prefix) {
    int length = prefix.length;
    while (length > 0 && prefix[length - 1] == (byte) 0xFF) {
      length--;
    }
    byte[] stop = java.util.Arrays.copyOf(prefix, length);
    if (length > 0) {
      stop[length - 1]++;
    }
    return stop;
  }

  private static JavaRDD<Resource> toResources(JavaPairRDD<ImmutableBytesWritable, Result> rows, HBaseCluster cluster,
      MetadataUrl url, String preferredBigCellDir) {
    SerializableConfiguration conf = new SerializableConfiguration(new Configuration(cluster.conf()));
    String workingDir = cluster.workingDir();
    return rows.mapPartitions(it -> {
      // streamed: a region can be far larger than an executor's heap
      BigCells bigCells = new BigCells(conf.value(), url, workingDir, preferredBigCellDir);
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener((TaskCompletionListener) done -> closeQuietly(bigCells));
      }
      return new Iterator<Resource>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Resource next() {
          try {
            return bigCells.toResource(it.next()._2());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    });
  }

  private static void closeQuietly(BigCells bigCells) {
    try {
      bigCells.close();
    } catch (IOException e) {
      // only a read handle: nothing was written through it
    }
  }

  /**
   * The paths of {@code expected} whose row in {@code table} does not hold exactly that resource (content, big cells
   * resolved as {@link #readTable} does, and timestamp): batched Gets from the executors, only the paths at fault
   * reach the driver.
   */
  public static List<String> rowsNotAsExpected(HBaseCluster cluster, String table, MetadataUrl url,
      JavaRDD<Resource> expected, String preferredBigCellDir) {
    SerializableConfiguration conf = new SerializableConfiguration(new Configuration(cluster.conf()));
    String workingDir = cluster.workingDir();
    return expected.mapPartitions(it -> {
      List<String> wrong = new ArrayList<>();
      try (Connection connection = ConnectionFactory.createConnection(conf.value());
          Table rows = connection.getTable(TableName.valueOf(table));
          BigCells bigCells = new BigCells(conf.value(), url, workingDir, preferredBigCellDir)) {
        List<Resource> batch = new ArrayList<>(CACHING);
        while (it.hasNext()) {
          batch.add(it.next());
          if (batch.size() == CACHING || !it.hasNext()) {
            List<Get> gets = new ArrayList<>(batch.size());
            batch.forEach(r -> gets.add(new Get(Bytes.toBytes(r.path())).addFamily(HBaseStore.FAMILY)));
            Result[] found = rows.get(gets);
            for (int i = 0; i < found.length; i++) {
              if (found[i].isEmpty() || !bigCells.toResource(found[i]).equals(batch.get(i))) {
                wrong.add(batch.get(i).path());
              }
            }
            batch.clear();
          }
        }
      }
      return wrong.iterator();
    }).collect();
  }

  /**
   * Writes resources into {@code table} (a buffered writer per partition), Kylin's layout; content larger than the
   * big-cell limit goes to {@code bigCellDir + path} and the cell is left empty.
   */
  public static void bulkPut(JavaSparkContext sc, HBaseCluster cluster, String table, JavaRDD<Resource> resources,
      String bigCellDir) {
    long limit = cluster.maxCellSize();
    SerializableConfiguration conf = new SerializableConfiguration(new Configuration(cluster.conf()));
    resources.filter(r -> r.content().length > limit).foreachPartition(it -> {
      if (!it.hasNext()) {
        return;
      }
      try (FileSystem fs = FileSystems.open(URI.create(bigCellDir), conf.value())) {
        while (it.hasNext()) {
          Resource r = it.next();
          Path file = new Path(bigCellDir + r.path());
          fs.mkdirs(file.getParent());
          try (OutputStream out = fs.create(file, true)) {
            out.write(r.content());
          }
        }
      }
    });
    SparkIO.bulkPut(sc, cluster.conf(), table, resources, limit);
  }

  /** Kylin's row for a resource: an empty cell when the content is over the big-cell limit (it is in a file). */
  static Put toPut(Resource r, long bigCellLimit) {
    byte[] cell = r.content().length > bigCellLimit ? new byte[0] : r.content();
    return new Put(Bytes.toBytes(r.path()))
        .addColumn(HBaseStore.FAMILY, HBaseStore.CONTENT, cell)
        .addColumn(HBaseStore.FAMILY, HBaseStore.TIMESTAMP, Bytes.toBytes(r.timestamp()));
  }
}
