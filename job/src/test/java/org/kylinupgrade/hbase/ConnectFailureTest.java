package org.kylinupgrade.hbase;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A failed connection: the cluster's fault (unreachable) or this class path's (a missing or mismatched class). */
class ConnectFailureTest {
  @Test
  void aRefusedConnectionIsAnUnreachableCluster() {
    RuntimeException e = HBaseCluster.connectFailure("zk1:2181", new IOException("wrapped",
        new java.net.ConnectException("Connection refused")));
    assertInstanceOf(ClusterUnreachableException.class, e);
    assertTrue(e.getMessage().contains("HBase (ZooKeeper zk1:2181) is unreachable: ConnectException: Connection refused"),
        e.getMessage());
  }

  @Test
  void aMissingClassIsTheClassPathsFaultNotTheClusters() {
    RuntimeException e = HBaseCluster.connectFailure("zk1:2181", new IOException("wrapped",
        new ClassNotFoundException("org.apache.commons.lang.ArrayUtils")));
    assertFalse(e instanceof ClusterUnreachableException, e.toString());
    assertFalse(e.getMessage().contains("unreachable"), e.getMessage());
    assertTrue(e.getMessage().contains("org.apache.commons.lang.ArrayUtils"), e.getMessage());
    assertTrue(e.getMessage().contains("--hbase-major"), e.getMessage());
    RuntimeException linkage = HBaseCluster.connectFailure("zk1:2181",
        new NoSuchMethodError("org.apache.hadoop.hbase.client.HBaseAdmin.<init>"));
    assertFalse(linkage instanceof ClusterUnreachableException, linkage.toString());
  }
}
