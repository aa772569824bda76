package org.kylinupgrade;

import org.apache.hadoop.hbase.HBaseTestingUtility;

/**
 * How this build's mini cluster starts (the HBase 1.x module has its own class of this name, found first on its test
 * class path): HBase 2 on a mini HDFS, with a master observer that refuses to modify tables named *REFUSE_MODIFY*.
 */
@SuppressWarnings("deprecation")
final class MiniClusterStart {
  private MiniClusterStart() {
  }

  static void start(HBaseTestingUtility u) throws Exception {
    // a real mid-way failure for the coprocessor job
    u.getConfiguration().set("hbase.coprocessor.master.classes", org.kylinupgrade.hbase.RefusingModifyObserver.class.getName());
    u.startMiniCluster();
  }

  /** The file system the root dir is on, as a path prefix: the mini HDFS, {@code hdfs://HOST:PORT}. */
  static String fileSystem(HBaseTestingUtility u) {
    return u.getConfiguration().get("fs.defaultFS");
  }
}
