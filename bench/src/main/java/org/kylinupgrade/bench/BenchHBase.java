package org.kylinupgrade.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.LocalHBase;

/**
 * The benchmark's own real standalone HBase ({@link LocalHBase}, a child JVM) with its data folder, and a client
 * connection to it. The data folder is kept between runs, so generated tables (their seed snapshots) are too.
 */
final class BenchHBase implements Closeable {
  private final LocalHBase local;
  private final boolean keepRunning;
  private final HBaseCluster cluster;

  private BenchHBase(LocalHBase local, boolean keepRunning, HBaseCluster cluster) {
    this.local = local;
    this.keepRunning = keepRunning;
    this.cluster = cluster;
  }

  /** Starts HBase in {@code dir} with ZooKeeper on {@code port}, or attaches to the one already running there. */
  static BenchHBase start(Path dir, int port, boolean keepRunning) throws IOException, InterruptedException {
    LocalHBase local = new LocalHBase(dir.toFile());
    long start = System.nanoTime();
    LocalHBase.Status status = local.start(port);
    System.out.printf("local HBase: %s (ready after %.1f s)%n", status, (System.nanoTime() - start) / 1e9);
    HBaseCluster cluster = HBaseCluster.connect(HBaseCluster.configuration(clientSite(local).toString(), null), null);
    return new BenchHBase(local, keepRunning, cluster);
  }

  private static Path clientSite(LocalHBase local) {
    return local.clientSite().toPath();
  }

  HBaseCluster cluster() {
    return cluster;
  }

  /** The client {@code hbase-site.xml} the commands are given with {@code --hbase-site}. */
  Path clientSite() {
    return clientSite(local);
  }

  @Override
  public void close() throws IOException {
    cluster.close();
    if (!keepRunning) {
      try {
        local.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
