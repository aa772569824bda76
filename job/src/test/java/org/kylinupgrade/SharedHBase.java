package org.kylinupgrade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseTestingUtility;
import org.apache.hadoop.hbase.HConstants;
import org.kylinupgrade.hbase.HBaseCluster;

/** One HBase mini cluster for the whole test JVM, started on first use and stopped at exit. */
@SuppressWarnings("deprecation")
public final class SharedHBase {
  private static HBaseTestingUtility utility;

  private SharedHBase() {
  }

  public static synchronized HBaseTestingUtility utility() {
    if (utility == null) {
      try {
        HBaseTestingUtility u = new HBaseTestingUtility();
        u.getConfiguration().set("hbase.master.info.port", "-1");
        u.getConfiguration().set("hbase.regionserver.info.port", "-1");
        MiniClusterStart.start(u);
        utility = u;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            u.shutdownMiniCluster();
          } catch (Exception ignored) {
            // the JVM is exiting
          }
        }));
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the HBase mini cluster", e);
      }
    }
    return utility;
  }

  /** The mini cluster's ZooKeeper as {@code HOST:PORT}, for {@code --zookeeper}. */
  public static String zookeeper() {
    Configuration conf = utility().getConfiguration();
    return "127.0.0.1:" + conf.get(HConstants.ZOOKEEPER_CLIENT_PORT);
  }

  private static Path hbaseSite;
  private static final java.util.concurrent.atomic.AtomicLong HDFS_DIRS = new java.util.concurrent.atomic.AtomicLong();

  /**
   * The mini cluster's whole configuration written as an operator's {@code hbase-site.xml}: the quorum, the root dir
   * on the mini cluster's HDFS and {@code fs.defaultFS}, as a real cluster's client configuration gives them.
   */
  public static synchronized String hbaseSite() {
    if (hbaseSite == null) {
      try {
        Path site = Files.createTempDirectory("kylin-hbase-conf").resolve("hbase-site.xml");
        try (java.io.OutputStream out = Files.newOutputStream(site)) {
          utility().getConfiguration().writeXml(out);
        }
        hbaseSite = site;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return hbaseSite.toString();
  }

  /** The options that point a job at the mini cluster the way an operator points it at theirs. */
  public static String[] clusterOptions() {
    return new String[] {"--hbase-site", hbaseSite()};
  }

  /** The file system the mini cluster keeps its root dir on, as a path prefix ({@code hdfs://HOST:PORT}). */
  public static String hdfs() {
    return MiniClusterStart.fileSystem(utility());
  }

  /** A fresh working dir on the mini cluster's HDFS, given as an operator writes it: a path without a scheme. */
  public static String newHdfsWorkingDir() {
    return "/kylin-it-" + HDFS_DIRS.incrementAndGet();
  }

  /** A client configuration for the mini cluster, with the contract's bounded retries. */
  public static Configuration clientConf() {
    return HBaseCluster.configuration(hbaseSite(), null);
  }

  /** A fresh local working dir (big cells) as a file: URI. */
  public static String newWorkingDir() {
    try {
      return Files.createTempDirectory("kylin-working").toUri().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static HBaseCluster connect(String workingDir, long maxCellSize) {
    Configuration conf = clientConf();
    conf.setLong(HBaseCluster.MAX_CELL_SIZE_KEY, maxCellSize);
    return HBaseCluster.connect(conf, workingDir);
  }

  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
