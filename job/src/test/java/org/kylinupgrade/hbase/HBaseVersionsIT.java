package org.kylinupgrade.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.SharedHBase;

/** A running cluster's version, read from ZooKeeper, is the version of the HBase that runs it. */
class HBaseVersionsIT {
  @Test
  void theMiniClusterReportsTheVersionOfTheHBaseClassesItRunsOn() throws Exception {
    // the mini cluster runs on this JVM's HBase classes: its region server reports exactly the client's version
    Optional<String> cluster = HBaseVersions.ofCluster(SharedHBase.clientConf());
    assertEquals(Optional.of(HBaseVersions.client()), cluster);
    assertEquals(HBaseVersions.clientMajor(), HBaseVersions.major(cluster.get()));
    assertTrue(HBaseVersions.clientMajor() == 1 || HBaseVersions.clientMajor() == 2, HBaseVersions.client());
  }

  @Test
  void theSameAnswerThroughTheJobsOptions() throws Exception {
    assertEquals(Optional.of(HBaseVersions.client()), HBaseVersions.ofCluster(null, SharedHBase.zookeeper()));
  }

  @Test
  void aQuorumWithoutRegionServersReportsNoVersion() throws Exception {
    org.apache.hadoop.conf.Configuration conf = SharedHBase.clientConf();
    conf.set("zookeeper.znode.parent", "/no-hbase-here");
    assertEquals(Optional.empty(), HBaseVersions.ofCluster(conf));
  }
}
