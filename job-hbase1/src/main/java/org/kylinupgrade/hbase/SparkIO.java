package org.kylinupgrade.hbase;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.filter.CompareFilter;
import org.apache.hadoop.hbase.filter.Filter;
import org.apache.hadoop.hbase.filter.MultiRowRangeFilter;
import org.apache.hadoop.hbase.filter.RegexStringComparator;
import org.apache.hadoop.hbase.filter.RowFilter;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.SerializableConfiguration;
import org.kylinupgrade.metadata.Resource;

/** HBase 1.x: the row-key filter of Spark reads, and bulk writes with a buffered mutator per partition. */
final class SparkIO {
  private SparkIO() {
  }

  /** Rows in any of the ranges. */
  static Filter rowRanges(java.util.List<MultiRowRangeFilter.RowRange> ranges) {
    try {
      return new MultiRowRangeFilter(ranges);
    } catch (java.io.IOException e) {
      // HBase 1 declares it for ranges that overlap wrongly; the callers' ranges never do
      throw new IllegalArgumentException("row ranges " + ranges + ": " + e.getMessage(), e);
    }
  }

  /** Rows whose key matches the regular expression (evaluated by the region servers). */
  static Filter rowKeyMatches(String regex) {
    return new RowFilter(CompareFilter.CompareOp.EQUAL, new RegexStringComparator(regex));
  }

  /**
   * Writes the resources as Kylin's rows: each partition opens a connection and a buffered mutator, whose close
   * flushes and fails the task when a put failed (hbase-spark, which does the same on HBase 2, has no 1.x build).
   */
  static void bulkPut(JavaSparkContext sc, Configuration conf, String table, JavaRDD<Resource> resources, long bigCellLimit) {
    SerializableConfiguration serializable = new SerializableConfiguration(new Configuration(conf));
    resources.foreachPartition(it -> {
      if (!it.hasNext()) {
        return;
      }
      try (Connection connection = ConnectionFactory.createConnection(serializable.value());
          BufferedMutator mutator = connection.getBufferedMutator(TableName.valueOf(table))) {
        while (it.hasNext()) {
          mutator.mutate(HBaseRdds.toPut(it.next(), bigCellLimit));
        }
      }
    });
  }
}
