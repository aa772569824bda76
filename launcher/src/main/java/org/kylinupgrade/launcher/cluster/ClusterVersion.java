package org.kylinupgrade.launcher.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * The HBase version a cluster runs, read where every HBase release leaves it, whatever client asks: each
 * region server announces itself with an ephemeral znode {@code <parent>/rs/<server>} whose content is a
 * protobuf {@code RegionServerInfo} (field 1 its info port, field 2 a {@code VersionInfo} whose field 1 is
 * the version string). HBase 1.2 and later fill in the version; 0.98, 1.0 and 1.1 write the info port only,
 * so a region server that does not say is one of those. No HBase client is needed, so the launcher can ask
 * an HBase 1.x cluster as well as a 2.x one before it picks the build of the jobs.
 */
public final class ClusterVersion {
  /** Before the protobuf, HBase's ZooKeeper wrapper puts a marker byte, an id length and the id. */
  private static final byte ZK_METADATA_MARKER = (byte) 0xFF;
  private static final byte[] PB_MAGIC = "PBUF".getBytes(StandardCharsets.US_ASCII);
  private static final int WIRE_VARINT = 0;
  private static final int WIRE_FIXED64 = 1;
  private static final int WIRE_LENGTH_DELIMITED = 2;
  private static final int WIRE_FIXED32 = 5;

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
    if (znode == null || znode.length == 0) {
      return Optional.empty();
    }
    int at = 0;
    if (znode[0] == ZK_METADATA_MARKER) {
      if (znode.length < 5) {
        return Optional.empty();
      }
      int idLength = ((znode[1] & 0xFF) << 24) | ((znode[2] & 0xFF) << 16) | ((znode[3] & 0xFF) << 8) | (znode[4] & 0xFF);
      at = 5 + idLength;
    }
    if (at < 0 || at + PB_MAGIC.length > znode.length) {
      return Optional.empty();
    }
    for (int i = 0; i < PB_MAGIC.length; i++) {
      if (znode[at + i] != PB_MAGIC[i]) {
        return Optional.empty();
      }
    }
    ProtobufReader regionServerInfo = new ProtobufReader(znode, at + PB_MAGIC.length, znode.length);
    return regionServerInfo.message(2).flatMap(versionInfo -> versionInfo.string(1));
  }

  /** Just enough of protobuf's wire format to find a field: varints, fixed widths and length-delimited fields. */
  private static final class ProtobufReader {
    private final byte[] bytes;
    private final int from;
    private final int to;

    ProtobufReader(byte[] bytes, int from, int to) {
      this.bytes = bytes;
      this.from = from;
      this.to = to;
    }

    Optional<ProtobufReader> message(int field) {
      return lengthDelimited(field).map(range -> new ProtobufReader(bytes, range[0], range[1]));
    }

    Optional<String> string(int field) {
      return lengthDelimited(field).map(range -> new String(bytes, range[0], range[1] - range[0], StandardCharsets.UTF_8));
    }

    /** The first occurrence of a length-delimited field as {from, to}; empty when absent or the bytes are not protobuf. */
    private Optional<int[]> lengthDelimited(int wanted) {
      int[] at = {from};
      try {
        while (at[0] < to) {
          long key = varint(at);
          int field = (int) (key >>> 3);
          switch ((int) (key & 7)) {
            case WIRE_VARINT:
              varint(at);
              break;
            case WIRE_FIXED64:
              at[0] += 8;
              break;
            case WIRE_FIXED32:
              at[0] += 4;
              break;
            case WIRE_LENGTH_DELIMITED: {
              long length = varint(at);
              if (length < 0 || at[0] + length > to) {
                return Optional.empty();
              }
              int start = at[0];
              at[0] += (int) length;
              if (field == wanted) {
                return Optional.of(new int[] {start, at[0]});
              }
              break;
            }
            default:
              return Optional.empty();
          }
        }
      } catch (NotProtobuf e) {
        return Optional.empty();
      }
      return Optional.empty();
    }

    /** Reads a varint at {@code at[0]} and moves past it (negative numbers take all ten bytes). */
    private long varint(int[] at) throws NotProtobuf {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (at[0] >= to) {
          throw new NotProtobuf();
        }
        byte b = bytes[at[0]++];
        value |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new NotProtobuf();
    }
  }

  /** The bytes end inside a field, or a varint runs too long. */
  private static final class NotProtobuf extends Exception {
    private static final long serialVersionUID = 1L;
  }
}
