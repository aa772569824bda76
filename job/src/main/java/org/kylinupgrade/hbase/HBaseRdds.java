package org.kylinupgrade.hbase;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.filter.MultiRowRangeFilter;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.hbase.mapreduce.TableInputFormat;
import org.apache.hadoop.hbase.mapreduce.TableMapReduceUtil;
import org.apache.hadoop.hbase.mapreduce.TableSnapshotInputFormat;
import org.apache.hadoop.hbase.spark.JavaHBaseContext;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.hadoop.hbase.util.CommonFSUtils;
import org.apache.hadoop.mapreduce.Job;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.SerializableConfiguration;
import org.kylinupgrade.metadata.FileSystems;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;

/** Metadata tables and snapshots as RDDs of resources, and bulk writes into a table. */
public final class HBaseRdds {
  private static final int CACHING = 500;

  private HBaseRdds() {
  }

  /** The whole table, one split per region, big cells resolved on the executors. */
  public static JavaRDD<Resource> read(JavaSparkContext sc, HBaseCluster cluster, MetadataUrl url) {
    return readTable(sc, cluster, url.tableName(), url, List.of(), null);
  }

  /** Only the resources under the given folders ({@code /cube}, ...): the other rows are skipped by the region servers. */
  public static JavaRDD<Resource> readUnder(JavaSparkContext sc, HBaseCluster cluster, MetadataUrl url, List<String> folders) {
    List<String> prefixes = new ArrayList<>();
    folders.forEach(f -> prefixes.add(f.endsWith("/") ? f : f + "/"));
    return readTable(sc, cluster, url.tableName(), url, prefixes, null);
  }

  /**
   * The rows of {@code table} whose path starts with one of {@code prefixes} (all rows when empty).
   * Big cells are read from {@code preferredBigCellDir} first when given (a run's staged files), else from
   * the working dir.
   */
  public static JavaRDD<Resource> readTable(JavaSparkContext sc, HBaseCluster cluster, String table, MetadataUrl url,
      List<String> prefixes, String preferredBigCellDir) {
    Configuration conf = new Configuration(cluster.conf());
    conf.set(TableInputFormat.INPUT_TABLE, table);
    conf.set(TableInputFormat.SCAN, scanString(prefixes));
    return toResources(sc.newAPIHadoopRDD(conf, TableInputFormat.class, ImmutableBytesWritable.class, Result.class),
        cluster, url, preferredBigCellDir);
  }

  /**
   * The rows of a snapshot, read straight from its files with {@code TableSnapshotInputFormat}: a consistent
   * point-in-time view that puts no load on the live table. Needs the HBase root dir to be readable.
   */
  public static JavaRDD<Resource> readSnapshot(JavaSparkContext sc, HBaseCluster cluster, String snapshot, MetadataUrl url,
      List<String> prefixes, String runId) throws IOException {
    Configuration conf = new Configuration(cluster.conf());
    conf.set(TableInputFormat.SCAN, scanString(prefixes));
    Job job = Job.getInstance(conf);
    TableSnapshotInputFormat.setInput(job, snapshot, restoreDir(cluster, runId));
    return toResources(sc.newAPIHadoopRDD(job.getConfiguration(), TableSnapshotInputFormat.class,
        ImmutableBytesWritable.class, Result.class), cluster, url, null);
  }

  /** Rows of a table (first cell only: no content read), counted on the executors. */
  public static long countRows(JavaSparkContext sc, HBaseCluster cluster, String table) throws IOException {
    Configuration conf = new Configuration(cluster.conf());
    conf.set(TableInputFormat.INPUT_TABLE, table);
    conf.set(TableInputFormat.SCAN, TableMapReduceUtil.convertScanToString(
        new Scan().setFilter(new org.apache.hadoop.hbase.filter.FirstKeyOnlyFilter()).setCaching(CACHING * 10).setCacheBlocks(false)));
    return sc.newAPIHadoopRDD(conf, TableInputFormat.class, ImmutableBytesWritable.class, Result.class).count();
  }

  /**
   * Whether the snapshot's files can be read directly: the HBase root dir is readable from here and is not
   * a local folder (a standalone HBase on the local file system yields no splits to the snapshot input
   * format); if not, a temporary clone of the snapshot is scanned instead.
   */
  public static boolean canReadSnapshotFiles(HBaseCluster cluster) {
    try {
      Path root = CommonFSUtils.getRootDir(cluster.conf());
      if ("file".equals(root.toUri().getScheme())) {
        return false;
      }
      FileSystem fs = root.getFileSystem(cluster.conf());
      fs.listStatus(new Path(root, HConstants.SNAPSHOT_DIR_NAME));
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Where {@code TableSnapshotInputFormat} restores the snapshot's links: HBase's own tmp dir on the root FS. */
  public static Path restoreDir(HBaseCluster cluster, String runId) throws IOException {
    Path root = CommonFSUtils.getRootDir(cluster.conf());
    FileSystem fs = root.getFileSystem(cluster.conf());
    String tmp = cluster.conf().get("hbase.fs.tmp.dir", "/tmp/hbase-staging");
    return fs.makeQualified(new Path(tmp, "kylin-upgrade-restore-" + runId));
  }

  public static void deleteRestoreDir(HBaseCluster cluster, String runId) throws IOException {
    Path dir = restoreDir(cluster, runId);
    dir.getFileSystem(cluster.conf()).delete(dir, true);
  }

  private static String scanString(List<String> prefixes) {
    Scan scan = new Scan().addFamily(HBaseStore.FAMILY).setCaching(CACHING).setCacheBlocks(false);
    if (!prefixes.isEmpty()) {
      List<MultiRowRangeFilter.RowRange> ranges = new ArrayList<>();
      for (String prefix : prefixes) {
        byte[] start = Bytes.toBytes(prefix);
        ranges.add(new MultiRowRangeFilter.RowRange(start, true, stopOf(start), false));
      }
      scan.setFilter(new MultiRowRangeFilter(ranges));
    }
    try {
      return TableMapReduceUtil.convertScanToString(scan);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first key after every key that starts with {@code prefix}. */
  private static byte[] stopOf(byte[] prefix) {
    byte[] stop = prefix.clone();
    stop[stop.length - 1]++;
    return stop;
  }

  private static JavaRDD<Resource> toResources(JavaPairRDD<ImmutableBytesWritable, Result> rows, HBaseCluster cluster,
      MetadataUrl url, String preferredBigCellDir) {
    SerializableConfiguration conf = new SerializableConfiguration(new Configuration(cluster.conf()));
    String workingDir = cluster.workingDir();
    return rows.mapPartitions(it -> {
      List<Resource> out = new ArrayList<>();
      try (BigCells bigCells = new BigCells(conf.value(), url, workingDir, preferredBigCellDir)) {
        while (it.hasNext()) {
          out.add(bigCells.toResource(it.next()._2()));
        }
      }
      return out.iterator();
    });
  }

  /**
   * Writes resources into {@code table} with hbase-spark's bulk put, Kylin's layout; content larger than the
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
    new JavaHBaseContext(sc, cluster.conf()).bulkPut(resources, TableName.valueOf(table), r -> {
      byte[] cell = r.content().length > limit ? new byte[0] : r.content();
      return new Put(Bytes.toBytes(r.path()))
          .addColumn(HBaseStore.FAMILY, HBaseStore.CONTENT, cell)
          .addColumn(HBaseStore.FAMILY, HBaseStore.TIMESTAMP, Bytes.toBytes(r.timestamp()));
    });
  }
}
