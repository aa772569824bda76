package org.kylinupgrade.hbase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.util.VersionInfo;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * The HBase versions in play: the client this build links, and the one a running cluster reports.
 *
 * <p>The cluster's version is read from ZooKeeper, not asked over HBase's RPC, so that the same call works
 * from an HBase 1 and an HBase 2 client against an HBase 1 or 2 cluster: every region server registers an
 * ephemeral znode {@code <zookeeper.znode.parent>/rs/<server name>} whose data is HBase's metadata header
 * ({@code 0xFF}, a 4-byte id length, the id), the magic {@code PBUF} and a protobuf {@code RegionServerInfo}
 * (field 1 the info port, field 2 a {@code VersionInfo} whose field 1 is the version string). That layout is
 * the same in HBase 1.1 to 2.x; region servers of older releases write no version (empty result).
 */
public final class HBaseVersions {
  private static final int SESSION_TIMEOUT_MS = 10_000;
  private static final long CONNECT_TIMEOUT_MS = 15_000;
  private static final byte[] PB_MAGIC = "PBUF".getBytes(StandardCharsets.US_ASCII);

  private HBaseVersions() {
  }

  /** The version of the HBase client classes this build runs with, e.g. {@code 2.6.1-hadoop3} or {@code 1.7.2}. */
  public static String client() {
    return VersionInfo.getVersion();
  }

  /** The major version of {@link #client()}: 1 or 2. */
  public static int clientMajor() {
    return major(client());
  }

  /** The leading number of a version string ({@code "1.7.2"} gives 1). */
  public static int major(String version) {
    int dot = version.indexOf('.');
    return Integer.parseInt(dot < 0 ? version.trim() : version.substring(0, dot).trim());
  }

  /** {@link #ofCluster(Configuration)} for a client configuration given as the jobs' options take it. */
  public static Optional<String> ofCluster(String hbaseSite, String zookeeper) throws IOException {
    return ofCluster(HBaseCluster.configuration(hbaseSite, zookeeper));
  }

  /**
   * The HBase version the cluster's region servers report in ZooKeeper (the first one that reports one), or
   * empty when no live region server reports a version. Throws {@link ClusterUnreachableException} when
   * ZooKeeper does not answer within 15 s.
   */
  public static Optional<String> ofCluster(Configuration conf) throws IOException {
    String quorum = quorum(conf);
    String rsDir = rsDir(conf);
    CountDownLatch connected = new CountDownLatch(1);
    Watcher watcher = (WatchedEvent event) -> {
      if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
        connected.countDown();
      }
    };
    ZooKeeper zk = new ZooKeeper(quorum, SESSION_TIMEOUT_MS, watcher);
    try {
      if (!connected.await(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
        throw new ClusterUnreachableException("ZooKeeper " + quorum + " did not answer within "
            + CONNECT_TIMEOUT_MS / 1000 + " s; check --zookeeper / --hbase-site", null);
      }
      List<String> servers;
      try {
        servers = new ArrayList<>(zk.getChildren(rsDir, false));
      } catch (KeeperException.NoNodeException e) {
        return Optional.empty();
      }
      Collections.sort(servers);
      for (String server : servers) {
        try {
          Optional<String> version = versionOf(zk.getData(rsDir + "/" + server, false, null));
          if (version.isPresent()) {
            return version;
          }
        } catch (KeeperException.NoNodeException gone) {
          // the server went away meanwhile
        }
      }
      return Optional.empty();
    } catch (KeeperException e) {
      throw new IOException("cannot read " + rsDir + " in ZooKeeper " + quorum + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading ZooKeeper " + quorum, e);
    } finally {
      try {
        zk.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** {@code host:port,...} from {@code hbase.zookeeper.quorum} and {@code hbase.zookeeper.property.clientPort}. */
  static String quorum(Configuration conf) {
    String port = conf.get("hbase.zookeeper.property.clientPort", "2181");
    StringBuilder out = new StringBuilder();
    for (String host : conf.getTrimmedStrings("hbase.zookeeper.quorum", "localhost")) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(host.contains(":") ? host : host + ":" + port);
    }
    return out.toString();
  }

  static String rsDir(Configuration conf) {
    String parent = conf.get("zookeeper.znode.parent", "/hbase");
    String rs = conf.get("zookeeper.znode.rs", "rs");
    return rs.startsWith("/") ? rs : (parent.endsWith("/") ? parent : parent + "/") + rs;
  }

  /** The version in a region server znode's data (see the class comment), or empty when it holds none. */
  public static Optional<String> versionOf(byte[] data) {
    if (data == null || data.length == 0) {
      return Optional.empty();
    }
    int pos = 0;
    if (data[0] == (byte) 0xFF) {
      if (data.length < 5) {
        return Optional.empty();
      }
      int idLength = ((data[1] & 0xFF) << 24) | ((data[2] & 0xFF) << 16) | ((data[3] & 0xFF) << 8) | (data[4] & 0xFF);
      pos = 5 + idLength;
    }
    if (pos < 0 || pos + PB_MAGIC.length > data.length) {
      return Optional.empty();
    }
    for (int i = 0; i < PB_MAGIC.length; i++) {
      if (data[pos + i] != PB_MAGIC[i]) {
        return Optional.empty();
      }
    }
    pos += PB_MAGIC.length;
    try {
      byte[] versionInfo = field(data, pos, data.length, 2);
      if (versionInfo == null) {
        return Optional.empty();
      }
      byte[] version = field(versionInfo, 0, versionInfo.length, 1);
      return version == null ? Optional.empty() : Optional.of(new String(version, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  /**
   * The bytes of the first length-delimited field {@code number} of a protobuf message, or null; an
   * {@code IllegalArgumentException} when the message is malformed.
   */
  private static byte[] field(byte[] message, int from, int to, int number) {
    int[] pos = {from};
    while (pos[0] < to) {
      long tag = varint(message, pos, to);
      int wire = (int) (tag & 7);
      long fieldNumber = tag >>> 3;
      if (wire == 0) {
        // a varint; an int32 of -1 (the info port of a server without one) takes ten bytes
        varint(message, pos, to);
      } else if (wire == 1 || wire == 5) {
        pos[0] += wire == 1 ? 8 : 4;
      } else if (wire == 2) {
        long length = varint(message, pos, to);
        if (length < 0 || pos[0] + length > to) {
          throw new IllegalArgumentException("field " + fieldNumber + " runs past the message");
        }
        if (fieldNumber == number) {
          byte[] out = new byte[(int) length];
          System.arraycopy(message, pos[0], out, 0, out.length);
          return out;
        }
        pos[0] += (int) length;
      } else {
        throw new IllegalArgumentException("wire type " + wire + " at " + pos[0]);
      }
    }
    return null;
  }

  private static long varint(byte[] bytes, int[] pos, int to) {
    long value = 0;
    for (int shift = 0; shift < 64 && pos[0] < to; shift += 7) {
      byte b = bytes[pos[0]++];
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("truncated varint at " + pos[0]);
  }
}
