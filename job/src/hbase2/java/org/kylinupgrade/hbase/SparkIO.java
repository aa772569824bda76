package org.kylinupgrade.hbase;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.CompareOperator;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.filter.Filter;
import org.apache.hadoop.hbase.filter.MultiRowRangeFilter;
import org.apache.hadoop.hbase.filter.RegexStringComparator;
import org.apache.hadoop.hbase.filter.RowFilter;
import org.apache.hadoop.hbase.spark.JavaHBaseContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.kylinupgrade.metadata.Resource;

/** HBase 2: the row-key filter of Spark reads, and bulk writes with hbase-spark. */
final class SparkIO {
  private SparkIO() {
  }

  /** Rows in any of the ranges. */
  static Filter rowRanges(java.util.List<MultiRowRangeFilter.RowRange> ranges) {
    return new MultiRowRangeFilter(ranges);
  }

  /** Rows whose key matches the regular expression (evaluated by the region servers). */
  static Filter rowKeyMatches(String regex) {
    return new RowFilter(CompareOperator.EQUAL, new RegexStringComparator(regex));
  }

  /** Writes the resources as Kylin's rows with hbase-spark's bulk put (a buffered mutator per partition). */
  static void bulkPut(JavaSparkContext sc, Configuration conf, String table, JavaRDD<Resource> resources, long bigCellLimit) {
    new JavaHBaseContext(sc, conf).bulkPut(resources, TableName.valueOf(table), r -> HBaseRdds.toPut(r, bigCellLimit));
  }
}
