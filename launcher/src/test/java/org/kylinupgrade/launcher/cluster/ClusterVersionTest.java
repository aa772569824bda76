package org.kylinupgrade.launcher.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.hbase.shaded.protobuf.ProtobufUtil;
import org.apache.hadoop.hbase.shaded.protobuf.generated.HBaseProtos;
import org.apache.hadoop.hbase.zookeeper.ZKMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.metadata.BadInputException;

/** A region server's znode as HBase writes it (HBase's own protobuf classes and ZooKeeper wrapper), read back. */
class ClusterVersionTest {
  @TempDir
  Path tmp;

  /** What a region server puts in its znode: HBase's metadata, the protobuf magic, a RegionServerInfo. */
  private static byte[] znode(HBaseProtos.RegionServerInfo info) {
    return ZKMetadata.appendMetaData("regionserver:16020".getBytes(StandardCharsets.UTF_8),
        ProtobufUtil.prependPBMagic(info.toByteArray()));
  }

  private static HBaseProtos.VersionInfo version(String version) {
    return HBaseProtos.VersionInfo.newBuilder().setVersion(version).setUrl("https://example.org/hbase.git")
        .setRevision("0123abcd").setUser("builder").setDate("Mon Jan  1 00:00:00 UTC 2024").setSrcChecksum("c0ffee")
        .setVersionMajor(9).setVersionMinor(9).build();
  }

  @Test
  void theVersionARegionServerAnnounces() {
    for (String v : new String[] {"2.6.1-hadoop3", "1.2.0-cdh5.16.2", "1.7.2"}) {
      byte[] data = znode(HBaseProtos.RegionServerInfo.newBuilder().setInfoPort(16030).setVersionInfo(version(v)).build());
      assertEquals(Optional.of(v), ClusterVersion.versionIn(data));
      assertEquals(Optional.of(v), ClusterVersion.versionIn(ProtobufUtil.prependPBMagic(
          HBaseProtos.RegionServerInfo.newBuilder().setVersionInfo(version(v)).build().toByteArray())), "without the metadata");
    }
    // a region server without its web UI says -1: ten bytes of varint before the version
    byte[] noUi = znode(HBaseProtos.RegionServerInfo.newBuilder().setInfoPort(-1).setVersionInfo(version("2.6.1")).build());
    assertEquals(Optional.of("2.6.1"), ClusterVersion.versionIn(noUi));
    assertEquals(2, new ClusterVersion("2.6.1-hadoop3", "rs").major());
    assertEquals(1, new ClusterVersion("1.2.0-cdh5.16.2", "rs").major());
  }

  @Test
  void aRegionServerBeforeHBase12SaysNothingAndCountsAsHBase1() {
    byte[] data = znode(HBaseProtos.RegionServerInfo.newBuilder().setInfoPort(60030).build());
    assertEquals(Optional.empty(), ClusterVersion.versionIn(data));
    assertEquals(Optional.empty(), ClusterVersion.versionIn(new byte[0]));
    ClusterVersion old = new ClusterVersion(null, "rs");
    assertEquals(1, old.major());
    assertTrue(old.toString().contains("0.98"), old::toString);
  }

  @Test
  void bytesThatAreNotARegionServerInfoGiveNoVersion() {
    assertEquals(Optional.empty(), ClusterVersion.versionIn("not protobuf".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Optional.empty(), ClusterVersion.versionIn(new byte[] {(byte) 0xFF, 0, 0, 0, 50, 1}));
    byte[] cut = znode(HBaseProtos.RegionServerInfo.newBuilder().setVersionInfo(version("2.6.1")).build());
    assertEquals(Optional.empty(), ClusterVersion.versionIn(java.util.Arrays.copyOf(cut, cut.length - 20)));
  }

  @Test
  void zooKeeperIsWhereTheHBaseSiteSaysOrTheOptionOverrides() throws IOException {
    Path site = tmp.resolve("hbase-site.xml");
    Files.writeString(site, "<configuration>"
        + "<property><name>hbase.zookeeper.quorum</name><value>zk1, zk2:2182</value></property>"
        + "<property><name>hbase.zookeeper.property.clientPort</name><value>2222</value></property>"
        + "<property><name>zookeeper.znode.parent</name><value>/hbase-unsecure</value></property>"
        + "</configuration>");
    ZooKeeperAddress fromSite = ZooKeeperAddress.of(Optional.of(site.toString()), null);
    assertEquals("zk1:2222,zk2:2182", fromSite.connectString);
    assertEquals("/hbase-unsecure", fromSite.parent);
    ZooKeeperAddress overridden = ZooKeeperAddress.of(Optional.of(site.toString()), "zk9:2189");
    assertEquals("zk9:2189", overridden.connectString);
    assertEquals("/hbase-unsecure", overridden.parent);
    ZooKeeperAddress defaults = ZooKeeperAddress.of(Optional.empty(), null);
    assertEquals("127.0.0.1:2181", defaults.connectString);
    assertEquals("/hbase", defaults.parent);
    assertThrows(BadInputException.class, () -> ZooKeeperAddress.of(Optional.empty(), "no-port"));
    assertThrows(BadInputException.class, () -> ZooKeeperAddress.of(Optional.of(tmp.resolve("missing.xml").toString()), null));
  }
}
