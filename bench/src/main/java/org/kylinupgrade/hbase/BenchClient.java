package org.kylinupgrade.hbase;

import org.apache.hadoop.hbase.client.Connection;

/** The HBase client behind a {@link HBaseCluster}, for the benchmark's seeding and its sequential baseline. */
public final class BenchClient {
  private BenchClient() {
  }

  public static Connection connection(HBaseCluster cluster) {
    return cluster.connection();
  }
}
