package org.kylinupgrade.launcher.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.kylinupgrade.metadata.BadInputException;

/**
 * Where HBase's ZooKeeper is, as an HBase client finds it: the hbase-site's {@code hbase.zookeeper.quorum}
 * (hosts, each with or without its port), {@code hbase.zookeeper.property.clientPort} and
 * {@code zookeeper.znode.parent}, with HBase's defaults, and {@code --zookeeper HOST:PORT} over them.
 */
public final class ZooKeeperAddress {
  static final String QUORUM = "hbase.zookeeper.quorum";
  static final String CLIENT_PORT = "hbase.zookeeper.property.clientPort";
  static final String PARENT = "zookeeper.znode.parent";

  public final String connectString;
  public final String parent;

  ZooKeeperAddress(String connectString, String parent) {
    this.connectString = connectString;
    this.parent = parent;
  }

  public static ZooKeeperAddress of(Optional<String> hbaseSite, String zookeeperOption) {
    Configuration site = new Configuration(false);
    hbaseSite.ifPresent(file -> {
      if (!new java.io.File(file).isFile()) {
        throw new BadInputException("--hbase-site " + file + " is not a readable file");
      }
      site.addResource(new Path(new java.io.File(file).getAbsolutePath()));
    });
    String quorum = site.getTrimmed(QUORUM, "127.0.0.1");
    String port = site.getTrimmed(CLIENT_PORT, "2181");
    if (zookeeperOption != null && !zookeeperOption.trim().isEmpty()) {
      String[] hostPort = zookeeperOption.trim().split(":");
      if (hostPort.length != 2 || !hostPort[1].matches("\\d+")) {
        throw new BadInputException("--zookeeper '" + zookeeperOption + "' is not HOST:PORT");
      }
      quorum = hostPort[0];
      port = hostPort[1];
    }
    List<String> servers = new ArrayList<>();
    for (String host : quorum.split(",")) {
      String h = host.trim();
      if (!h.isEmpty()) {
        servers.add(h.contains(":") ? h : h + ":" + port);
      }
    }
    return new ZooKeeperAddress(String.join(",", servers), site.getTrimmed(PARENT, "/hbase"));
  }

  @Override
  public String toString() {
    return connectString + parent;
  }
}
