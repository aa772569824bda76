package org.kylinupgrade;

import java.nio.file.Files;
import org.apache.hadoop.hbase.HBaseTestingUtility;

/**
 * How the HBase 1.7.2 mini cluster starts; it stands in for the job module's class of this name (found first on this
 * module's test class path): with the HBase 1.x master observer of the same name as that one's (tables named
 * *REFUSE_MODIFY* refuse modification), and on the local file system instead of a mini HDFS.
 */
final class MiniClusterStart {
  private MiniClusterStart() {
  }

  static void start(HBaseTestingUtility u) throws Exception {
    // HBase 1.7.2's region server cannot write store files to Hadoop 3's HDFS (it calls
    // HdfsDataInputStream.getReadStatistics, whose return type Hadoop 3 changed: NoSuchMethodError on the first
    // flush), so this mini cluster keeps its root dir, and the tests' "HDFS", on the local file system
    u.getConfiguration().set("fs.defaultFS", "file:///");
    u.getConfiguration().set("hbase.rootdir", Files.createTempDirectory("hbase1-root").toUri().toString());
    u.getConfiguration().setBoolean("hbase.unsafe.stream.capability.enforce", false);
    // a real mid-way failure for the coprocessor job
    u.getConfiguration().set("hbase.coprocessor.master.classes", org.kylinupgrade.hbase.RefusingModifyObserver.class.getName());
    u.startMiniZKCluster();
    u.startMiniHBaseCluster(1, 1);
  }

  /** The local file system, written as Hadoop qualifies a path on it ({@code file:/dir}). */
  static String fileSystem(HBaseTestingUtility u) {
    return "file:";
  }
}
