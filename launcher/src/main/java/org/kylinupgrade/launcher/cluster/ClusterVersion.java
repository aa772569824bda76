package org.kylinupgrade.launcher.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.kylinupgrade.hbase.HBaseVersions;

/**
 * The HBase version a cluster runs, read where every HBase release leaves it, whatever client asks: each
 * region server announces itself with an ephemeral znode {@code <parent>/rs/<server>} whose content is a
 * protobuf {@code RegionServerInfo} (field 1 its info port, field 2 a {@code VersionInfo} whose field 1 is
 * the version string). HBase 1.2 and later fill in the version; 0.98, 1.0 and 1.1 write the info port only,
 * so a region server that does not say is one of those. No HBase client is needed, so the launcher can ask
 * an HBase 1.x cluster as well as a 2.x one before it picks the build of the jobs.
 */
public final class ClusterVersion {
  /** What the region server said, or {@code null} when it does not say (HBase 0.98 to 1.1). */
  private final String version;
  private final String server;

  ClusterVersion(String version, String server) {
    this.version = version;
    this.server = server;
  }

  /** The version a region server announced, for example {@code 2.6.1-hadoop3}; empty before HBase 1.2. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /** The HBase major version: the version's leading number, 1 for a region server that does not say. */
  public int major() {
    return version == null ? 1 : majorOf(version);
  }

  /** The leading number of a version such as {@code 2.6.1-hadoop3} or {@code 1.2.0-cdh5.16.2}. */
  public static int majorOf(String version) {
    String digits = version.trim().replaceFirst("^(\\d+).*", "$1");
    if (!digits.matches("\\d+")) {
      throw new IllegalArgumentException("not an HBase version: " + version);
    }
    return Integer.parseInt(digits);
  }

  public String server() {
    return server;
  }

  @Override
  public String toString() {
    return (version == null ? "HBase 0.98-1.1 (its region servers do not announce a version)" : "HBase " + version)
        + " (region server " + server + ")";
  }

  /** Why the cluster could not be asked, or did not answer the question. */
  public static final class Unknown extends Exception {
    private static final long serialVersionUID = 1L;

    Unknown(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Asks the cluster's ZooKeeper.
   *
   * @param connectString ZooKeeper's {@code host:port,host:port}
   * @param parent HBase's parent znode ({@code zookeeper.znode.parent}, {@code /hbase} by default)
   * @throws Unknown when ZooKeeper does not answer within {@code deadline}, or no region server is up, or it may not be read
   */
  public static ClusterVersion ask(String connectString, String parent, Duration deadline)
      throws Unknown, InterruptedException {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk;
    try {
      zk = new ZooKeeper(connectString, (int) deadline.toMillis(), event -> {
        if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
          connected.countDown();
        }
      });
    } catch (IOException | IllegalArgumentException e) {
      throw new Unknown("ZooKeeper " + connectString + ": " + e.getMessage(), e);
    }
    try {
      if (!connected.await(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new Unknown("ZooKeeper " + connectString + " did not answer within " + deadline.toSeconds() + " s", null);
      }
      String servers = parent.replaceFirst("/+$", "") + "/rs";
      List<String> names = zk.getChildren(servers, false);
      for (String name : names) {
        try {
          return new ClusterVersion(versionIn(zk.getData(servers + "/" + name, false, null)).orElse(null), name);
        } catch (KeeperException.NoNodeException gone) {
          // that region server just stopped: ask the next
        }
      }
      throw new Unknown("no region server is registered under " + servers + " in ZooKeeper " + connectString, null);
    } catch (KeeperException e) {
      throw new Unknown("ZooKeeper " + connectString + ": " + e.getMessage(), e);
    } finally {
      zk.close();
    }
  }

  /** The version string in a region server's znode; empty when the znode carries none. */
  static Optional<String> versionIn(byte[] znode) {
    return HBaseVersions.versionOf(znode);
  }
}
