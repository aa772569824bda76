package org.kylinupgrade.bench;

import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.hbase.mapreduce.TableInputFormat;
import org.apache.hadoop.hbase.mapreduce.TableMapReduceUtil;
import org.apache.hadoop.hbase.spark.JavaHBaseContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseStore;
import org.kylinupgrade.pipeline.SparkContexts;

/**
 * The "plain full copy" baseline, run in its own JVM like the upgrade command: a Spark job on the same local master
 * scans every row of a metadata table with {@code TableInputFormat} (the input of {@code HBaseRdds.readTable}, one
 * split per region, the same scan caching) and writes each into a new table of Kylin's layout with hbase-spark's
 * bulk put, streaming, rows as HBase returns them (no resources built, no big cells resolved: the plainest copy).
 * Prints {@code copied N rows}.
 *
 * <pre>FullCopy --hbase-site FILE --from TABLE --to NEW_TABLE</pre>
 */
public final class FullCopy {
  private static final int SCAN_CACHING = 500;
  private FullCopy() {
  }

  public static void main(String[] args) throws Exception {
    Flags flags = new Flags(Arrays.asList(args));
    String site = flags.text("hbase-site", null);
    String from = flags.text("from", null);
    String to = flags.text("to", null);
    flags.requireAllUsed();
    if (site == null || from == null || to == null) {
      throw new IllegalArgumentException("usage: FullCopy --hbase-site FILE --from TABLE --to NEW_TABLE");
    }
    try (HBaseCluster cluster = HBaseCluster.connect(HBaseCluster.configuration(site, null), null)) {
      if (cluster.tableExists(to)) {
        throw new IllegalStateException("table " + to + " exists already");
      }
      cluster.createKylinTable(to);
      try (SparkContexts spark = SparkContexts.open("kylin-upgrade bench full copy", "local[*]")) {
        long copied = copy(spark.context(), cluster, from, to);
        System.out.println("copied " + copied + " rows");
      }
    }
    System.exit(0);
  }

  /** Every row, each cell's value as it is, in one streaming pass: the table's rows are never held in memory. */
  private static long copy(JavaSparkContext sc, HBaseCluster cluster, String from, String to) throws IOException {
    Configuration conf = new Configuration(cluster.conf());
    conf.set(TableInputFormat.INPUT_TABLE, from);
    conf.set(TableInputFormat.SCAN, TableMapReduceUtil.convertScanToString(
        new Scan().addFamily(HBaseStore.FAMILY).setCaching(SCAN_CACHING).setCacheBlocks(false)));
    JavaRDD<Result> rows = sc.newAPIHadoopRDD(conf, TableInputFormat.class, ImmutableBytesWritable.class, Result.class)
        .values();
    LongAccumulator copied = sc.sc().longAccumulator("copied rows");
    new JavaHBaseContext(sc, cluster.conf()).bulkPut(rows, TableName.valueOf(to), row -> {
      copied.add(1);
      Put put = new Put(row.getRow());
      for (Cell cell : row.rawCells()) {
        put.addColumn(CellUtil.cloneFamily(cell), CellUtil.cloneQualifier(cell), CellUtil.cloneValue(cell));
      }
      return put;
    });
    return copied.value();
  }
}
