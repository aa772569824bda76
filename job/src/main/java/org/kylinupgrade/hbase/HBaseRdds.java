package org.kylinupgrade.hbase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.filter.MultiRowRangeFilter;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.hbase.mapreduce.TableInputFormat;
import org.apache.hadoop.hbase.mapreduce.TableMapReduceUtil;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.SerializableConfiguration;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;

/** The metadata table as an RDD of resources: one scan split per region, big cells resolved on the executors. */
public final class HBaseRdds {
  private HBaseRdds() {
  }

  public static JavaRDD<Resource> read(JavaSparkContext sc, HBaseCluster cluster, MetadataUrl url) {
    Configuration conf = new Configuration(cluster.conf());
    conf.set(TableInputFormat.INPUT_TABLE, url.tableName());
    conf.set(TableInputFormat.SCAN_COLUMN_FAMILY, "f");
    conf.set(TableInputFormat.SCAN_CACHEDROWS, "500");
    return read(sc, cluster, url, conf);
  }

  /** Only the resources under the given folders ({@code /cube}, ...): the other rows are skipped by the region servers. */
  public static JavaRDD<Resource> readUnder(JavaSparkContext sc, HBaseCluster cluster, MetadataUrl url,
      List<String> folders) throws IOException {
    List<MultiRowRangeFilter.RowRange> ranges = new ArrayList<>();
    for (String folder : folders) {
      Scan prefix = new Scan().setStartStopRowForPrefixScan(Bytes.toBytes(folder.endsWith("/") ? folder : folder + "/"));
      ranges.add(new MultiRowRangeFilter.RowRange(prefix.getStartRow(), true, prefix.getStopRow(), false));
    }
    Scan scan = new Scan().addFamily(HBaseStore.FAMILY).setCaching(500).setFilter(new MultiRowRangeFilter(ranges));
    Configuration conf = new Configuration(cluster.conf());
    conf.set(TableInputFormat.INPUT_TABLE, url.tableName());
    conf.set(TableInputFormat.SCAN, TableMapReduceUtil.convertScanToString(scan));
    return read(sc, cluster, url, conf);
  }

  private static JavaRDD<Resource> read(JavaSparkContext sc, HBaseCluster cluster, MetadataUrl url, Configuration conf) {
    SerializableConfiguration serializableConf = new SerializableConfiguration(new Configuration(cluster.conf()));
    String workingDir = cluster.workingDir();
    return sc.newAPIHadoopRDD(conf, TableInputFormat.class, ImmutableBytesWritable.class, Result.class)
        .mapPartitions(rows -> {
          List<Resource> out = new ArrayList<>();
          try (BigCells bigCells = new BigCells(serializableConf.value(), url, workingDir)) {
            while (rows.hasNext()) {
              out.add(bigCells.toResource(rows.next()._2()));
            }
          }
          return out.iterator();
        });
  }
}
