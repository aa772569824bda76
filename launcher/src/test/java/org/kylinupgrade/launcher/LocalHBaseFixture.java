package org.kylinupgrade.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.kylinupgrade.jobs.ExitCodes;

/** The embedded local HBase, started through the launcher for a test class (ZooKeeper on a free port) and stopped. */
public final class LocalHBaseFixture {
  private final Path dir;

  private LocalHBaseFixture(Path dir) {
    this.dir = dir;
  }

  public static LocalHBaseFixture start(Path dir) {
    assertEquals(ExitCodes.OK, Main.run("local-hbase", "start", "--dir", dir.toString(), "--port", Integer.toString(freePort())));
    return new LocalHBaseFixture(dir);
  }

  /** The hbase-site.xml the local HBase wrote, for {@code --hbase-site}. */
  public String hbaseSite() {
    return dir.resolve("hbase-site.xml").toString();
  }

  public void stop() {
    Main.run("local-hbase", "stop", "--dir", dir.toString());
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
